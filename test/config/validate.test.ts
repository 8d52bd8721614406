import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateConfig, type ValidationResult } from '../../src/config/validate.js';

const nps = (extra: object = {}) => ({ id: 'n', kind: 'nps', trigger: { on: 'purchase' }, content: { question: 'Q?' }, ...extra });
const paths = (result: ValidationResult) => (result.ok ? [] : result.errors.map((error) => error.path));
const messages = (result: ValidationResult) => (result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`));

describe('validateConfig', () => {
  it('accepts a config object and returns it typed', () => {
    const result = validateConfig({ version: 1, prompts: [nps()] });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.config.prompts?.[0]?.kind).toBe('nps');
  });

  it('allows $schema and $comment but rejects every other unknown key, by path', () => {
    expect(validateConfig({ $schema: './x.json', $comment: 'hi', version: 1 }).ok).toBe(true);
    const result = validateConfig({ version: 1, prompt: [], prompts: [nps({ frequncy: { once: true } })] });
    expect(paths(result)).toEqual(expect.arrayContaining(['prompt', 'prompts[0].frequncy']));
  });

  it('lists every problem, not just the first', () => {
    const result = validateConfig({
      version: 1,
      prompts: [nps({ sample: 2 }), { ...nps(), id: 'n', trigger: { on: 'x', delaySeconds: -1 } }],
      rewards: { rules: [{ id: 'r', on: 'x', points: -1 }] },
    });
    expect(paths(result)).toEqual(expect.arrayContaining(['prompts[0].sample', 'prompts[1].trigger.delaySeconds', 'prompts[1].id', 'rewards.rules[0].points']));
  });

  it('reports JSON syntax errors at (root) with line and column', () => {
    const result = validateConfig('{\n  "version": 1,\n  "prompts": [,]\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]?.path).toBe('(root)');
      expect(result.errors[0]?.message).toMatch(/line 3, column 15/);
    }
  });

  it('rejects non-objects at (root)', () => {
    for (const input of [null, 42, [], 'null', '"text"']) expect(paths(validateConfig(input))).toContain('(root)');
  });

  it('checks rating max against the scale', () => {
    const rating = (scale: string, max: number) => ({ id: 'r', kind: 'rating', scale, max, trigger: { on: 'x' }, content: { question: 'Q' } });
    expect(paths(validateConfig({ version: 1, prompts: [rating('stars', 11)] }))).toContain('prompts[0].max');
    expect(paths(validateConfig({ version: 1, prompts: [rating('thumbs', 5)] }))).toContain('prompts[0].max');
    expect(validateConfig({ version: 1, prompts: [rating('numeric', 7)] }).ok).toBe(true);
    expect(validateConfig({ version: 1, prompts: [rating('thumbs', 2)] }).ok).toBe(true);
  });

  it('rejects an exit survey with no choices', () => {
    const exit = { id: 'e', kind: 'exit', trigger: { on: '$exit_intent' }, content: { question: 'Why?', choices: [] } };
    expect(paths(validateConfig({ version: 1, prompts: [exit] }))).toContain('prompts[0].content.choices');
  });

  it('rejects references to undefined offers, tiers, stages and prompts', () => {
    const result = validateConfig({
      version: 1,
      stages: [{ id: 'a', when: { event: 'x' } }],
      prompts: [
        { id: 'r', kind: 'reward', offer: 'nope', trigger: { on: 'x' }, content: { title: 'T' } },
        nps({ id: 'n2', if: { any: [{ tier: { atLeast: 'gold' } }, { stage: { in: ['a', 'b'] } }, { prompt: { ghost: { shown: { gte: 1 } } } }] } }),
      ],
    });
    expect(paths(result)).toEqual(
      expect.arrayContaining(['prompts[0].offer', 'prompts[1].if.any[0].tier.atLeast', 'prompts[1].if.any[1].stage.in', 'prompts[1].if.any[2].prompt.ghost']),
    );
  });

  it('rejects event-history keys without an event, regex flags without regex, and reversed ranges', () => {
    const result = validateConfig({
      version: 1,
      prompts: [
        nps({ if: { all: [{ count: { gte: 1 } }, { path: { flags: 'i' } }, { points: { between: [10, 1] } }, { url: { regex: 'a', flags: 'zz' } }] } }),
      ],
    });
    expect(paths(result)).toEqual(
      expect.arrayContaining([
        'prompts[0].if.all[0].count',
        'prompts[0].if.all[1].path.flags',
        'prompts[0].if.all[2].points.between',
        'prompts[0].if.all[3].url.regex',
      ]),
    );
  });

  it('words messages for people', () => {
    const result = validateConfig({ version: 1, prompts: [nps({ trigger: {}, sample: 'half' })] });
    expect(messages(result)).toEqual(
      expect.arrayContaining(['prompts[0].trigger.on: required string is missing', 'prompts[0].sample: expected number, got string']),
    );
  });

  it('checks schedule order and datetime format', () => {
    const result = validateConfig({
      version: 1,
      prompts: [nps({ schedule: { start: '2026-12-01T00:00:00Z', end: '2026-11-01T00:00:00Z' } }), nps({ id: 'm', schedule: { start: 'tomorrow' } })],
    });
    expect(paths(result)).toEqual(expect.arrayContaining(['prompts[0].schedule.end', 'prompts[1].schedule.start']));
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateConfig(value);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(typeof validateConfig(text).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on config-shaped noise', () => {
    const leaf = fc.oneof(fc.jsonValue(), fc.constantFrom({}, [], null, 'x', -1, 1.5));
    const condition = fc.dictionary(fc.constantFrom('all', 'any', 'not', 'event', 'count', 'stage', 'trait', 'prompt', 'where', 'regex'), leaf);
    const prompt = fc.record({
      id: leaf,
      kind: fc.constantFrom('nps', 'rating', 'exit', 'reward', 'x'),
      trigger: leaf,
      if: condition,
      content: leaf,
      max: leaf,
      scale: leaf,
    });
    fc.assert(
      fc.property(
        fc.record({ version: fc.constantFrom(1, 2), prompts: fc.array(prompt), stages: fc.array(fc.record({ id: leaf, when: condition })), rewards: leaf }),
        (value) => {
          expect(typeof validateConfig(value).ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });
});
