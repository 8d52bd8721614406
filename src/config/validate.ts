import { parseJsonText } from './json-text.js';
import { boundsProblems, LIMITS } from './limits.js';
import { formatPath, type PathSegment } from './paths.js';
import { ConfigSchema, type Config } from './schema.js';
import { semanticProblems } from './semantic.js';
import { journeyProblems } from './journey-semantics.js';
import { shapeProblems } from './shape-problems.js';
import { configWarnings } from './warnings.js';

export interface ConfigProblem {
  /** e.g. `prompts[0].trigger.delaySeconds`; `(root)` for the document. */
  path: string;
  message: string;
}
/** `warnings` never reject a config: they flag what is valid but likely not meant. */
export type ValidationResult = { ok: true; config: Config; warnings: ConfigProblem[] } | { ok: false; errors: ConfigProblem[]; warnings: ConfigProblem[] };

/**
 * Validates a marketer's config (an object, or its JSON text) and lists every problem by path.
 * Never throws.
 */
export function validateConfig(input: unknown): ValidationResult {
  const rejected = (message: string): ValidationResult => ({ ok: false, errors: [{ path: '(root)', message }], warnings: [] });
  try {
    if (typeof input === 'string') {
      if (input.length > LIMITS.configChars) return rejected(`the config is larger than ${LIMITS.configChars / 1024} KiB of JSON`);
      const parsed = parseJsonText(input);
      if (!parsed.ok) return rejected(parsed.message);
      input = parsed.value;
    }
    const problems: ConfigProblem[] = [];
    const seen = new Set<string>();
    const add = (path: PathSegment[], message: string) => {
      const problem = { path: formatPath(path), message };
      const key = `${problem.path}\n${message}`;
      if (!seen.has(key)) problems.push(problem), seen.add(key);
    };
    const bounds = boundsProblems(input);
    for (const problem of bounds.problems) add(problem.path, problem.message);
    if (bounds.fatal) return { ok: false, errors: problems, warnings: [] };
    const shape = shapeProblems(ConfigSchema, input, add);
    for (const problem of [...semanticProblems(input), ...journeyProblems(input)]) add(problem.path, problem.message);
    const warnings = configWarnings(input).map((warning) => ({ path: formatPath(warning.path), message: warning.message }));
    return shape.ok && !problems.length ? { ok: true, config: shape.value, warnings } : { ok: false, errors: problems, warnings };
  } catch (error) {
    return rejected(`could not be validated: ${String(error)}`);
  }
}
