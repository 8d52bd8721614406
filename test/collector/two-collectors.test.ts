// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { freshFolder, freshPostgres } from './databases.js';
import { openCollector } from './open.js';
import { collect, exported, record, visitorOf, type WireRecord } from './requests.js';

const CONFIG: Config = {
  version: 1,
  rewards: {
    rules: [
      { id: 'share', on: 'share', points: 20, limit: { perDay: 3 } },
      { id: 'spend', on: 'purchase', points: { every: 50, of: 'amount', award: 50 } },
    ],
    tiers: [
      { id: 'bronze', min: 0 },
      { id: 'silver', min: 500 },
    ],
    offers: [{ id: 'five-off', cost: 200, label: '$5 off' }],
  },
};
const EVENTS = [
  ['share', {}],
  ['purchase', { amount: 120 }],
  ['$redeem', { offerId: 'five-off' }],
  ['share', {}],
] as const;

/** Per visitor, batches of `size` in the order one browser would send them. */
function batchesOf(visitors: number, perVisitor: number, size: number): WireRecord[][][] {
  return Array.from({ length: visitors }, (_, v) => {
    const records = Array.from({ length: perVisitor }, (_, n) => record(`visitor-${v}`, EVENTS[n % EVENTS.length]![0], { ...EVENTS[n % EVENTS.length]![1] }));
    return Array.from({ length: Math.ceil(perVisitor / size) }, (_, b) => records.slice(b * size, (b + 1) * size));
  });
}

const ledgerOf = async (collector: Parameters<typeof visitorOf>[0], id: string) => {
  const { profile, ledger, refused } = await visitorOf(collector, id);
  return { profile, ledger: ledger.map(({ at: _at, ...entry }) => entry), refused: refused.map((entry) => entry.source) };
};

describe('two collectors on one Postgres', () => {
  it('given the same batches at once, store each record once and keep the ledgers of a single collector', async () => {
    const shared = await freshPostgres();
    const [first, second] = await Promise.all([openCollector(shared, { config: CONFIG }), openCollector(shared, { config: CONFIG })]);
    const alone = await openCollector(freshFolder(), { config: CONFIG });
    const visitors = batchesOf(6, 40, 8);
    let accepted = 0;
    await Promise.all(
      visitors.map(async (batches) => {
        for (const batch of batches) {
          const answers = await Promise.all([collect(first, batch), collect(second, batch)]);
          const [a, b] = await Promise.all(answers.map((answer) => answer.json()));
          expect(a.accepted + b.accepted).toBe(batch.length);
          expect(a.profile).toEqual(b.profile);
          accepted += a.accepted + b.accepted;
        }
      }),
    );
    for (const batches of visitors) for (const batch of batches) await collect(alone, batch);
    expect(accepted).toBe(6 * 40);
    expect(await exported(first)).toHaveLength(6 * 40);
    for (let v = 0; v < visitors.length; v++) {
      const expected = await ledgerOf(alone, `visitor-${v}`);
      expect(expected.ledger.some((entry) => entry.rule === '$redeem')).toBe(true);
      expect(await ledgerOf(first, `visitor-${v}`)).toEqual(expected);
      expect(await ledgerOf(second, `visitor-${v}`)).toEqual(expected);
    }
  });
});
