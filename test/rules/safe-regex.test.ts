import { describe, expect, it } from 'vitest';
import { testOperators } from '../../src/rules/operators.js';
import { unsafeRegexReason } from '../../src/rules/safe-regex.js';

const refused = (source: string, flags = '') => expect(unsafeRegexReason(source, flags), source).toMatch(/./);
const accepted = (source: string, flags = '') => expect(unsafeRegexReason(source, flags), source).toBeNull();

describe('unsafeRegexReason', () => {
  it('refuses nested repetition, as in the issue’s `^(\\w+\\s?)*$`', () => {
    refused('^(\\w+\\s?)*$');
    refused('(a+)+');
    refused('(?:a*)*b');
    refused('((a+)?)*');
    refused('(x{2,})+');
    refused('(?<word>\\w+,){2,}');
  });

  it('refuses repeated alternatives that can match the same text', () => {
    refused('(a|ab)*');
    refused('(\\w|\\d)+');
    refused('(a|)*');
    refused('(?:x|X)+', 'i');
    refused('(.|\\n)*');
  });

  it('refuses backreferences', () => {
    refused('(a)\\1');
    refused('(?<q>["\'])\\w+\\k<q>');
  });

  it('accepts what marketers write', () => {
    for (const source of [
      '^/products/[^/]+$',
      '^\\d{3}-\\d{4}$',
      '^(\\d{3}-){2}\\d{4}$',
      '(foo|bar)+',
      '(a|b)*',
      'utm_.*',
      '^SH-\\d+$',
      '\\u{1F600}+',
      '(x|y)?',
      '(a+)?b',
      '[(]+',
      '\\(a+\\)+',
      'a{2,}',
      'ü',
      '(?=a)b',
      '(?<!x)y',
    ]) {
      accepted(source, source.includes('\\u{') ? 'u' : '');
    }
    accepted('(?:x|X)+');
  });
});

describe('regex operator on hostile input', () => {
  // Before the check this froze the thread for over 40 s (issue 11) and failed by the test timeout.
  it('never runs a refused regex: `^(\\w+\\s?)*$` against 34 `a`s and a `!`', () => {
    expect(testOperators({ regex: '^(\\w+\\s?)*$' }, `${'a'.repeat(34)}!`)).toBe(false);
  });

  it('matches no value longer than 4,096 characters', () => {
    expect(testOperators({ regex: 'a$' }, 'a'.repeat(4096))).toBe(true);
    expect(testOperators({ regex: 'a$' }, 'a'.repeat(4097))).toBe(false);
    expect(testOperators({ matches: '**' }, 'a'.repeat(4097))).toBe(false);
  });
});
