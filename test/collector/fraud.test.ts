// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { DATABASES } from './databases.js';
import { openCollector } from './open.js';
import { admin, collect, post, record, visitorOf, wire } from './requests.js';

const DAY = 86_400_000;
const CONFIG: Config = {
  version: 1,
  rewards: {
    authority: 'server',
    rules: [
      { id: 'share', on: 'share', points: 20, limit: { perDay: 3 } },
      { id: 'signup', on: 'signup', points: 10, limit: { lifetime: 1 } },
      { id: 'order', on: 'order_confirmed', points: { every: 1, of: 'amount', award: 1 }, trusted: true },
    ],
    tiers: [
      { id: 'bronze', min: 0 },
      { id: 'silver', min: 100 },
    ],
    offers: [{ id: 'five-off', cost: 50, label: '$5 off' }],
  },
};

/** A server clock the test moves; records are sent "now" on it. */
function serverClock(start = Date.parse('2026-06-10T12:00:00.000Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms), iso: (offsetMs = 0) => new Date(now + offsetMs).toISOString() };
}

describe.each(DATABASES)('points authority on $kind', ({ fresh }) => {
  it('a rewound or forwarded client clock does not open new days: the daily cap holds on server time', async () => {
    const clock = serverClock();
    const collector = await openCollector(await fresh(), { config: CONFIG, now: clock.now });
    const forged = Array.from({ length: 30 }, (_, day) => record('cheat', 'share', {}, clock.iso((day - 15) * DAY)));
    const answer = await (await collect(collector, forged)).json();
    expect(answer.accepted).toBe(30);
    expect(answer.profile).toEqual({ points: 60, tier: 'bronze', lifetime: 60 });
    // The next server day opens the cap again, as it does for everybody.
    clock.advance(DAY);
    const tomorrow = await (await collect(collector, [record('cheat', 'share', {}, clock.iso())])).json();
    expect(tomorrow.profile.points).toBe(80);
  });

  it('hopping tzOffset between requests does not reopen a day: the first offset a visitor sends is kept', async () => {
    const clock = serverClock(Date.parse('2026-06-10T23:30:00.000Z'));
    const collector = await openCollector(await fresh(), { config: CONFIG, now: clock.now });
    const offsets = [0, 0, 0, 60, 120, -600, 840, -720];
    for (const tzOffset of offsets) await collect(collector, [record('hopper', 'share', { tzOffset }, clock.iso())]);
    const visitor = await visitorOf(collector, 'hopper');
    expect(visitor.profile!.points).toBe(60);
  });

  it('a client clock within the skew is believed', async () => {
    const clock = serverClock(Date.parse('2026-06-10T00:02:00.000Z'));
    const collector = await openCollector(await fresh(), { config: CONFIG, now: clock.now });
    // Recorded at 23:59 the evening before, delivered three minutes later: it counts for that day.
    const late = Array.from({ length: 3 }, () => record('honest', 'share', {}, clock.iso(-3 * 60_000)));
    const today = Array.from({ length: 3 }, () => record('honest', 'share', {}, clock.iso()));
    const answer = await (await collect(collector, [...late, ...today])).json();
    expect(answer.profile.points).toBe(120);
  });

  it('ignores forged $points and $tier: the answer carries the server ledger', async () => {
    const collector = await openCollector(await fresh(), { config: CONFIG });
    const forged = [
      record('forger', '$points', { delta: 100000, rule: 'share', balance: 100000, lifetime: 100000, source: 'x' }),
      record('forger', '$tier', { from: 'bronze', to: 'silver', source: 'x' }),
      record('forger', 'signup'),
    ];
    const answer = await (await collect(collector, forged)).json();
    expect(answer.accepted).toBe(3);
    expect(answer.profile).toEqual({ points: 10, tier: 'bronze', lifetime: 10 });
    const visitor = await visitorOf(collector, 'forger');
    expect(visitor.ledger.map((entry) => [entry.rule, entry.delta])).toEqual([['signup', 10]]);
  });

  it('a replayed id earns nothing twice, in a later batch or under another name', async () => {
    const collector = await openCollector(await fresh(), { config: CONFIG });
    const signup = record('replayer', 'share');
    await collect(collector, [signup]);
    const replay = await (await collect(collector, [signup, { ...signup, name: 'signup' }, { ...signup }])).json();
    expect(replay.accepted).toBe(0);
    expect(replay.duplicates).toBe(3);
    expect(replay.profile.points).toBe(20);
  });

  it('refuses a redemption above the server balance, records it, and corrects the page', async () => {
    const collector = await openCollector(await fresh(), { config: CONFIG });
    await collect(collector, [record('spender', 'share'), record('spender', 'share')]);
    const redeem = record('spender', '$redeem', { offerId: 'five-off', cost: 1 });
    const refused = await (await collect(collector, [redeem])).json();
    expect(refused.profile).toEqual({ points: 40, tier: 'bronze', lifetime: 40 });
    expect(refused.refused).toEqual([{ id: redeem.id, offerId: 'five-off', reason: '"five-off" costs 50 points, the server balance is 40' }]);
    await collect(collector, [record('spender', 'share')]);
    const honoured = await (await collect(collector, [record('spender', '$redeem', { offerId: 'five-off' })])).json();
    expect(honoured.profile).toEqual({ points: 10, tier: 'bronze', lifetime: 60 });
    expect(honoured.refused).toBeUndefined();
    const visitor = await visitorOf(collector, 'spender');
    expect(visitor.refused.map((entry) => entry.source)).toEqual([redeem.id]);
    expect(visitor.ledger.map((entry) => entry.delta)).toEqual([20, 20, 20, -50]);
  });

  it('a trusted rule earns only from the backend: the browser cannot claim an order', async () => {
    const collector = await openCollector(await fresh(), { config: CONFIG });
    const fromBrowser = await (await collect(collector, [record('buyer', 'order_confirmed', { amount: 500 })])).json();
    expect(fromBrowser.profile.points).toBe(0);
    const backend = await admin(collector, '/api/touchpoints', {
      method: 'POST',
      body: wire([record('buyer', 'order_confirmed', { amount: 120 })], undefined),
    });
    expect(backend.status).toBe(200);
    expect((await backend.json()).profile).toEqual({ points: 120, tier: 'silver', lifetime: 120 });
    const visitor = await visitorOf(collector, 'buyer');
    expect(visitor.touchpoints.filter((row) => row.trusted)).toHaveLength(1);
  });

  it('the backend route needs the admin token, not a write key', async () => {
    const collector = await openCollector(await fresh(), { config: CONFIG });
    const response = await collector(post('/api/touchpoints', wire([record('buyer', 'order_confirmed', { amount: 120 })])));
    expect(response.status).toBe(401);
  });
});
