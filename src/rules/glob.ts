// Globs for paths and URLs, matched against the whole string: `*` stays within one path
// segment (never crosses `/`), `**` crosses segments (`/a/**/b` also matches `/a/b`), `?` is
// one character other than `/`, and `\` makes the next character literal.

const compiled = new Map<string, RegExp>();

export function globToRegExp(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (regex) return regex;
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '*' && pattern[index + 1] === '*') {
      index++;
      if (pattern[index + 1] === '/') {
        // `**/` may match no segment at all, so `/docs/**/intro` matches `/docs/intro`.
        source += '(?:.*/)?';
        index++;
      } else source += '.*';
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += escape(char === '\\' ? (pattern[++index] ?? '\\') : char);
  }
  // `u`: `?` must take one code point, so an emoji is one character, not two halves.
  regex = new RegExp(`^${source}$`, 'us');
  // Patterns come from the config, so this stays small; the cap guards against misuse.
  if (compiled.size > 500) compiled.clear();
  compiled.set(pattern, regex);
  return regex;
}

const escape = (char: string) => (/[$()*+./?[\\\]^{|}]/.test(char) ? '\\' + char : char);

export const matchesGlob = (pattern: string, value: string): boolean => globToRegExp(pattern).test(value);
