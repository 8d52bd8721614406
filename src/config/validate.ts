import { parseJsonText } from './json-text.js';
import { describeIssue } from './issues.js';
import { boundsProblems, LIMITS } from './limits.js';
import { formatPath, type PathSegment } from './paths.js';
import { ConfigSchema, type Config } from './schema.js';
import { semanticProblems } from './semantic.js';

export interface ConfigProblem {
  /** e.g. `prompts[0].trigger.delaySeconds`; `(root)` for the document. */
  path: string;
  message: string;
}
export type ValidationResult = { ok: true; config: Config } | { ok: false; errors: ConfigProblem[] };

/**
 * Validates a marketer's config (an object, or its JSON text) and lists every problem by path.
 * Never throws.
 */
export function validateConfig(input: unknown): ValidationResult {
  try {
    if (typeof input === 'string') {
      if (input.length > LIMITS.configChars) return { ok: false, errors: [{ path: '(root)', message: `the config is larger than ${LIMITS.configChars / 1024} KiB of JSON` }] };
      const parsed = parseJsonText(input);
      if (!parsed.ok) return { ok: false, errors: [{ path: '(root)', message: parsed.message }] };
      input = parsed.value;
    }
    const problems: ConfigProblem[] = [];
    const seen = new Set<string>();
    const add = (path: PathSegment[], message: string) => {
      const problem = { path: formatPath(path), message };
      const key = problem.path + '\n' + message;
      if (!seen.has(key)) problems.push(problem), seen.add(key);
    };
    const bounds = boundsProblems(input);
    for (const problem of bounds.problems) add(problem.path, problem.message);
    if (bounds.fatal) return { ok: false, errors: problems };
    const result = ConfigSchema.safeParse(input, { reportInput: true });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = issue.path as PathSegment[];
        if (issue.code === 'unrecognized_keys') for (const key of issue.keys) add([...path, key], `unknown key "${key}"`);
        else if (issue.code === 'invalid_union' && path[path.length - 1] === 'kind') {
          add(path, 'expected one of "nps", "rating", "exit", "reward"');
        } else add(path, describeIssue(issue));
      }
    }
    for (const problem of semanticProblems(input)) add(problem.path, problem.message);
    return problems.length || !result.success ? { ok: false, errors: problems } : { ok: true, config: result.data };
  } catch (error) {
    return { ok: false, errors: [{ path: '(root)', message: `could not be validated: ${String(error)}` }] };
  }
}
