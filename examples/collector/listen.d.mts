/** Types for the demo's JavaScript (it runs in plain Node, with no build step). */
export interface RunningCollector {
  url: string;
  port: number;
  /** The admin token of the collector's `/api/` routes. */
  adminToken: string;
  /** The report page, with the admin token in its fragment (never sent to a server). */
  reportUrl: string;
  close(): Promise<void>;
}

export const HOST: '127.0.0.1';

export function startCollector(options: { root: string; dataDir: string; port?: number; attempts?: number; adminToken?: string }): Promise<RunningCollector>;
