import { describe, expect, it, vi } from 'vitest';
import { isWaymarkError } from '../../src/errors.js';
import { createLedger, stampTzOffset, type Ledger } from '../../src/rewards/live-ledger.js';
import { rewardVars, tierFor } from '../../src/rewards/earning-rules.js';
import { shopConfig, touch } from './fixtures.js';

/** Applies a purchase worth `points` under the shop config (50 points per 50 spent). */
const earn = (ledger: Ledger, points: number) => ledger.apply(touch('purchase', { amount: points }));

describe('tiers', () => {
  it('follow lifetime points, with a $tier record on each change', () => {
    const ledger = createLedger(shopConfig());
    expect(ledger.tier).toBe('bronze');
    expect(earn(ledger, 450).map((output) => output.name)).toEqual(['$points']);
    const promoted = earn(ledger, 100);
    expect(promoted[1]).toEqual({ name: '$tier', props: { from: 'bronze', to: 'silver', source: expect.any(String) } });
    expect(ledger.tier).toBe('silver');
  });

  it('a jump over several tiers is one change', () => {
    const ledger = createLedger(shopConfig());
    const outputs = earn(ledger, 2000);
    expect(outputs.filter((output) => output.name === '$tier').map((output) => output.props)).toEqual([
      { from: 'bronze', to: 'gold', source: expect.any(String) },
    ]);
  });

  it('spending points does not lower the tier', () => {
    const ledger = createLedger(shopConfig());
    earn(ledger, 500);
    const redeemed = ledger.apply(touch('$redeem', { offerId: 'five-off', cost: 200 }));
    expect(redeemed.map((output) => output.name)).toEqual(['$points']);
    expect([ledger.points, ledger.lifetime, ledger.tier]).toEqual([300, 500, 'silver']);
  });

  it('no tier below the lowest `min`, and no tiers at all', () => {
    const config = shopConfig({ tiers: [{ id: 'silver', min: 100 }] });
    expect(tierFor(config, 99)).toBeNull();
    expect(tierFor(config, 100)).toBe('silver');
    expect(tierFor(shopConfig({ tiers: [] }), 1e6)).toBeNull();
    const ledger = createLedger(config);
    expect(earn(ledger, 100).at(-1)).toEqual({ name: '$tier', props: { from: null, to: 'silver', source: expect.any(String) } });
  });

  it('recomputes the tier on load when the thresholds changed (down as well as up)', () => {
    const ledger = createLedger(shopConfig());
    earn(ledger, 600);
    const stored = JSON.parse(JSON.stringify(ledger));
    const raised = shopConfig({
      tiers: [
        { id: 'bronze', min: 0 },
        { id: 'silver', min: 1000 },
      ],
    });
    expect(createLedger(raised, stored).tier).toBe('bronze');
    expect(createLedger(shopConfig(), stored).tier).toBe('silver');
  });
});

describe('redemption', () => {
  it('checks the offer, then applying the $redeem reserves its cost', () => {
    const ledger = createLedger(shopConfig());
    earn(ledger, 250);
    const result = ledger.redeem('five-off');
    expect(result).toEqual({ ok: true, props: { offerId: 'five-off', cost: 200 } });
    const redeem = touch('$redeem', result.ok ? result.props : {});
    expect(ledger.apply(redeem)).toEqual([
      { name: '$points', props: { delta: -200, rule: '$redeem', offerId: 'five-off', balance: 50, lifetime: 250, source: redeem.id } },
    ]);
    expect(ledger.apply(redeem)).toEqual([]);
    expect(ledger.points).toBe(50);
  });

  it('refuses an insufficient balance with a clear error, balance untouched', () => {
    const ledger = createLedger(shopConfig());
    earn(ledger, 150);
    const result = ledger.redeem('five-off');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(isWaymarkError(result.error)).toBe(true);
    expect(result.error.code).toBe('insufficient_points');
    expect(result.error.message).toBe('"five-off" costs 200 points, the balance is 150');
    expect(ledger.points).toBe(150);
  });

  it('refuses an unknown offer', () => {
    const result = createLedger(shopConfig()).redeem('free-car');
    expect(!result.ok && result.error.code).toBe('unknown_offer');
  });

  it('a $redeem the balance cannot cover (another tab, a forged one) changes nothing: never negative', () => {
    const ledger = createLedger(shopConfig());
    earn(ledger, 100);
    expect(ledger.apply(touch('$redeem', { offerId: 'five-off', cost: 1 }))).toEqual([]);
    expect(ledger.apply(touch('$redeem', { offerId: 'nope', cost: 1 }))).toEqual([]);
    expect(ledger.points).toBe(100);
  });

  it('charges the configured cost, not the one in the touchpoint', () => {
    const ledger = createLedger(shopConfig());
    earn(ledger, 1000);
    const [output] = ledger.apply(touch('$redeem', { offerId: 'five-off', cost: 1 }));
    expect(output?.props).toMatchObject({ delta: -200, balance: 800 });
  });
});

describe('server authority', () => {
  const profile = { points: 40, tier: 'bronze' };

  it('is ignored when the client is the authority (the default)', () => {
    const ledger = createLedger(shopConfig());
    earn(ledger, 600);
    expect(ledger.adopt(profile)).toEqual([]);
    expect([ledger.points, ledger.tier]).toEqual([600, 'silver']);
  });

  it('adopts points and tier from the endpoint, tier down included, then keeps earning from them', () => {
    const onChange = vi.fn();
    const ledger = createLedger(shopConfig({ authority: 'server' }), undefined, onChange);
    earn(ledger, 600);
    expect(ledger.adopt({ ...profile, lifetime: 300 })).toEqual([{ name: '$tier', props: { from: 'silver', to: 'bronze', source: 'server' } }]);
    expect([ledger.points, ledger.lifetime, ledger.tier]).toEqual([40, 300, 'bronze']);
    expect(onChange).toHaveBeenLastCalledWith(ledger);
    expect(earn(ledger, 100)[0]?.props).toMatchObject({ delta: 100, balance: 140, lifetime: 400 });
    expect(ledger.tier).toBe('bronze');
    // Crossing a threshold locally moves the tier again.
    expect(earn(ledger, 100).at(-1)).toEqual({ name: '$tier', props: { from: 'bronze', to: 'silver', source: expect.any(String) } });
  });

  it('keeps a tier the server set while local points stay within one tier', () => {
    const ledger = createLedger(shopConfig({ authority: 'server' }));
    ledger.adopt({ points: 10, tier: 'gold' });
    expect(earn(ledger, 50).map((output) => output.name)).toEqual(['$points']);
    expect(ledger.tier).toBe('gold');
    expect(createLedger(shopConfig({ authority: 'server' }), JSON.parse(JSON.stringify(ledger))).tier).toBe('gold');
  });

  it('ignores malformed values', () => {
    const ledger = createLedger(shopConfig({ authority: 'server' }));
    earn(ledger, 100);
    for (const bad of [null, 'x', { points: -5 }, { points: 1.5 }, { points: '7' }, { tier: 3 }]) ledger.adopt(bad);
    expect([ledger.points, ledger.tier]).toEqual([100, 'bronze']);
  });
});

describe('the browser ledger', () => {
  it('is idempotent across reloads: a restored state remembers applied ids', () => {
    const first = createLedger(shopConfig());
    const purchase = touch('purchase', { amount: 100 });
    first.apply(purchase);
    const reloaded = createLedger(shopConfig(), JSON.parse(JSON.stringify(first)));
    expect(reloaded.apply(purchase)).toEqual([]);
    expect(reloaded.points).toBe(100);
  });

  it('is idempotent across tabs: every tab applies every touchpoint once', () => {
    const [tabA, tabB] = [createLedger(shopConfig()), createLedger(shopConfig())];
    const ownA = touch('share', {}, '2026-03-04T10:00:00.000Z');
    const ownB = touch('share', {}, '2026-03-04T10:00:01.000Z');
    tabA.apply(ownA);
    tabB.apply(ownB);
    tabB.apply(ownA);
    tabA.apply(ownB);
    tabA.apply(ownA);
    expect([tabA.points, tabB.points]).toEqual([40, 40]);
  });

  it('starts afresh from a stored state it does not recognize', () => {
    for (const stored of [null, 'garbage', { v: 2, points: 5 }, { v: 1, points: -1, lifetime: 0, seen: {}, awards: {} }]) {
      expect(createLedger(shopConfig(), stored).points).toBe(0);
    }
  });

  it('calls onChange for inputs only, and clear() forgets everything', () => {
    const onChange = vi.fn();
    const ledger = createLedger(shopConfig(), undefined, onChange);
    ledger.apply(touch('newsletter'));
    expect(onChange).not.toHaveBeenCalled();
    earn(ledger, 600);
    expect(onChange).toHaveBeenCalledTimes(1);
    ledger.clear();
    expect([ledger.points, ledger.lifetime, ledger.tier, onChange.mock.calls.length]).toEqual([0, 0, 'bronze', 2]);
  });

  it('stamps the UTC offset on touchpoints a rule listens to (all of them before the config loads)', () => {
    const offset = -new Date().getTimezoneOffset();
    expect(stampTzOffset(shopConfig(), 'share', { via: 'x' })).toEqual({ via: 'x', tzOffset: offset });
    const props = { a: 1 };
    expect(stampTzOffset(shopConfig(), 'newsletter', props)).toBe(props);
    expect(stampTzOffset(null, 'newsletter', props)).toEqual({ a: 1, tzOffset: offset });
  });
});

describe('prompt placeholders', () => {
  it('gives points, delta, tier, next tier, the points still needed and the progress bar', () => {
    const config = shopConfig();
    expect(rewardVars(config, { points: 300, lifetime: 1200, tier: 'silver' }, 50)).toEqual({
      points: 300,
      delta: 50,
      tier: 'silver',
      nextTier: 'Gold',
      toNextTier: 300,
      tierProgress: 0.7,
    });
    expect(rewardVars(config, { points: 0, lifetime: 1500, tier: 'gold' }, 0, 'fr-CA')).toEqual({
      points: 0,
      delta: 0,
      tier: 'Or',
      nextTier: '',
      toNextTier: 0,
      tierProgress: 1,
    });
    expect(rewardVars(shopConfig({ tiers: [{ id: 'vip', min: 100 }] }), { points: 5, lifetime: 25, tier: null })).toMatchObject({
      tier: '',
      nextTier: 'vip',
      toNextTier: 75,
      tierProgress: 0.25,
    });
    expect(rewardVars({ version: 1 }, { points: 5, lifetime: 5, tier: null })).toEqual({ points: 5, delta: 0, tier: '', nextTier: '', toNextTier: 0 });
  });
});
