// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { validateConfig, type ValidationResult } from '../../src/config/validate.js';
import { evaluate } from '../../src/rules/conditions.js';
import { applyTouchpoint, emptyLedger, replay, summarize } from '../../src/server/index.js';
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
    const facts = makeFacts({ page: { url: 'https://x/', path: '/', query: { q: `${'a'.repeat(34)}!` }, referrer: '', seconds: 0, scroll: 0 } });
    expect(evaluate({ query: { q: { regex: '^(\\w+\\s?)*$' } } }, facts)).toBe(false);
  });

  it('replay() with such a regex in a rule’s where completes and awards nothing by it', () => {
    const config = shopConfig({ rules: [{ id: 'shout', on: 'share', points: 5, where: { text: { regex: '^(\\w+\\s?)*$' } } }] });
    const result = replay(config, [touch('share', { text: `${'a'.repeat(34)}!` }), touch('share', { text: 'hello there' })]);
    expect(result.points).toBe(0);
  });

  it('evaluates a glob with six `**` against 100 characters, with the right answer', () => {
    const facts = makeFacts({ page: { url: `https://x/${'a'.repeat(100)}`, path: `/${'a'.repeat(100)}`, query: {}, referrer: '', seconds: 0, scroll: 0 } });
    expect(evaluate({ path: { matches: '/**a**a**a**a**a**a' } }, facts)).toBe(true);
    expect(evaluate({ path: { matches: '/**a**a**a**a**a**a!' } }, facts)).toBe(false);
  });
});

const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];

describe('ids named like Object.prototype members (issue 11, item 3)', () => {
  it('validateConfig accepts them as prompt, stage, tier, rule and offer ids and resolves references to them', () => {
    for (const id of PROTOTYPE_NAMES) {
      const result = validateConfig({
        version: 1,
        stages: [{ id, when: { event: id } }],
        prompts: [
          nps({ id, if: { stage: { eq: id }, tier: { atLeast: id } } }),
          // `__proto__` is never a key (item 4), so that prompt cannot be named under `prompt`.
          {
            id: 'later',
            kind: 'reward',
            offer: id,
            trigger: { on: 'x' },
            if: id === '__proto__' ? {} : { prompt: { [id]: { shown: { gte: 1 } } } },
            content: { title: 'T' },
          },
        ],
        rewards: { rules: [{ id, on: id, points: 5 }], tiers: [{ id, min: 0 }], offers: [{ id, cost: 5, label: 'L' }] },
      });
      expect(problems(result), id).toEqual([]);
    }
  });

  it('replay() awards, caps and redeems rules and offers with those ids', () => {
    for (const id of PROTOTYPE_NAMES) {
      const config = shopConfig({ rules: [{ id, on: 'share', points: 20, limit: { perDay: 2 } }], offers: [{ id, cost: 30, label: 'L' }] });
      const shares = [1, 2, 3].map((minute) => touch('share', {}, `2026-03-04T10:0${minute}:00.000Z`));
      const redeem = touch('$redeem', { offerId: id }, '2026-03-04T10:05:00.000Z');
      const result = replay(config, [...shares, redeem]);
      expect(
        result.entries.map((entry) => [entry.rule, entry.delta]),
        id,
      ).toEqual([
        [id, 20],
        [id, 20],
        ['$redeem', -30],
      ]);
      expect(result.points, id).toBe(10);
    }
  });

  it('the ledger applies a touchpoint whose id is `__proto__` once', () => {
    const config = shopConfig({ rules: [{ id: 'share', on: 'share', points: 20 }] });
    const share = touch('share', {}, '2026-03-04T10:00:00.000Z', '__proto__');
    const first = applyTouchpoint(config, emptyLedger(config), share);
    const again = applyTouchpoint(config, first.state, share);
    expect([first.emitted.length, again.emitted.length, again.state.points]).toEqual([1, 0, 20]);
  });

  it('summarize() keeps prompts, choices and tiers with those names, and leaves Object alone', () => {
    for (const id of PROTOTYPE_NAMES) {
      const summary = summarize([
        touch('$prompt_shown', { promptId: id, kind: 'exit', submissionId: 's' }),
        touch('$prompt_answered', { promptId: id, kind: 'exit', submissionId: 's', choices: [id, 'Price'], complete: true }),
        touch('$tier', { from: null, to: id }),
      ]);
      expect(Object.keys(summary.prompts), id).toEqual([id]);
      const result = Object.getOwnPropertyDescriptor(summary.prompts, id)?.value;
      expect(result, id).toMatchObject({ kind: 'exit', shown: 1, answered: 1, responseRate: 1 });
      expect(Object.entries(result.reasons), id).toEqual([
        [id, 1],
        ['Price', 1],
      ]);
      expect(Object.keys(summary.pointsByTier ?? {}), id).toEqual([id]);
    }
    expect(Object.keys(Object)).toEqual([]);
  });
});

describe('size limits (issue 11, item 2)', () => {
  const paths = (result: ValidationResult) => (result.ok ? [] : result.errors.map((error) => error.path));

  it('rejects a 20 MB question before parsing it, at (root)', () => {
    const text = JSON.stringify({ version: 1, prompts: [nps({ content: { question: 'x'.repeat(20_000_000) } })] });
    expect(problems(validateConfig(text))).toEqual(['(root): the config is larger than 256 KiB of JSON']);
  });

  it('rejects a config object larger than 256 KiB of JSON', () => {
    const prompts = Array.from({ length: 90 }, (_, index) =>
      nps({ id: `n${index}`, content: { question: { en: 'x'.repeat(990), fr: 'y'.repeat(990), de: 'z'.repeat(990) } } }),
    );
    expect(problems(validateConfig({ version: 1, prompts }))).toEqual(['(root): the config is larger than 256 KiB of JSON']);
  });

  it('rejects a text over 1,000 characters, in a string or a locale map, by path', () => {
    const result = validateConfig({ version: 1, prompts: [nps({ content: { question: 'x'.repeat(1001), thanks: { en: 'y'.repeat(1001) } } })] });
    expect(problems(result)).toEqual([
      'prompts[0].content.question: must have at most 1000 characters',
      'prompts[0].content.thanks.en: must have at most 1000 characters',
    ]);
    expect(validateConfig({ version: 1, prompts: [nps({ content: { question: 'x'.repeat(1000) } })] }).ok).toBe(true);
  });

  it('rejects more than 100 prompts, 50 stages, 100 rules, 20 tiers and 50 offers', () => {
    const result = validateConfig({
      version: 1,
      prompts: Array.from({ length: 101 }, (_, index) => nps({ id: `n${index}` })),
      stages: Array.from({ length: 51 }, (_, index) => ({ id: `s${index}`, when: { event: 'x' } })),
      rewards: {
        rules: Array.from({ length: 101 }, (_, index) => ({ id: `r${index}`, on: 'x', points: 1 })),
        tiers: Array.from({ length: 21 }, (_, index) => ({ id: `t${index}`, min: index })),
        offers: Array.from({ length: 51 }, (_, index) => ({ id: `o${index}`, cost: 1, label: 'L' })),
      },
    });
    expect(paths(result).sort()).toEqual(['prompts', 'rewards.offers', 'rewards.rules', 'rewards.tiers', 'stages']);
  });

  it('rejects conditions nested too deep, long lists and big maps, by path', () => {
    let deep: object = { event: 'x' };
    for (let level = 0; level < 40; level++) deep = { not: deep };
    expect(problems(validateConfig({ version: 1, prompts: [nps({ if: deep })] }))).toEqual([
      expect.stringMatching(/^prompts\[0\]\.if(\.not)+: nested more than 32 levels deep$/),
    ]);
    const where = Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`p${index}`, { exists: true }]));
    const result = validateConfig({
      version: 1,
      prompts: [nps({ trigger: { on: 'x', where }, if: { any: Array(101).fill({ event: 'x' }), device: { in: Array(101).fill('mobile') } } })],
    });
    expect(paths(result)).toEqual(['prompts[0].trigger.where', 'prompts[0].if.any', 'prompts[0].if.device.in']);
  });
});

describe('`__proto__` keys (issue 11, item 4)', () => {
  it('rejects them in text maps, where, trait and query instead of reading an empty object', () => {
    const text = `{ "version": 1, "prompts": [{ "id": "n", "kind": "nps", "content": { "question": { "__proto__": "Q?" } },
      "trigger": { "on": "x", "where": { "__proto__": { "eq": 1 } } },
      "if": { "trait": { "__proto__": { "eq": 1 } }, "query": { "__proto__": { "eq": "1" } } } }] }`;
    expect(problems(validateConfig(text))).toEqual([
      'prompts[0].content.question.__proto__: "__proto__" cannot be used as a key',
      'prompts[0].trigger.where.__proto__: "__proto__" cannot be used as a key',
      'prompts[0].if.trait.__proto__: "__proto__" cannot be used as a key',
      'prompts[0].if.query.__proto__: "__proto__" cannot be used as a key',
    ]);
  });
});
