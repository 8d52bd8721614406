// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { validateConfig, type ValidationResult } from '../../src/config/validate.js';
import { evaluate } from '../../src/rules/conditions.js';
import { replay } from '../../src/server/index.js';
import { shopConfig, touch } from '../rewards/fixtures.js';
import { makeFacts } from '../rules/facts-fixture.js';

const nps = (extra: object = {}) => ({ id: 'n', kind: 'nps', trigger: { on: 'purchase' }, content: { question: 'Q?' }, ...extra });
const problems = (result: ValidationResult) => (result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`));

describe('backtracking regexes and globs (issue 11, item 1)', () => {
  it('refuses `^(\\w+\\s?)*$` at validation, with the path of the regex', () => {
    const result = validateConfig({ version: 1, prompts: [nps({ if: { query: { q: { regex: '^(\\w+\\s?)*$' } } } })] });
    expect(problems(result)).toEqual([expect.stringMatching(/^prompts\[0\]\.if\.query\.q\.regex: unsafe regular expression: /)]);
  });

  it('refuses a backreference and a repeated overlapping alternation', () => {
    const result = validateConfig({ version: 1, prompts: [nps({ if: { all: [{ url: { regex: '(a)\\1' } }, { path: { regex: '^(a|ab)*$' } }] } })] });
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual(['prompts[0].if.all[0].url.regex', 'prompts[0].if.all[1].path.regex']);
  });

  it('evaluates an unvalidated condition with that regex against 34 `a`s without hanging', () => {
    const facts = makeFacts({ page: { url: 'https://x/', path: '/', query: { q: 'a'.repeat(34) + '!' }, referrer: '', seconds: 0, scroll: 0 } });
    expect(evaluate({ query: { q: { regex: '^(\\w+\\s?)*$' } } }, facts)).toBe(false);
  });

  it('replay() with such a regex in a rule’s where completes and awards nothing by it', () => {
    const config = shopConfig({ rules: [{ id: 'shout', on: 'share', points: 5, where: { text: { regex: '^(\\w+\\s?)*$' } } }] });
    const result = replay(config, [touch('share', { text: 'a'.repeat(34) + '!' }), touch('share', { text: 'hello there' })]);
    expect(result.points).toBe(0);
  });

  it('evaluates a glob with six `**` against 100 characters, with the right answer', () => {
    const facts = makeFacts({ page: { url: 'https://x/' + 'a'.repeat(100), path: '/' + 'a'.repeat(100), query: {}, referrer: '', seconds: 0, scroll: 0 } });
    expect(evaluate({ path: { matches: '/**a**a**a**a**a**a' } }, facts)).toBe(true);
    expect(evaluate({ path: { matches: '/**a**a**a**a**a**a!' } }, facts)).toBe(false);
  });
});
