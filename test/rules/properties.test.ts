import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition, Operators } from '../../src/config/schema.js';
import { evaluate, explainCondition, matchesWhere } from '../../src/rules/conditions.js';
import type { Facts } from '../../src/rules/facts.js';
import { deriveStage } from '../../src/rules/stages.js';
import { makeFacts } from './facts-fixture.js';

const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: 5 }), fc.double(), fc.boolean(), fc.constant(null));
const operators: fc.Arbitrary<Operators> = fc.record(
  {
    eq: scalar,
    neq: scalar,
    in: fc.array(scalar, { maxLength: 3 }),
    notIn: fc.array(scalar, { maxLength: 3 }),
    gt: fc.oneof(fc.integer(), fc.string({ maxLength: 3 })),
    gte: fc.integer({ min: -5, max: 5 }),
    lt: fc.integer({ min: -5, max: 5 }),
    lte: fc.string({ maxLength: 3 }),
    between: fc.tuple(fc.integer({ min: -5, max: 0 }), fc.integer({ min: 0, max: 5 })),
    contains: scalar,
    startsWith: fc.string({ maxLength: 3 }),
    endsWith: fc.string({ maxLength: 3 }),
    matches: fc.stringMatching(/^[a-z/*?\\]{0,6}$/),
    regex: fc.constantFrom('a', '^/c', '(', '\\d+', '.*'),
    flags: fc.constantFrom('', 'i', 'gu', 'zz'),
    exists: fc.boolean(),
    atLeast: fc.constantFrom('awareness', 'decision', 'gold', 'nope'),
    atMost: fc.constantFrom('consideration', 'silver'),
  },
  { requiredKeys: [] },
);
const names = fc.constantFrom('plan', 'seats', 'utm_source', 'pageViews', 'seconds', 'count', 'scroll', 'a.b', 'constructor', '__proto__');
const group = fc.dictionary(names, operators, { maxKeys: 2 });

const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record(
      {
        event: fc.constantFrom('purchase', 'share', '$page_view'),
        count: operators,
        withinDays: fc.oneof(fc.integer({ min: 1, max: 90 }), fc.double({ min: 0.1, max: 90, noNaN: true })),
        where: fc.dictionary(names, operators, { maxKeys: 2 }),
        stage: operators,
        points: operators,
        tier: operators,
        trait: group,
        url: operators,
        path: operators,
        query: group,
        referrer: operators,
        device: operators,
        locale: operators,
        session: group,
        page: group,
        prompt: fc.dictionary(fc.constantFrom('nps', 'exit'), group as fc.Arbitrary<never>, { maxKeys: 2 }),
      },
      { requiredKeys: [] },
    ),
    fc.record({ all: fc.array(tie('condition'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('condition'), { maxLength: 3 }) }),
    fc.record({ not: tie('condition') }),
  ),
}));

const facts: fc.Arbitrary<Facts> = fc
  .record(
    {
      stage: fc.oneof(fc.constantFrom('awareness', 'decision', null), fc.anything()),
      points: fc.oneof(fc.integer(), fc.anything()),
      tier: fc.constantFrom('bronze', 'gold', null),
      traits: fc.oneof(fc.dictionary(names, fc.jsonValue({ maxDepth: 2 })), fc.anything()),
      locale: fc.oneof(fc.string(), fc.anything()),
      device: fc.constantFrom('mobile', 'desktop'),
      page: fc.oneof(
        fc.record({
          url: fc.webUrl(),
          path: fc.string(),
          query: fc.dictionary(names, fc.string()),
          referrer: fc.string(),
          seconds: fc.double(),
          scroll: fc.integer(),
        }),
        fc.anything(),
      ),
      session: fc.anything(),
      prompts: fc.anything(),
      stageOrder: fc.oneof(fc.constant(['awareness', 'consideration', 'decision']), fc.anything()),
      countEvents: fc.oneof(
        fc.integer({ min: 0, max: 5 }).map((count) => () => count),
        fc.anything().map((value) => () => value),
      ),
    },
    { requiredKeys: [] },
  )
  .map((overrides) => makeFacts(overrides as Partial<Facts>));

describe('properties', () => {
  it('evaluate never throws, on well-formed or arbitrary conditions and facts', () => {
    fc.assert(
      fc.property(fc.oneof(condition, fc.anything() as fc.Arbitrary<Condition>), facts, (anyCondition, anyFacts) => {
        expect(typeof evaluate(anyCondition, anyFacts)).toBe('boolean');
        expect(Array.isArray(explainCondition(anyCondition, anyFacts))).toBe(true);
        expect(typeof deriveStage([{ id: 's', when: anyCondition }], anyFacts)).not.toBe('undefined');
      }),
      { numRuns: 1_000 },
    );
  });

  it('matchesWhere never throws', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (where, props) => {
        expect(typeof matchesWhere(where as never, props as never)).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('explain agrees with evaluate', () => {
    fc.assert(
      fc.property(condition, facts, (generated, anyFacts) => {
        const [overall] = explainCondition({ all: [generated] }, anyFacts);
        expect(overall?.pass).toBe(evaluate(generated, anyFacts));
      }),
      { numRuns: 1_000 },
    );
  });

  it('not is the exact negation, and a condition equals the all of its keys', () => {
    fc.assert(
      fc.property(condition, facts, (generated, anyFacts) => {
        const result = evaluate(generated, anyFacts);
        expect(evaluate({ not: generated }, anyFacts)).toBe(!result);
        const parts = Object.entries(generated).map(([key, value]) => ({ [key]: value }) as Condition);
        if (!('event' in generated)) expect(evaluate({ all: parts }, anyFacts)).toBe(result);
      }),
      { numRuns: 500 },
    );
  });
});
