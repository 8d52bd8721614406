import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/config/schema.js';
import { explainCondition } from '../../src/rules/conditions.js';
import { describeOperators } from '../../src/rules/wording.js';
import { makeFacts } from './facts-fixture.js';

describe('explainCondition', () => {
  it('gives one line per leaf, with paths and reasons for people', () => {
    const condition: Condition = { all: [{ stage: { atLeast: 'decision' } }, { points: { gte: 200 } }] };
    const lines = explainCondition(condition, makeFacts({ stage: 'retention', points: 120 }));
    expect(lines).toEqual([
      { path: 'if.all', pass: false, reason: '1 of 2 hold; needs all' },
      { path: 'if.all[0].stage', pass: true, reason: 'stage is "retention", needs atLeast "decision"' },
      { path: 'if.all[1].points', pass: false, reason: 'points is 120, needs ≥ 200' },
    ]);
  });

  it('explains any and not', () => {
    const lines = explainCondition({ any: [{ device: { eq: 'mobile' } }, { not: { locale: { startsWith: 'fr' } } }] }, makeFacts(), 'when');
    expect(lines.map((line) => [line.path, line.pass])).toEqual([
      ['when.any', true],
      ['when.any[0].device', false],
      ['when.any[1].not', true],
      ['when.any[1].not.locale', false],
    ]);
    expect(lines[0]!.reason).toBe('1 of 2 hold; needs at least one');
    expect(lines[2]!.reason).toBe('the condition under it fails, so `not` holds');
  });

  it('describes event leaves with count, window and where', () => {
    const facts = makeFacts({}, [{ name: 'purchase', props: { amount: 120 } }]);
    const [line] = explainCondition({ event: 'purchase', where: { amount: { gt: 100 } }, withinDays: 7, count: { gte: 2 } }, facts);
    expect(line).toEqual({ path: 'if.event', pass: false, reason: '"purchase" with amount > 100 happened 1 time in the last 7 days, needs ≥ 2' });
    expect(explainCondition({ event: 'share' }, facts)[0]!.reason).toBe('"share" happened 0 times, needs at least one');
  });

  it('names the entry of grouped facts, and shows missing values', () => {
    const facts = makeFacts({ traits: { plan: 'free' } });
    const lines = explainCondition(
      {
        trait: { plan: { eq: 'pro' }, company: { exists: true } },
        query: { utm_source: { in: ['news', 'ads'] } },
        prompt: { nps: { daysSinceShown: { gte: 30 } } },
      },
      facts,
    );
    expect(lines).toEqual([
      { path: 'if.trait.plan', pass: false, reason: 'trait plan is "free", needs = "pro"' },
      { path: 'if.trait.company', pass: false, reason: 'trait company is missing, needs to exist' },
      { path: 'if.query.utm_source', pass: true, reason: 'query utm_source is "news", needs in ["news","ads"]' },
      { path: 'if.prompt.nps.daysSinceShown', pass: false, reason: 'prompt nps daysSinceShown is missing, needs ≥ 30' },
    ]);
  });

  it('flags unknown keys and stray event parts', () => {
    const lines = explainCondition({ colour: { eq: 'red' }, count: { gte: 1 } } as Condition, makeFacts());
    expect(lines.map((line) => line.pass)).toEqual([false, false]);
    expect(lines[0]!.reason).toBe('unknown condition "colour"');
    expect(lines[1]!.reason).toBe('needs an "event" beside it');
  });

  it('never throws', () => {
    const facts = makeFacts({
      countEvents: () => {
        throw new Error('broken');
      },
    });
    expect(explainCondition({ event: 'x' }, facts)).toEqual([{ path: 'if', pass: false, reason: 'could not be evaluated' }]);
    expect(explainCondition(42 as unknown as Condition, makeFacts())).toEqual([{ path: 'if', pass: false, reason: 'not a condition object' }]);
  });
});

describe('describeOperators', () => {
  it('writes comparisons as symbols and other operators by their config name', () => {
    expect(describeOperators({ gte: 1, lt: 5 })).toBe('≥ 1 and < 5');
    expect(describeOperators({ eq: 'a', neq: null, gt: 0, lte: 9 })).toBe('= "a" and ≠ null and > 0 and ≤ 9');
    expect(describeOperators({ between: [1, 5] })).toBe('between [1,5]');
    expect(describeOperators({ regex: '^a', flags: 'i' })).toBe('regex "^a" (flags i)');
    expect(describeOperators({ matches: '/blog/**' })).toBe('matches "/blog/**"');
    expect(describeOperators({ exists: true })).toBe('to exist');
    expect(describeOperators({ exists: false })).toBe('to be missing');
    expect(describeOperators({ notIn: [1], atMost: 'gold' })).toBe('notIn [1] and atMost "gold"');
    expect(describeOperators({ startsWith: '/a', endsWith: 'b', contains: 'x' })).toBe('startsWith "/a" and endsWith "b" and contains "x"');
  });

  it('cuts long values short', () => {
    expect(describeOperators({ in: Array.from({ length: 50 }, (_, index) => `option-${index}`) })).toMatch(/^in \["option-0",.{60,}…$/);
  });
});
