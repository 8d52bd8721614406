import type { PathSegment } from './paths.js';
import type { RawProblem } from './semantic.js';

/**
 * Bounds on a config, so that no config can freeze the page that loads it (a 20 MB question
 * once took 5.8 s to show, issue 11). Lengths are in UTF-16 code units, as JavaScript counts.
 */
export const LIMITS = {
  /** The whole config, as JSON text. */
  configChars: 256 * 1024,
  /** Objects and arrays inside one another. */
  depth: 32,
  /** Any one string: a text, an event name, an operator's value, a regex. */
  textChars: 1000,
  /** Keys of a map: locales of a text, props of a `where`, names under `trait`/`query`/`prompt`. */
  keyChars: 100,
  mapKeys: 50,
  prompts: 100,
  stages: 50,
  rules: 100,
  tiers: 20,
  offers: 50,
  /** Items of `all`, `any`, `in` and `notIn`. */
  listItems: 100,
} as const;

/**
 * What the shape cannot check, found in one walk before it runs: total size and depth (past
 * either, nothing else is checked: `fatal`), and `__proto__` keys, which JSON.parse keeps but
 * any copy into a plain object turns into a prototype, so the text silently vanishes.
 */
export function boundsProblems(input: unknown): { problems: RawProblem[]; fatal: boolean } {
  const problems: RawProblem[] = [];
  let chars = 0;
  let fatal = false;
  const walk = (value: unknown, path: PathSegment[]): void => {
    if (fatal) return;
    if (typeof value === 'string') chars += value.length + 3;
    else chars += 8;
    if (chars > LIMITS.configChars) {
      problems.push({ path: [], message: `the config is larger than ${LIMITS.configChars / 1024} KiB of JSON` });
      fatal = true;
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (path.length >= LIMITS.depth) {
      problems.push({ path, message: `nested more than ${LIMITS.depth} levels deep` });
      fatal = true;
      return;
    }
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, [...path, index]);
      return;
    }
    const keys = Object.keys(value);
    if (keys.length > LIMITS.mapKeys) problems.push({ path, message: `must have at most ${LIMITS.mapKeys} keys` });
    for (const key of keys) {
      chars += key.length;
      if (key === '__proto__') problems.push({ path: [...path, key], message: '"__proto__" cannot be used as a key' });
      else if (key.length > LIMITS.keyChars)
        problems.push({ path: [...path, `${key.slice(0, 40)}…`], message: `keys must have at most ${LIMITS.keyChars} characters` });
      walk((value as Record<string, unknown>)[key], [...path, key]);
    }
  };
  walk(input, []);
  return { problems, fatal };
}
