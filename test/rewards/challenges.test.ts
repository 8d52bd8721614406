import { describe, expect, it } from 'vitest';
import type { Challenge } from '../../src/config/schema.js';
import { createLedger } from '../../src/rewards/live-ledger.js';
import { touch } from './fixtures.js';
import { journeyConfig, on } from './journey-fixtures.js';

const names = (outputs: Array<{ name: string }>) => outputs.map((output) => output.name);

describe('challenges', () => {
  it('award their bonus once when every step is done in order within the window', () => {
    const ledger = createLedger(journeyConfig());
    const views = [0, 0.1, 0.2].map((day) => ledger.apply(on('product_view', day)));
    expect(views.map((outputs) => outputs[0]?.props)).toEqual(
      [1, 2, 3].map((count) => expect.objectContaining({ challenge: 'first-order', step: 0, count, expired: false })),
    );
    expect(views[2]![0]!.props).toMatchObject({ progress: 3 / 5 });
    ledger.apply(on('add_to_cart', 1));
    const bought = ledger.apply(on('purchase', 2, { amount: 30 }));
    expect(names(bought)).toEqual(['$points', '$challenge_progress', '$challenge_completed', '$points']);
    expect(bought[2]!.props).toMatchObject({ challenge: 'first-order', points: 100, completions: 1 });
    expect(bought[3]!.props).toMatchObject({ delta: 100, rule: 'first-order' });
    expect(ledger.points).toBe(130);
    // Not repeatable: the same steps again earn only the purchase rule.
    for (const day of [3, 3, 3]) ledger.apply(on('product_view', day));
    ledger.apply(on('add_to_cart', 3));
    expect(names(ledger.apply(on('purchase', 3, { amount: 30 })))).toEqual(['$points']);
    expect(ledger.points).toBe(160);
  });

  it('in order: a later step before an earlier one counts nothing; a step short of its `where` neither', () => {
    const ledger = createLedger(journeyConfig());
    expect(ledger.apply(on('add_to_cart', 0))).toEqual([]);
    for (const day of [0.1, 0.2, 0.3]) ledger.apply(on('product_view', day));
    ledger.apply(on('add_to_cart', 0.4));
    expect(names(ledger.apply(on('purchase', 0.5, { amount: 10 })))).toEqual(['$points']);
    expect(names(ledger.apply(on('purchase', 0.6, { amount: 20 })))).toContain('$challenge_completed');
  });

  it('without inOrder, steps count in any order', () => {
    const base = journeyConfig().rewards!.challenges![0]!;
    const ledger = createLedger(journeyConfig({ challenges: [{ ...base, inOrder: false }] }));
    ledger.apply(on('purchase', 0, { amount: 20 }));
    ledger.apply(on('add_to_cart', 0.1));
    for (const day of [0.2, 0.3]) ledger.apply(on('product_view', day));
    expect(names(ledger.apply(on('product_view', 0.4)))).toEqual(['$challenge_progress', '$challenge_completed', '$points']);
  });

  it('start over when the window closes before the last step, saying so', () => {
    const ledger = createLedger(journeyConfig());
    for (const day of [0, 1, 2]) ledger.apply(on('product_view', day));
    ledger.apply(on('add_to_cart', 3));
    const late = ledger.apply(on('purchase', 7.5, { amount: 50 }));
    expect(late.find((output) => output.name === '$challenge_progress')?.props).toMatchObject({ expired: true, progress: 0, step: null });
    expect(names(late)).not.toContain('$challenge_completed');
    expect(ledger.toJSON().challenges?.['first-order']).toEqual({ start: null, counts: [], done: 0 });
  });

  it('repeatable ones pay on every completion', () => {
    const repeatable: Challenge = { id: 'two-reviews', steps: [{ event: 'review', count: 2 }], points: 15, repeatable: true };
    const ledger = createLedger(journeyConfig({ challenges: [repeatable] }));
    const completions = [0, 1, 2, 3].map((day) => ledger.apply(on('review', day)).filter((output) => output.name === '$challenge_completed'));
    expect(completions.map((list) => list.length)).toEqual([0, 1, 0, 1]);
    expect(ledger.points).toBe(30);
  });

  it('startIf: only a visitor in the stage may start; one already started keeps going', () => {
    const gated: Challenge = {
      id: 'loyal',
      steps: [{ event: 'review' }, { event: 'share' }],
      points: 40,
      startIf: { stage: { eq: 'retention' } },
    };
    const ledger = createLedger(journeyConfig({ challenges: [gated] }));
    expect(ledger.apply(on('review', 0))).toEqual([]);
    ledger.apply(on('$stage', 0.1, { from: 'awareness', to: 'retention' }));
    expect(names(ledger.apply(on('review', 0.2)))).toEqual(['$challenge_progress']);
    ledger.apply(on('$stage', 0.3, { from: 'retention', to: 'awareness' }));
    expect(names(ledger.apply(on('share', 0.4)))).toEqual(['$challenge_progress', '$challenge_completed', '$points']);
  });

  it('ignore their own records and duplicates', () => {
    const ledger = createLedger(journeyConfig());
    const view = on('product_view', 0);
    ledger.apply(view);
    expect(ledger.apply(view)).toEqual([]);
    expect(ledger.apply(on('$challenge_completed', 0.1, { challenge: 'first-order', points: 100 }))).toEqual([]);
    expect(ledger.toJSON().challenges?.['first-order']?.counts).toEqual([1, 0, 0]);
  });
});

describe('journey times saved by a clock that ran ahead', () => {
  it('become now when the ledger loads, so a window still closes and inactivity still counts', () => {
    const ledger = createLedger(journeyConfig({ expiry: { afterDays: 30 } }));
    const yearAhead = Date.now() + 365 * 86_400_000;
    ledger.apply(touch('product_view', {}, new Date(yearAhead).toISOString()));
    ledger.apply(touch('purchase', { amount: 10 }, new Date(yearAhead).toISOString()));
    const stored = JSON.parse(JSON.stringify(ledger));
    const before = Date.now();
    const restored = createLedger(journeyConfig({ expiry: { afterDays: 30 } }), stored).toJSON();
    expect(restored.challenges?.['first-order']?.start).toBeGreaterThanOrEqual(before);
    expect(restored.challenges?.['first-order']?.start).toBeLessThan(yearAhead);
    expect(restored.active).toBeLessThan(yearAhead);
  });
});
