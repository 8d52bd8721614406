// JavaScript engines match regexes by backtracking, so some patterns take exponential time:
// `^(\w+\s?)*$` froze a page for 40 s on 34 characters (issue 11). Config regexes are kept to
// a subset in which a repeated part can match a given text in only one way.

/** What a group holds, for the quantifier that may follow it. */
interface Group {
  /** A quantifier that repeats (not `?`, `{1}` or `{n}`) somewhere inside. */
  repeats: boolean;
  /** `|` directly inside. */
  alternation: boolean;
  /** Per alternative: its first literal character, or null when it starts otherwise. */
  starts: Array<string | null>;
  /** Whether every alternative so far is plain text. */
  plain: boolean;
  /** Whether the current alternative has an atom yet. */
  started: boolean;
}

const QUANTIFIER = /^(?:[*+?]|\{(\d+)(,(\d*))?\})\??/;

/**
 * Why `source` is outside the accepted subset, or null when it is inside it. Refused:
 * backreferences; a repeated group that itself holds a repeating quantifier (`(a+)+`); a
 * repeated group with alternatives that are not plain text starting with distinct characters
 * (`(a|ab)*`, `(\w|\d)+`). Everything else JavaScript accepts is allowed.
 */
export function unsafeRegexReason(source: string, flags = ''): string | null {
  const fold = flags.includes('i') ? (char: string) => char.toLowerCase() : (char: string) => char;
  const stack: Group[] = [newGroup()];
  let last: Group | 'plain' | 'other' | null = null;
  for (let at = 0; at < source.length; ) {
    const group = stack[stack.length - 1]!;
    const char = source[at]!;
    const quantifier = last ? QUANTIFIER.exec(source.slice(at, at + 24)) : null;
    if (quantifier) {
      const repeated = repeats(quantifier);
      if (repeated && typeof last === 'object' && last !== null) {
        const problem = repeatedGroupProblem(last);
        if (problem) return problem;
      }
      group.repeats ||= repeated;
      group.plain = false;
      at += quantifier[0].length;
      last = null;
      continue;
    }
    if (char === '(') {
      const head = /^\(\?(?:[:=!]|<[=!]|<[^>]*>)?/.exec(source.slice(at))?.[0] ?? '(';
      stack.push(newGroup());
      at += head.length;
      last = null;
      continue;
    }
    if (char === ')' && stack.length > 1) {
      const closed = stack.pop()!;
      if (!closed.started) closed.starts.push(null);
      atom(stack[stack.length - 1]!, null);
      stack[stack.length - 1]!.repeats ||= closed.repeats;
      last = closed;
      at++;
      continue;
    }
    if (char === '|') {
      if (!group.started) group.starts.push(null);
      group.alternation = true;
      group.started = false;
      last = null;
      at++;
      continue;
    }
    const length = atomLength(source, at, flags);
    if (char === '\\' && /^\\(?:[1-9]|k<)/.test(source.slice(at, at + 3))) return 'backreferences (`\\1`, `\\k<name>`) are not supported';
    const literal =
      length === 1 && !'.^$'.includes(char) ? fold(char) : char === '\\' && length === 2 && /[^\w]/.test(source[at + 1]!) ? fold(source[at + 1]!) : null;
    atom(group, literal);
    last = literal === null ? 'other' : 'plain';
    at += length;
  }
  return null;
}

/** `*`, `+`, `{2,}`, `{0,5}` repeat; `?`, `{3}` and `{0,1}` do not. */
function repeats([text, min, comma, max]: RegExpExecArray): boolean {
  if (min === undefined) return text[0] !== '?';
  return comma !== undefined && (max === '' || (max !== min && Number(max) > 1));
}

function repeatedGroupProblem(group: Group): string | null {
  if (group.repeats) return 'a repeated group holds another repeated part (like `(a+)+`), which can take exponential time';
  const distinctStarts = new Set(group.starts).size === group.starts.length && !group.starts.includes(null);
  if (group.alternation && !(group.plain && distinctStarts)) {
    return 'a repeated group has alternatives that can match the same text (like `(a|ab)*`); write them as plain words starting with different characters';
  }
  return null;
}

const newGroup = (): Group => ({ repeats: false, alternation: false, starts: [], plain: true, started: false });

/** Records one atom in `group`: a literal character, or anything else (null). */
function atom(group: Group, literal: string | null) {
  if (!group.started) group.starts.push(literal);
  group.started = true;
  if (literal === null) group.plain = false;
}

/** Characters of the atom at `at`: an escape (`\u{…}`, `\p{…}` whole), a class `[…]`, or one character. */
function atomLength(source: string, at: number, flags: string): number {
  const char = source[at];
  if (char === '\\') {
    const braced = /^\\[uUpP]\{[^}]*\}/.exec(source.slice(at));
    return braced ? braced[0].length : 2;
  }
  if (char !== '[') return 1;
  let depth = 0;
  for (let index = at; index < source.length; index++) {
    if (source[index] === '\\') index++;
    else if (source[index] === '[' && (index === at || flags.includes('v'))) depth++;
    else if (source[index] === ']' && --depth === 0) return index - at + 1;
  }
  return source.length - at;
}
