// Globs for paths and URLs, matched against the whole string: `*` stays within one path
// segment (never crosses `/`), `**` crosses segments (`/a/**/b` also matches `/a/b`), `?` is
// one character other than `/`, and `\` makes the next character literal.
//
// A glob compiles to a small automaton run over all its states at once (Thompson's
// construction), never to a RegExp: V8 backtracks, and `/**/**/**/**/**/**x` took 48 s on
// 100 characters (issue 11). Here a match costs at most pattern × input steps.

/**
 * One state: it consumes a character that `takes` accepts (a `loop` state stays put after
 * consuming), or, with `skip`, jumps over the next states without consuming (the optional `**` + `/` group).
 */
type Step = { takes: (char: string) => boolean; loop?: boolean } | { skip: number };

const ANY = () => true;
const NOT_SLASH = (char: string) => char !== '/';
const exactly = (wanted: string) => (char: string) => char === wanted;

export type GlobMatcher = (value: string) => boolean;

const compiled = new Map<string, GlobMatcher>();

export function compileGlob(pattern: string): GlobMatcher {
  let matcher = compiled.get(pattern);
  if (matcher) return matcher;
  const steps = parse(pattern);
  matcher = (value) => run(steps, value);
  // Patterns come from the config, so this stays small; the cap guards against misuse.
  if (compiled.size > 500) compiled.clear();
  compiled.set(pattern, matcher);
  return matcher;
}

function parse(pattern: string): Step[] {
  const steps: Step[] = [];
  // By code point: `?` must take one code point, so an emoji is one character, not two halves.
  const chars = [...pattern];
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index]!;
    if (char === '*' && chars[index + 1] === '*') {
      index++;
      if (chars[index + 1] === '/') {
        // `**/` may match no segment at all, so `/docs/**/intro` matches `/docs/intro`.
        steps.push({ skip: 3 }, { takes: ANY, loop: true }, { takes: exactly('/') });
        index++;
      } else steps.push({ takes: ANY, loop: true });
    } else if (char === '*') steps.push({ takes: NOT_SLASH, loop: true });
    else if (char === '?') steps.push({ takes: NOT_SLASH });
    else steps.push({ takes: exactly(char === '\\' ? (chars[++index] ?? '\\') : char) });
  }
  return steps;
}

function run(steps: Step[], value: string): boolean {
  let current = close(steps, [0]);
  for (const char of value) {
    const next: number[] = [];
    for (const state of current) {
      const step = steps[state];
      if (step && 'takes' in step && step.takes(char)) next.push(step.loop ? state : state + 1);
    }
    if (!next.length) return false;
    current = close(steps, next);
  }
  return current.includes(steps.length);
}

/** The states reachable without consuming: past loops (zero times) and optional groups. */
function close(steps: Step[], states: number[]): number[] {
  const seen = new Set<number>();
  const pending = [...states];
  while (pending.length) {
    const state = pending.pop()!;
    if (seen.has(state)) continue;
    seen.add(state);
    const step = steps[state];
    if (step && 'skip' in step) pending.push(state + 1, state + step.skip);
    else if (step?.loop) pending.push(state + 1);
  }
  return [...seen];
}

export const matchesGlob = (pattern: string, value: string): boolean => compileGlob(pattern)(value);
