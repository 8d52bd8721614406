import type { Config } from '../../src/config/schema.js';
import type { Props, Touchpoint } from '../../src/types.js';

let counter = 0;

/** A touchpoint as the browser records it; ids sort in creation order like UUIDv7s. */
export function touch(name: string, props: Props = {}, ts = '2026-03-04T12:00:00.000Z', id = `tp-${String(++counter).padStart(6, '0')}`): Touchpoint {
  return {
    id,
    name,
    props,
    ts,
    anonymousId: 'visitor-1',
    userId: null,
    sessionId: 'session-1',
    page: { url: 'https://shop.test/', path: '/', referrer: '', title: 'Shop' },
  };
}

/** The rewards block of the design document's example config. */
export const shopConfig = (rewards: Partial<NonNullable<Config['rewards']>> = {}): Config => ({
  version: 1,
  rewards: {
    rules: [
      { id: 'signup', on: 'signup', points: 10, limit: { lifetime: 1 } },
      { id: 'spend', on: 'purchase', points: { every: 50, of: 'amount', award: 50 } },
      { id: 'share', on: 'share', points: 20, limit: { perDay: 3 } },
    ],
    tiers: [
      { id: 'bronze', min: 0 },
      { id: 'silver', min: 500 },
      { id: 'gold', min: 1500, label: { en: 'Gold', fr: 'Or' } },
    ],
    offers: [{ id: 'five-off', cost: 200, label: '$5 off your next order' }],
    ...rewards,
  },
});
