import { contentHash } from './content-hash.js';
import type { Config } from './schema.js';

/**
 * The grammar a compiled config was checked against. Bump it when the schema accepts
 * something an older SDK's engine would not understand: an SDK trusts compiled configs of
 * its own grammar or older, and validates newer ones.
 */
export const CONFIG_GRAMMAR = 1;

/** The mark `waymark build` adds to a config it validated and normalised. */
export interface CompiledMark {
  grammar: number;
  /** `contentHash` of the config without its mark. */
  hash: string;
}

/**
 * The config a compiled file holds, when its mark is of a grammar this SDK knows and its hash
 * matches its content; otherwise null, and the validator checks it (a hand edit, an older
 * tool, or a file that is not JSON at all).
 */
export function trustCompiled(input: unknown): Config | null {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return null; // the validator reports the syntax error with its position
    }
  }
  if (value === null || typeof value !== 'object') return null;
  const { $compiled: mark, ...config } = value as { $compiled?: Partial<CompiledMark> };
  const known = typeof mark?.grammar === 'number' && mark.grammar <= CONFIG_GRAMMAR;
  return known && mark.hash === contentHash(config) ? (config as Config) : null;
}
