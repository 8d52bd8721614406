import type { Config } from '../../src/config/schema.js';
import { touch } from './fixtures.js';

export const DAY = 86_400_000;
const START = Date.parse('2026-03-02T10:00:00.000Z'); // a Monday

/** A touchpoint `days` (may be fractional) after the fixtures' Monday morning, UTC. */
export const on = (name: string, days: number, props = {}) => touch(name, props, new Date(START + days * DAY).toISOString());

/** The example: view 3 products, add one to the cart and buy, within 7 days, for 100 points. */
export const journeyConfig = (rewards: Partial<NonNullable<Config['rewards']>> = {}): Config => ({
  version: 1,
  stages: [
    { id: 'awareness', when: { event: '$page_view' } },
    { id: 'retention', when: { event: 'purchase' } },
  ],
  rewards: {
    rules: [{ id: 'spend', on: 'purchase', points: { every: 10, of: 'amount', award: 10 } }],
    challenges: [
      {
        id: 'first-order',
        steps: [{ event: 'product_view', count: 3 }, { event: 'add_to_cart' }, { event: 'purchase', where: { amount: { gte: 20 } } }],
        inOrder: true,
        withinDays: 7,
        points: 100,
      },
    ],
    ...rewards,
  },
});
