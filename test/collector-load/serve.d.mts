export const CLI: string;

export interface ServeOptions {
  /** A folder (embedded database) or a postgres:// URL. */
  db: string;
  port?: number;
  writeKeys?: string[];
  origins?: string[];
  adminToken?: string;
  config?: string;
  cwd?: string;
}

export interface ServeProcess {
  url: string;
  pid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startServeProcess(options: ServeOptions): Promise<ServeProcess>;
