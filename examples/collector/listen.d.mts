/** Types for the collector's JavaScript (it runs in plain Node, with no build step). */
export interface StoredTouchpoint {
  id: string;
  name: string;
  ts: string;
  writeKey: string;
  receivedAt: string;
  [key: string]: unknown;
}

export interface EventStore {
  readonly file: string;
  readonly skippedLines: number;
  readonly size: number;
  append(batch: StoredTouchpoint[]): Promise<{ accepted: number; duplicates: number }>;
  all(): StoredTouchpoint[];
  subscribe(listener: (fresh: StoredTouchpoint[]) => void): () => void;
}

export interface RunningCollector {
  url: string;
  port: number;
  store: EventStore;
  close(): Promise<void>;
}

export const HOST: '127.0.0.1';

export function startCollector(options: {
  root: string;
  dataDir: string;
  port?: number;
  attempts?: number;
  summarize?: (touchpoints: StoredTouchpoint[]) => unknown;
}): Promise<RunningCollector>;
