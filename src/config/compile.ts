// Through the engine chunk, so a browser holds one copy of the hash (see lazy/engine.ts).
import { CONFIG_GRAMMAR, contentHash } from '../lazy/engine.js';
import type { CompiledMark } from './compiled.js';
import type { Config } from './schema.js';
import { validateConfig, type ConfigProblem } from './validate.js';

export type CompiledConfig = Config & { $compiled: CompiledMark };
export type CompileResult =
  | { ok: true; config: CompiledConfig; text: string; warnings: ConfigProblem[] }
  | { ok: false; errors: ConfigProblem[]; warnings: ConfigProblem[] };

/**
 * Validates a config (object or JSON text) and, when it is valid, returns it compiled: the
 * validator's output without the editor-only `$schema` and `$comment`, marked with the
 * grammar and a content hash, and as minified JSON text. A browser given this file skips
 * the validator chunk. Never throws.
 */
export function compileConfig(input: unknown): CompileResult {
  const result = validateConfig(input);
  if (!result.ok) return result;
  const { $schema: _schema, $comment: _comment, $compiled: _previous, ...config } = result.config;
  const compiled: CompiledConfig = { ...config, $compiled: { grammar: CONFIG_GRAMMAR, hash: contentHash(config) } };
  return { ok: true, config: compiled, text: JSON.stringify(compiled), warnings: result.warnings };
}
