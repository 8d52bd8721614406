import type { Config } from './schema.js';
import { validateConfig, type ConfigProblem } from './validate.js';

export interface ConfigVerdict {
  /** The valid config, or null when rejected. */
  config: Config | null;
  /** Debug lines: what is valid but likely not meant, such as a trigger that can never fire. */
  notes: string[];
  rejection?: { message: string; problems: ConfigProblem[] };
}

/**
 * The validator's answer in the words the SDK reports. It runs inside the validator chunk, so
 * a page with a compiled config carries none of this wording in its core.
 */
export function configVerdict(input: unknown): ConfigVerdict {
  const result = validateConfig(input);
  const notes = result.warnings.map((warning) => `config warning at ${warning.path}: ${warning.message}`);
  if (result.ok) return { config: result.config, notes };
  const message = `config rejected:\n${result.errors.map((problem) => `  ${problem.path}: ${problem.message}`).join('\n')}`;
  return { config: null, notes, rejection: { message, problems: result.errors } };
}
