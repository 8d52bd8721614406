import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyInputs, newVisitorLedger } from '../../src/collector/authority.js';
import type { Challenge, Config, Streak } from '../../src/config/schema.js';
import { ledgerInputNames } from '../../src/rewards/journey-names.js';
import type { LedgerOutput } from '../../src/rewards/ledger-step.js';
import { createLedger } from '../../src/rewards/live-ledger.js';
import { replay } from '../../src/rewards/replay.js';
import type { Touchpoint } from '../../src/types.js';
import { touch } from './fixtures.js';

const EVENTS = ['view', 'cart', 'buy', 'review', 'lesson', 'refund'] as const;
const STAGES = ['new', 'active', 'loyal'];
const HOUR = 3_600_000;

const step = fc.record({
  event: fc.constantFrom(...EVENTS),
  count: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  cheap: fc.constantFrom(false, false, true),
});
const challenge = fc.record({
  steps: fc.array(step, { minLength: 1, maxLength: 3 }),
  inOrder: fc.boolean(),
  withinDays: fc.option(fc.constantFrom(0.5, 2, 7, 30), { nil: undefined }),
  points: fc.integer({ min: 0, max: 80 }),
  repeatable: fc.boolean(),
  stage: fc.constantFrom(undefined, undefined, undefined, ...STAGES),
});
const streak = fc.record({
  on: fc.constantFrom(...EVENTS),
  period: fc.constantFrom('day' as const, 'week' as const),
  lengths: fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
  allowMissed: fc.integer({ min: 0, max: 2 }),
  breakOn: fc.option(fc.constantFrom(...EVENTS), { nil: undefined }),
  repeatMilestones: fc.boolean(),
});
const expiry = fc.option(
  fc.record({ afterDays: fc.integer({ min: 1, max: 20 }), from: fc.constantFrom('lastActivity' as const, 'earned' as const, undefined) }),
  { nil: undefined },
);

const configs: fc.Arbitrary<Config> = fc
  .record({
    challenges: fc.array(challenge, { maxLength: 3 }),
    streaks: fc.array(streak, { maxLength: 2 }),
    expiry,
    cost: fc.integer({ min: 1, max: 150 }),
  })
  .map(({ challenges, streaks, expiry, cost }) => {
    const journeys: Challenge[] = challenges.map((item, index) => ({
      id: `c${index}`,
      steps: item.steps.map(({ event, count, cheap }) => ({
        event,
        ...(count && { count }),
        ...(cheap && { where: { amount: { lt: 100 } } }),
      })),
      inOrder: item.inOrder,
      points: item.points,
      repeatable: item.repeatable,
      ...(item.withinDays && { withinDays: item.withinDays }),
      ...(item.stage && { startIf: { stage: { atLeast: item.stage } } }),
    }));
    const runs: Streak[] = streaks.map((item, index) => ({
      id: `s${index}`,
      on: item.on,
      period: item.period,
      milestones: [...item.lengths].sort((a, b) => a - b).map((length) => ({ length, points: length * 5 })),
      allowMissed: item.allowMissed,
      repeatMilestones: item.repeatMilestones,
      ...(item.breakOn && item.breakOn !== item.on && { breakOn: item.breakOn }),
    }));
    return {
      version: 1,
      stages: STAGES.map((id) => ({ id, when: { event: id } })),
      rewards: {
        rules: [
          { id: 'spend', on: 'buy', points: { every: 10, of: 'amount', award: 10 } },
          { id: 'review', on: 'review', points: 5, limit: { perDay: 2 } },
        ],
        offers: [{ id: 'offer', cost, label: 'Offer' }],
        challenges: journeys,
        streaks: runs,
        ...(expiry && { expiry: expiry.from ? expiry : { afterDays: expiry.afterDays } }),
      },
    } as Config;
  });

const event = fc.record({
  name: fc.oneof(
    { arbitrary: fc.constantFrom(...EVENTS), weight: 8 },
    { arbitrary: fc.constantFrom('$page_view', '$stage', '$stage', '$redeem', '$points', '$challenge_completed', '$streak'), weight: 2 },
  ),
  amount: fc.integer({ min: 0, max: 300 }),
  stage: fc.constantFrom(...STAGES),
  // Same moment, hours apart, a day or two, or a long absence: windows, streak breaks, expiry.
  gap: fc.oneof(
    { arbitrary: fc.constant(0), weight: 2 },
    { arbitrary: fc.integer({ min: 0, max: 8 * HOUR }), weight: 4 },
    { arbitrary: fc.integer({ min: 20 * HOUR, max: 50 * HOUR }), weight: 2 },
    { arbitrary: fc.integer({ min: 0, max: 12 * 24 * HOUR }), weight: 1 },
  ),
});
type Event = typeof event extends fc.Arbitrary<infer T> ? T : never;

let runs = 0;
const seen = new Map<string, number>();
function record(events: Event[], tzOffset: number): Touchpoint[] {
  let at = Date.parse('2026-01-05T08:00:00.000Z');
  const run = runs++;
  return events.map((item, index) => {
    at += item.gap;
    const props = { amount: item.amount, offerId: 'offer', to: item.stage, challenge: 'c0', delta: 500, tzOffset };
    return touch(item.name, props, new Date(at).toISOString(), `j${run}-${String(index).padStart(4, '0')}`);
  });
}

const pointsOf = (outputs: LedgerOutput[]) =>
  outputs.flatMap((output) =>
    output.name === '$points' ? [{ source: output.props.source, rule: output.props.rule, delta: output.props.delta, balance: output.props.balance }] : [],
  );

describe('journey rewards: browser, replay() and the collector agree', () => {
  it('on challenges, streaks and expiry over random histories, duplicates, reloads and shuffled delivery', () => {
    fc.assert(
      fc.property(
        configs,
        fc.array(event, { minLength: 1, maxLength: 80 }),
        fc.constantFrom(-300, 0, 330),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 1, max: 8 }),
        fc.nat(),
        (config, events, tzOffset, duplicates, batchSize, seed) => {
          const recorded = record(events, tzOffset);
          // A retried or echoed copy follows its original; a reload restores the ledger from JSON.
          const arrivals = [...recorded];
          for (const pick of duplicates) {
            const original = recorded[pick % recorded.length]!;
            arrivals.splice(arrivals.indexOf(original) + 1 + (pick % 3), 0, { ...original });
          }
          const browserOutputs: LedgerOutput[] = [];
          let ledger = createLedger(config);
          arrivals.forEach((touchpoint, index) => {
            if (index % 7 === 3) ledger = createLedger(config, JSON.parse(JSON.stringify(ledger)));
            browserOutputs.push(...ledger.apply(touchpoint));
          });

          for (const output of browserOutputs) {
            const kind = output.name === '$points' ? String(output.props.rule).replace(/\d+$/, '') : output.name;
            seen.set(kind, (seen.get(kind) ?? 0) + 1);
          }
          const shuffled = arrivals.map((touchpoint, index) => ({ touchpoint, rank: (index * 7919 + seed) % 10007 })).sort((a, b) => a.rank - b.rank);
          const server = replay(
            config,
            shuffled.map(({ touchpoint }) => touchpoint),
          );
          expect(server.entries.map(({ id, rule, delta, balance }) => ({ source: id, rule, delta, balance }))).toEqual(pointsOf(browserOutputs));
          expect(server.journey).toEqual(browserOutputs.filter((output) => output.name !== '$points' && output.name !== '$tier'));
          expect([server.points, server.lifetime]).toEqual([ledger.points, ledger.lifetime]);

          // The collector: the outbox's batches in order, each sent twice (a lost answer), received on time.
          const collector = newVisitorLedger(config);
          const names = ledgerInputNames(config);
          const collected = [];
          for (let start = 0; start < recorded.length; start += batchSize) {
            const batch = recorded.slice(start, start + batchSize).filter((touchpoint) => names.has(touchpoint.name));
            const inputs = batch.map((touchpoint) => ({ touchpoint, receivedAt: Date.parse(touchpoint.ts) + 500, trusted: false }));
            for (const copy of [inputs, inputs]) collected.push(...applyInputs(config, collector, copy, 120_000));
          }
          expect(collected.filter((entry) => entry.refused === null).map(({ source, rule, delta, balance }) => ({ source, rule, delta, balance }))).toEqual(
            pointsOf(browserOutputs),
          );
          const { challenges, streaks, points, lifetime } = ledger.toJSON();
          expect({ challenges, streaks, points, lifetime }).toEqual({
            challenges: collector.state.challenges,
            streaks: collector.state.streaks,
            points: collector.state.points,
            lifetime: collector.state.lifetime,
          });
        },
      ),
      { numRuns: 300 },
    );
    // The histories do reach what they claim to test: completions, milestones, breaks, expiries.
    for (const kind of ['$challenge_completed', '$streak', 'c', 's', '$expired', '$redeem', 'spend']) expect(seen.get(kind), kind).toBeGreaterThan(2);
  });
});
