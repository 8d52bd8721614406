import { describe, expect, it } from 'vitest';
import type { Config, EarningRule } from '../../src/config/schema.js';
import { applyTouchpoint, emptyLedger, HORIZON_MS, stepLedger, type LedgerOutput } from '../../src/rewards/ledger-step.js';
import { localDay, localWeek } from '../../src/rewards/earning-rules.js';
import type { Touchpoint } from '../../src/types.js';
import { shopConfig, touch } from './fixtures.js';

const withRules = (...rules: EarningRule[]): Config => ({ version: 1, rewards: { rules } });

/** Applies touchpoints in order; returns the final state and the deltas awarded. */
function run(config: Config, touchpoints: Touchpoint[]) {
  const state = emptyLedger(config);
  const outputs: LedgerOutput[] = [];
  for (const touchpoint of touchpoints) outputs.push(...(stepLedger(config, state, touchpoint) ?? []));
  const deltas = outputs.flatMap((output) => (output.name === '$points' ? [output.props.delta] : []));
  return { state, outputs, deltas };
}

describe('earning rules', () => {
  it('awards fixed points with a $points record of delta, rule, balance and lifetime', () => {
    const signup = touch('signup');
    const { state, outputs } = run(shopConfig(), [signup]);
    expect(outputs).toEqual([{ name: '$points', props: { delta: 10, rule: 'signup', balance: 10, lifetime: 10, source: signup.id } }]);
    expect(state).toMatchObject({ points: 10, lifetime: 10, tier: 'bronze' });
  });

  it('ignores touchpoints no rule listens to', () => {
    const state = emptyLedger(shopConfig());
    expect(stepLedger(shopConfig(), state, touch('newsletter'))).toBeNull();
    expect(state.seen).toEqual({});
  });

  it('awards per amount, rounding down by default', () => {
    const amounts = [120, 49.99, 50, 100, 0, -100];
    const { deltas, state } = run(
      shopConfig(),
      amounts.map((amount) => touch('purchase', { amount })),
    );
    expect(deltas).toEqual([100, 50, 100]);
    expect(state.points).toBe(250);
  });

  it('rounds to the nearest step when asked, halves up', () => {
    const config = withRules({ id: 'spend', on: 'purchase', points: { every: 10, of: 'amount', award: 1, round: 'nearest' } });
    const { deltas } = run(
      config,
      [14.9, 15, 25, 4.99, 5].map((amount) => touch('purchase', { amount })),
    );
    expect(deltas).toEqual([1, 2, 3, 1]);
  });

  it('keeps float quotients on their whole step (0.3 / 0.1 is 3 steps)', () => {
    const config = withRules({ id: 'tip', on: 'tip', points: { every: 0.1, of: 'amount', award: 1 } });
    expect(run(config, [touch('tip', { amount: 0.3 })]).deltas).toEqual([3]);
  });

  it('awards nothing when the amount is missing or not a number', () => {
    const { deltas } = run(shopConfig(), [touch('purchase'), touch('purchase', { amount: '120' }), touch('purchase', { amount: null })]);
    expect(deltas).toEqual([]);
  });

  it('reads the amount at a dotted path', () => {
    const config = withRules({ id: 'spend', on: 'purchase', points: { every: 1, of: 'order.total', award: 2 } });
    expect(run(config, [touch('purchase', { order: { total: 7.5 } })]).deltas).toEqual([14]);
  });

  it('only awards when `where` holds on the touchpoint props', () => {
    const config = withRules(
      { id: 'shoes', on: 'purchase', where: { category: { eq: 'shoes' }, amount: { gte: 20 } }, points: 15 },
      { id: 'any', on: 'purchase', points: 1 },
    );
    const { outputs } = run(config, [
      touch('purchase', { category: 'shoes', amount: 25 }),
      touch('purchase', { category: 'shoes', amount: 10 }),
      touch('purchase', { category: 'hats', amount: 99 }),
    ]);
    expect(outputs.map((output) => output.name === '$points' && `${output.props.rule}:${output.props.delta}`)).toEqual(['shoes:15', 'any:1', 'any:1', 'any:1']);
  });

  it('runs every matching rule, in config order, each with its own record', () => {
    const config = withRules({ id: 'bonus', on: 'purchase', points: 5 }, { id: 'spend', on: 'purchase', points: { every: 50, of: 'amount', award: 50 } });
    const { outputs } = run(config, [touch('purchase', { amount: 100 })]);
    expect(outputs.map((output) => output.props)).toMatchObject([
      { rule: 'bonus', delta: 5, balance: 5 },
      { rule: 'spend', delta: 100, balance: 105 },
    ]);
  });
});

describe('caps', () => {
  it('lifetime: the signup bonus is paid once', () => {
    expect(run(shopConfig(), [touch('signup'), touch('signup'), touch('signup')]).deltas).toEqual([10]);
  });

  it('a touchpoint that earns nothing does not use up a cap', () => {
    const config = withRules({ id: 'big', on: 'purchase', where: { amount: { gte: 100 } }, points: 50, limit: { lifetime: 1 } });
    expect(run(config, [touch('purchase', { amount: 5 }), touch('purchase', { amount: 150 })]).deltas).toEqual([50]);
  });

  // New York in winter is UTC−5: the local day changes at 05:00 UTC.
  const newYork = { tzOffset: -300 };
  const shares = (props: Record<string, number>, ...times: string[]) => times.map((ts) => touch('share', props, ts));

  it('perDay counts the visitor’s local calendar day', () => {
    const config = withRules({ id: 'share', on: 'share', points: 20, limit: { perDay: 2 } });
    const times = ['2026-03-03T00:30:00.000Z', '2026-03-03T04:59:59.999Z', '2026-03-03T04:59:59.999Z', '2026-03-03T05:00:00.000Z', '2026-03-03T23:00:00.000Z'];
    // Local: Mar 2 19:30, Mar 2 23:59:59.999 ×2, then Mar 3 00:00 and 18:00.
    expect(run(config, shares(newYork, ...times)).deltas).toEqual([20, 20, 20, 20]);
    // The same instants in UTC: all five fall on March 3.
    expect(run(config, shares({}, ...times)).deltas).toEqual([20, 20]);
  });

  it('perDay: the fourth share of the day is refused, the next local day pays again', () => {
    const touchpoints = shares(
      newYork,
      '2026-03-03T14:00:00.000Z',
      '2026-03-03T15:00:00.000Z',
      '2026-03-03T16:00:00.000Z',
      '2026-03-03T17:00:00.000Z',
      '2026-03-04T05:00:00.000Z',
    );
    const { outputs } = run(shopConfig(), touchpoints);
    expect(outputs.map((output) => output.props.source)).toEqual([0, 1, 2, 4].map((index) => touchpoints[index]!.id));
  });

  it('perWeek: weeks run Monday to Sunday on the visitor’s clock', () => {
    // 2026-03-02 is a Monday. Paris is UTC+1, so its Monday starts at Sunday 23:00 UTC.
    const paris = { tzOffset: 60 };
    const config = withRules({ id: 'review', on: 'review', points: 30, limit: { perWeek: 2 } });
    const times = [
      '2026-02-28T10:00:00.000Z',
      '2026-03-01T22:59:59.999Z',
      '2026-03-01T22:59:59.999Z',
      '2026-03-01T23:00:00.000Z',
      '2026-03-08T22:00:00.000Z',
      '2026-03-08T23:00:00.000Z',
    ];
    const reviews = (props: Record<string, number>) => times.map((ts) => touch('review', props, ts));
    // Sat, Sun 23:59:59.999, Sun again (capped), Mon 00:00, Sun 23:00 (week 2), Mon 00:00 (week 3).
    expect(run(config, reviews(paris)).deltas).toEqual([30, 30, 30, 30, 30]);
    // In UTC the Monday share still falls on Sunday, so it is capped as well.
    expect(run(config, reviews({})).deltas).toEqual([30, 30, 30, 30]);
  });

  it('perDay and perWeek together: whichever is reached first refuses', () => {
    const config = withRules({ id: 'visit', on: 'visit', points: 1, limit: { perDay: 2, perWeek: 3 } });
    const times = [
      '2026-03-02T09:00:00.000Z',
      '2026-03-02T10:00:00.000Z',
      '2026-03-02T11:00:00.000Z',
      '2026-03-03T09:00:00.000Z',
      '2026-03-04T09:00:00.000Z',
      '2026-03-09T09:00:00.000Z',
    ];
    expect(
      run(
        config,
        times.map((ts) => touch('visit', {}, ts)),
      ).deltas,
    ).toEqual([1, 1, 1, 1]);
  });

  it('day and week numbers', () => {
    expect(localDay(Date.parse('1970-01-01T23:59:59.999Z'), 0)).toBe(0);
    expect(localDay(Date.parse('1970-01-01T23:30:00.000Z'), 60)).toBe(1);
    expect(localDay(Date.parse('1970-01-01T00:30:00.000Z'), -60)).toBe(-1);
    const monday = localDay(Date.parse('2026-03-02T00:00:00.000Z'), 0);
    expect(localWeek(monday - 1)).toBe(localWeek(monday) - 1);
    expect(localWeek(monday + 6)).toBe(localWeek(monday));
  });
});

describe('idempotency', () => {
  it('applies a touchpoint id once', () => {
    const purchase = touch('purchase', { amount: 100 });
    const { deltas } = run(shopConfig(), [purchase, purchase, { ...purchase, props: { amount: 9999 } }]);
    expect(deltas).toEqual([100]);
  });

  it('ignores $points and $tier, which are outputs', () => {
    const config = withRules({ id: 'loop', on: '$points', points: 1 });
    const state = emptyLedger(config);
    expect(stepLedger(config, state, touch('$points', { delta: 500, rule: 'x', balance: 500, lifetime: 500 }))).toBeNull();
    expect(stepLedger(config, state, touch('$tier', { from: null, to: 'gold' }))).toBeNull();
    expect(state.points).toBe(0);
  });

  it('forgets ids past the horizon, and ignores inputs that old', () => {
    const config = shopConfig();
    const first = touch('purchase', { amount: 50 }, '2026-03-01T00:00:00.000Z');
    const later = touch('purchase', { amount: 50 }, new Date(Date.parse(first.ts) + HORIZON_MS + 60_000).toISOString());
    const { state, deltas } = run(config, [first, later, first, touch('purchase', { amount: 50 }, '2026-03-01T00:00:30.000Z')]);
    expect(deltas).toEqual([50, 50]);
    expect(Object.keys(state.seen)).toEqual([later.id]);
  });

  it('prunes per-day counts beyond the horizon but keeps lifetime counts', () => {
    const config = withRules({ id: 'visit', on: 'visit', points: 1, limit: { lifetime: 40 } });
    const days = Array.from({ length: 30 }, (_, day) => touch('visit', {}, new Date(Date.UTC(2026, 0, 1 + day, 12)).toISOString()));
    const { state } = run(config, days);
    expect(state.awards.visit!.n).toBe(30);
    expect(Object.keys(state.awards.visit!.days).length).toBeLessThanOrEqual(17);
    expect(Object.keys(state.seen).length).toBeLessThanOrEqual(9);
  });

  it('the pure form leaves the given state untouched', () => {
    const config = shopConfig();
    const before = emptyLedger(config);
    const snapshot = structuredClone(before);
    const { state, emitted } = applyTouchpoint(config, before, touch('signup'));
    expect(before).toEqual(snapshot);
    expect(state.points).toBe(10);
    expect(emitted).toHaveLength(1);
  });
});
