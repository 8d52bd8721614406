// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/server/index.js';
import { uuidv7 } from '../../src/track/uuid.js';
import { shopConfig, touch } from './fixtures.js';

const at = (iso: string) => `2026-03-04T${iso}.000Z`;

describe('replay', () => {
  it('recomputes balances, entries and tier changes from a visitor’s touchpoints', () => {
    const signup = touch('signup', {}, at('09:00:00'));
    const purchase = touch('purchase', { amount: 520 }, at('09:05:00'));
    const share = touch('share', { tzOffset: 60 }, at('09:06:00'));
    const redeem = touch('$redeem', { offerId: 'five-off', cost: 200 }, at('09:07:00'));
    const result = replay(shopConfig(), [signup, purchase, share, redeem, touch('page', {}, at('09:08:00'))]);
    expect(result).toEqual({
      points: 330,
      lifetime: 530,
      tier: 'silver',
      entries: [
        { id: signup.id, delta: 10, rule: 'signup', balance: 10, lifetime: 10 },
        { id: purchase.id, delta: 500, rule: 'spend', balance: 510, lifetime: 510 },
        { id: share.id, delta: 20, rule: 'share', balance: 530, lifetime: 530 },
        { id: redeem.id, delta: -200, rule: '$redeem', offerId: 'five-off', balance: 330, lifetime: 530 },
      ],
      tierChanges: [{ id: purchase.id, from: 'bronze', to: 'silver' }],
      journey: [],
    });
  });

  it('deduplicates by id and orders by time whatever the delivery order', () => {
    const touchpoints = [1, 2, 3, 4].map((minute) => touch('share', {}, at(`10:0${minute}:00`)));
    const delivered = [touchpoints[3]!, touchpoints[1]!, touchpoints[1]!, touchpoints[0]!, touchpoints[2]!, touchpoints[3]!];
    const result = replay(shopConfig(), delivered);
    // perDay 3: the fourth share in time is the one refused, not the first delivered.
    expect(result.entries.map((entry) => entry.id)).toEqual(touchpoints.slice(0, 3).map((touchpoint) => touchpoint.id));
    expect(result.points).toBe(60);
  });

  it('breaks ties in time by id (UUIDv7s made in one millisecond sort in creation order)', () => {
    const ms = Date.parse(at('11:00:00'));
    const ids = [uuidv7(ms), uuidv7(ms), uuidv7(ms)];
    expect([...ids].sort()).toEqual(ids);
    const redeem = touch('$redeem', { offerId: 'five-off' }, new Date(ms).toISOString(), ids[1]);
    const purchase = touch('purchase', { amount: 200 }, new Date(ms).toISOString(), ids[0]);
    const secondRedeem = touch('$redeem', { offerId: 'five-off' }, new Date(ms).toISOString(), ids[2]);
    const result = replay(shopConfig(), [secondRedeem, redeem, purchase]);
    expect(result.entries.map((entry) => [entry.rule, entry.balance])).toEqual([
      ['spend', 200],
      ['$redeem', 0],
    ]);
  });

  it('ignores $points and $tier a client sends: they are claims, not inputs', () => {
    const forged = touch('$points', { delta: 100000, rule: 'signup', balance: 100000, lifetime: 100000 });
    const result = replay(shopConfig(), [forged, touch('$tier', { from: 'bronze', to: 'gold' }), touch('signup')]);
    expect([result.points, result.tier]).toEqual([10, 'bronze']);
  });

  it('skips malformed records instead of failing', () => {
    const good = touch('signup', {}, at('12:00:00'));
    const result = replay(shopConfig(), [
      null,
      42,
      'x',
      { id: 1, name: 'signup', ts: at('12:00:00') },
      { ...good, id: 'bad-ts', ts: 'yesterday' },
      { ...good, id: 'no-props', props: 'x' },
      good,
    ]);
    expect(result.entries.map((entry) => entry.id)).toEqual(['no-props']);
  });

  it('counts day caps in the offset each touchpoint carries', () => {
    // Tokyo is UTC+9: 14:59 and 15:00 UTC are two different local days.
    const tokyo = { tzOffset: 540 };
    const shares = ['14:00:00', '14:30:00', '14:59:00', '15:00:00'].map((time) => touch('share', tokyo, `2026-03-04T${time}.000Z`));
    expect(replay(shopConfig(), shares).points).toBe(80);
    expect(
      replay(
        shopConfig(),
        shares.map((share) => ({ ...share, props: {} })),
      ).points,
    ).toBe(60);
  });

  it('starts at the lowest tier with no entries for an empty history', () => {
    expect(replay(shopConfig(), [])).toEqual({ points: 0, lifetime: 0, tier: 'bronze', entries: [], tierChanges: [], journey: [] });
  });
});
