import type { PageExit } from '../lifecycle/page-exit.js';
import type { DeliveryOptions, DeliveryStats, FlushResult } from '../api.js';
import type { WaymarkError } from '../errors.js';
import type { Touchpoint } from '../types.js';

export const DEFAULT_DELIVERY: DeliveryOptions = {
  batchSize: 50,
  batchBytes: 48 * 1024,
  flushIntervalMs: 3_000,
  maxRecords: 10_000,
  maxBytes: 5 * 1024 * 1024,
  maxAgeDays: 7,
  maxRecordBytes: 32 * 1024,
};

/** Anything but a sane positive number falls back to the default: a batchSize of 0 would read the whole store. */
export function saneDelivery(given: DeliveryOptions): DeliveryOptions {
  const delivery = { ...DEFAULT_DELIVERY };
  for (const name of Object.keys(delivery) as Array<keyof DeliveryOptions>) {
    if (given[name] > 0 && given[name] < 2 ** 31) delivery[name] = given[name];
  }
  return delivery;
}

export interface OutboxOptions {
  /** Separates the IndexedDB databases and locks of several instances. */
  namespace: string;
  /** Read at send time; undefined keeps records and sends nothing. */
  endpoint: () => string | undefined;
  writeKey?: string;
  format: 'waymark' | 'segment';
  /** Any header makes requests non-simple (a CORS preflight); default none. */
  headers?: Record<string, string>;
  /** x.y.z: the body says "waymark@x.y.z". */
  sdkVersion: string;
  /** Defaults already merged by the caller. */
  delivery: DeliveryOptions;
  onError(error: WaymarkError): void;
  onFlush(result: FlushResult): void;
  /** Parsed JSON body of a 2xx answer, if any. */
  onResponse?(body: unknown): void;
  debug?(message: string, ...details: unknown[]): void;
  /** The page's exit phases, shared with the other modules; the outbox makes its own without. */
  pageExit?: PageExit;
}

export interface Outbox {
  /** Synchronous: never waits on IndexedDB, never throws. */
  add(touchpoint: Touchpoint): void;
  /** Sends everything pending now, unless a retry is already scheduled; never rejects. */
  flush(): Promise<FlushResult>;
  /** Flush on the next tick, e.g. right after a prompt answer. */
  flushSoon(): void;
  stats(): DeliveryStats;
  /** Drops everything pending (reset, consent withdrawn). */
  clear(): Promise<void>;
  /** Stops timers and listeners; pending records stay in IndexedDB. */
  destroy(): void;
}
