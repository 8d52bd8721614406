import { readFile } from 'node:fs/promises';
import type { Config } from '../config/schema.js';
import { compileConfig } from '../config/compile.js';

export interface CollectorOptions {
  /** A folder for the embedded database, or a postgres:// URL. Default `./.waymark`. */
  db?: string;
  /** Write keys accepted on `/collect`; empty or absent accepts any. */
  writeKeys?: string[];
  /** Origins whose pages may post and read answers (`*` for any); same-origin always may. */
  origins?: string[];
  /** Bearer token of every `/api/` route; without one those routes answer 401. */
  adminToken?: string;
  /** The marketer config (object or path to its JSON): served at `/waymark.json`, runs the ledger. */
  config?: Config | string;
  /** Records received more than this many days ago are removed, hourly. Default: kept. */
  retentionDays?: number;
  /** Largest body on the wire, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Largest body after decompression, in bytes. Default 8 MiB. */
  maxDecodedBytes?: number;
  /** How far a browser's clock may be from the server's and still count. Default 600 s. */
  maxClockSkewSeconds?: number;
  /** A folder served for GET requests outside the collector's routes (the SDK's `dist/`). */
  assets?: string;
  /** Server time in epoch ms; a parameter so replays and tests can move it. Default `Date.now`. */
  now?: () => number;
  /** Where problems that have no request to answer go (a lost idle connection). Default `console.error`. */
  onError?: (error: Error) => void;
}

export interface Settings {
  db: string;
  writeKeys: string[];
  origins: string[];
  adminToken: string | undefined;
  config: { parsed: Config; text: string } | null;
  retentionDays: number | null;
  limits: { maxBodyBytes: number; maxDecodedBytes: number };
  maxSkewMs: number;
  assets: string | null;
  now: () => number;
  onError: (error: Error) => void;
}

const MIB = 1024 * 1024;

/** A config file or object, validated as the SDK would (a bad one stops the collector at start), and compiled. */
async function loadConfig(config: Config | string | undefined): Promise<Settings['config']> {
  if (config === undefined) return null;
  const text = typeof config === 'string' ? await readFile(config, 'utf8') : JSON.stringify(config);
  const result = compileConfig(text);
  if (!result.ok) {
    const where = typeof config === 'string' ? config : 'the config';
    throw new Error(`${where} is invalid:\n${result.errors.map((problem) => `  ${problem.path}: ${problem.message}`).join('\n')}`);
  }
  // Served compiled, so the pages it serves take the config without fetching the validator.
  return { parsed: result.config, text: result.text };
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(Number.isFinite(value) && value > 0)) throw new Error(`${name} must be a positive number, not ${value}`);
  return value;
}

export async function resolveSettings(options: CollectorOptions): Promise<Settings> {
  return {
    db: options.db ?? '.waymark',
    writeKeys: options.writeKeys ?? [],
    origins: options.origins ?? [],
    adminToken: options.adminToken || undefined,
    config: await loadConfig(options.config),
    retentionDays: options.retentionDays === undefined ? null : positive('retentionDays', options.retentionDays, 0),
    limits: {
      maxBodyBytes: positive('maxBodyBytes', options.maxBodyBytes, MIB),
      maxDecodedBytes: positive('maxDecodedBytes', options.maxDecodedBytes, 8 * MIB),
    },
    maxSkewMs: positive('maxClockSkewSeconds', options.maxClockSkewSeconds, 600) * 1000,
    assets: options.assets ?? null,
    now: options.now ?? Date.now,
    onError: options.onError ?? ((error) => console.error(`waymark collector: ${error.message}`)),
  };
}
