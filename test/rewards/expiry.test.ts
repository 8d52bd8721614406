import { describe, expect, it } from 'vitest';
import { expiringSoon } from '../../src/rewards/expiry.js';
import { createLedger } from '../../src/rewards/live-ledger.js';
import { replay } from '../../src/rewards/replay.js';
import { DAY, journeyConfig, on } from './journey-fixtures.js';

const expired = (outputs: Array<{ name: string; props: Record<string, unknown> }>) =>
  outputs.filter((output) => output.props.rule === '$expired').map((output) => output.props.delta);

describe('points expiry', () => {
  it('after N days without activity, all points go as one negative $points on the next input', () => {
    const config = journeyConfig({ challenges: [], expiry: { afterDays: 30 } });
    const ledger = createLedger(config);
    ledger.apply(on('purchase', 0, { amount: 50 }));
    ledger.apply(on('purchase', 20, { amount: 30 }));
    expect(expired(ledger.apply(on('$page_view', 49)))).toEqual([]);
    const back = ledger.apply(on('$page_view', 50));
    expect(expired(back)).toEqual([-80]);
    expect(back[0]!.props).toMatchObject({ balance: 0, lifetime: 80 });
    expect([ledger.points, ledger.lifetime]).toEqual([0, 80]);
  });

  it('per earned batch, oldest first, with redemptions spending the oldest points', () => {
    const config = journeyConfig({
      challenges: [],
      expiry: { afterDays: 10, from: 'earned' },
      offers: [{ id: 'o', cost: 30, label: 'O' }],
    });
    const ledger = createLedger(config);
    ledger.apply(on('purchase', 0, { amount: 50 }));
    ledger.apply(on('purchase', 5, { amount: 40 }));
    ledger.apply(on('$redeem', 6, { offerId: 'o' }));
    expect(ledger.points).toBe(60);
    // Day 0's batch (50, of which 30 spent) expires at the end of day 10.
    expect(expired(ledger.apply(on('$page_view', 10.5)))).toEqual([]);
    expect(expired(ledger.apply(on('$page_view', 11.1)))).toEqual([-20]);
    expect(expired(ledger.apply(on('$page_view', 16.1)))).toEqual([-40]);
    expect(ledger.points).toBe(0);
  });

  it('“expiring soon” counts what goes within soonDays', () => {
    const config = journeyConfig({ challenges: [], expiry: { afterDays: 10, from: 'earned', soonDays: 3 } });
    const ledger = createLedger(config);
    ledger.apply(on('purchase', 0, { amount: 50 }));
    ledger.apply(on('purchase', 5, { amount: 40 }));
    const now = Date.parse(on('x', 8).ts);
    expect(expiringSoon(config, ledger.toJSON(), now)).toEqual({ points: 50, at: Date.parse('2026-03-13T00:00:00.000Z') });
    expect(expiringSoon(config, ledger.toJSON(), now + 6 * DAY).points).toBe(90);
  });

  it('replay() expires exactly as the browser does', () => {
    const config = journeyConfig({ challenges: [], expiry: { afterDays: 30 } });
    const touchpoints = [on('purchase', 0, { amount: 50 }), on('$page_view', 31), on('purchase', 32, { amount: 10 })];
    const ledger = createLedger(config);
    for (const touchpoint of touchpoints) ledger.apply(touchpoint);
    const result = replay(config, [...touchpoints].reverse());
    expect(result.entries.map((entry) => [entry.rule, entry.delta])).toEqual([
      ['spend', 50],
      ['$expired', -50],
      ['spend', 10],
    ]);
    expect(result.points).toBe(ledger.points);
  });
});
