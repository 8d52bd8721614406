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
type Step = { takes: (char: string) => boolean; loop?: boolean; literal?: string } | { skip: number };

const ANY = () => true;
const NOT_SLASH = (char: string) => char !== '/';
const exactly = (wanted: string): Step => ({ takes: (char) => char === wanted, literal: wanted });

export type GlobMatcher = (value: string) => boolean;

const compiled = new Map<string, GlobMatcher>();

export function compileGlob(pattern: string): GlobMatcher {
  let matcher = compiled.get(pattern);
  if (matcher) return matcher;
  matcher = withLiteralEnds(parse(pattern));
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
        // The group's `/` is not a literal end: the group may be skipped.
        steps.push({ skip: 3 }, { takes: ANY, loop: true }, { takes: (next) => next === '/' });
        index++;
      } else steps.push({ takes: ANY, loop: true });
    } else if (char === '*') steps.push({ takes: NOT_SLASH, loop: true });
    else if (char === '?') steps.push({ takes: NOT_SLASH });
    else steps.push(exactly(char === '\\' ? (chars[++index] ?? '\\') : char));
  }
  return steps;
}

const literalOf = (step: Step | undefined) => (step && 'literal' in step ? step.literal : undefined);

/**
 * Most globs start and end with literal text (`/products/` and `/p42`): a value without that prefix
 * and suffix is refused by two string comparisons, and only the rest runs the automaton.
 */
function withLiteralEnds(steps: Step[]): GlobMatcher {
  let head = 0;
  while (literalOf(steps[head]) !== undefined) head++;
  if (head === steps.length) {
    const whole = steps.map(literalOf).join('');
    return (value) => value === whole;
  }
  let tail = steps.length;
  while (literalOf(steps[tail - 1]) !== undefined) tail--;
  const prefix = steps.slice(0, head).map(literalOf).join('');
  const suffix = steps.slice(tail).map(literalOf).join('');
  const run = automaton(steps);
  return (value) => value.length >= prefix.length + suffix.length && value.startsWith(prefix) && value.endsWith(suffix) && run(value);
}

/**
 * Sets of states are bit sets (32 states per word) and each state's closure is computed once,
 * so a match allocates two small arrays and does no hashing: rules run globs on every touchpoint.
 */
function automaton(steps: Step[]): GlobMatcher {
  const accept = steps.length;
  const words = (accept >> 5) + 1;
  const closures = steps.map((_, state) => closure(steps, state, words));
  closures.push(closure(steps, accept, words));
  return (value) => {
    let current = closures[0]!.slice();
    let next = new Uint32Array(words);
    for (const char of value) {
      next.fill(0);
      let alive = false;
      for (let state = 0; state < accept; state++) {
        if (!(current[state >> 5]! & (1 << (state & 31)))) continue;
        const step = steps[state]!;
        if (!('takes' in step) || !step.takes(char)) continue;
        const reached = closures[step.loop ? state : state + 1]!;
        for (let word = 0; word < words; word++) next[word]! |= reached[word]!;
        alive = true;
      }
      if (!alive) return false;
      [current, next] = [next, current];
    }
    return (current[accept >> 5]! & (1 << (accept & 31))) !== 0;
  };
}

/** The states reachable from `start` without consuming: past loops (zero times) and optional groups. */
function closure(steps: Step[], start: number, words: number): Uint32Array {
  const set = new Uint32Array(words);
  const pending = [start];
  while (pending.length) {
    const state = pending.pop()!;
    if (set[state >> 5]! & (1 << (state & 31))) continue;
    set[state >> 5]! |= 1 << (state & 31);
    const step = steps[state];
    if (step && 'skip' in step) pending.push(state + 1, state + step.skip);
    else if (step && 'takes' in step && step.loop) pending.push(state + 1);
  }
  return set;
}

export const matchesGlob = (pattern: string, value: string): boolean => compileGlob(pattern)(value);
