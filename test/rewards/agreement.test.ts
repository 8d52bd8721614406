import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Config, EarningRule } from '../../src/config/schema.js';
import { createLedger } from '../../src/rewards/live-ledger.js';
import { replay, type ReplayResult } from '../../src/rewards/replay.js';
import type { Props } from '../../src/types.js';
import { touch } from './fixtures.js';

const limit = fc.record(
  { perDay: fc.integer({ min: 1, max: 3 }), perWeek: fc.integer({ min: 1, max: 6 }), lifetime: fc.integer({ min: 1, max: 8 }) },
  { requiredKeys: [] },
);

const configs: fc.Arbitrary<Config> = fc
  .record({
    signup: fc.integer({ min: 0, max: 50 }),
    spend: fc.record({
      every: fc.constantFrom(10, 25, 50, 0.5),
      award: fc.integer({ min: 1, max: 40 }),
      round: fc.constantFrom('floor', 'nearest', undefined),
    }),
    share: fc.record({ points: fc.integer({ min: 1, max: 30 }), limit }),
    review: fc.record({ points: fc.integer({ min: 1, max: 60 }), limit }),
    tierSteps: fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 3 }),
    costs: fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 3 }),
    authority: fc.constantFrom('client', 'server', undefined),
  })
  .map(({ signup, spend, share, review, tierSteps, costs, authority }) => {
    const { round, ...ratio } = spend;
    const rules: EarningRule[] = [
      { id: 'signup', on: 'signup', points: signup, limit: { lifetime: 1 } },
      { id: 'spend', on: 'purchase', points: round ? { ...ratio, of: 'amount', round } : { ...ratio, of: 'amount' } },
      { id: 'share', on: 'share', points: share.points, limit: share.limit },
      { id: 'review', on: 'review', where: { stars: { gte: 4 } }, points: review.points, limit: review.limit },
      { id: 'review-any', on: 'review', points: 1 },
    ];
    let min = 0;
    const tiers = ['bronze', 'silver', 'gold', 'platinum']
      .slice(0, tierSteps.length + 1)
      .map((id, index) => ({ id, min: index ? (min += tierSteps[index - 1]!) : 0 }));
    const offers = costs.map((cost, index) => ({ id: `offer-${index}`, cost, label: 'Offer' }));
    return { version: 1, rewards: { ...(authority && { authority }), rules, tiers, offers } } as Config;
  });

const HOUR = 3_600_000;
const event = fc.record({
  name: fc.constantFrom('signup', 'purchase', 'purchase', 'share', 'share', 'review', '$redeem', 'page', '$points', '$tier'),
  amount: fc.oneof(fc.integer({ min: -10, max: 400 }), fc.double({ min: 0, max: 300, noNaN: true })),
  stars: fc.integer({ min: 1, max: 5 }),
  offer: fc.integer({ min: 0, max: 3 }),
  tzOffset: fc.constantFrom(-420, -300, 0, 60, 330, 600, undefined),
  // Often the same millisecond, often hours apart, sometimes days: caps, weeks and the horizon.
  gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 6 * HOUR }), fc.integer({ min: 0, max: 72 * HOUR })),
});

type Event = typeof event extends fc.Arbitrary<infer T> ? T : never;

/** What a tab records, in order: ids sort in creation order, as UUIDv7s do. */
function record(events: Array<Event>, runId: number) {
  let at = Date.parse('2026-01-01T00:00:00.000Z');
  return events.map((item, index) => {
    at += item.gap;
    const props: Props = { amount: item.amount, stars: item.stars, offerId: `offer-${item.offer}`, delta: 999 };
    if (item.tzOffset !== undefined) props.tzOffset = item.tzOffset;
    return touch(item.name, props, new Date(at).toISOString(), `r${runId}-${String(index).padStart(4, '0')}`);
  });
}

let runs = 0;

describe('browser ledger and server replay', () => {
  it('agree exactly on every sequence, with duplicates, reloads and any delivery order', () => {
    fc.assert(
      fc.property(
        configs,
        fc.array(event, { minLength: 1, maxLength: 60 }),
        fc.array(fc.record({ of: fc.nat(), after: fc.nat({ max: 20 }) }), { maxLength: 15 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        fc.nat(),
        (config, events, duplicates, reloads, seed) => {
          const recorded = record(events, runs++);
          // Each copy arrives after its original (a retry, another tab's echo, a replay from storage).
          const arrivals = recorded.map((touchpoint, index) => ({ key: index, touchpoint }));
          for (const { of, after } of duplicates)
            arrivals.push({ key: (of % recorded.length) + after + 0.5, touchpoint: { ...recorded[of % recorded.length]! } });
          arrivals.sort((a, b) => a.key - b.key);

          let ledger = createLedger(config);
          const browser: Omit<ReplayResult, 'points' | 'lifetime' | 'tier'> = { entries: [], tierChanges: [], journey: [] };
          arrivals.forEach(({ touchpoint }, index) => {
            if (reloads.some((at) => at % arrivals.length === index)) ledger = createLedger(config, JSON.parse(JSON.stringify(ledger)));
            for (const output of ledger.apply(touchpoint)) {
              if (output.name === '$points') {
                const { source, ...entry } = output.props;
                browser.entries.push({ id: source, ...entry });
              } else if (output.name === '$tier') browser.tierChanges.push({ id: output.props.source, from: output.props.from, to: output.props.to });
              else browser.journey.push(output);
            }
          });

          // The server gets the batches in any order.
          const shuffled = arrivals.map(({ touchpoint }, index) => ({ touchpoint, rank: (index * 7919 + seed) % 10007 })).sort((a, b) => a.rank - b.rank);
          const server = replay(
            config,
            shuffled.map(({ touchpoint }) => touchpoint),
          );

          expect(server).toEqual({ points: ledger.points, lifetime: ledger.lifetime, tier: ledger.tier, ...browser });
          expect(server.points).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
