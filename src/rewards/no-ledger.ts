import { WaymarkError } from '../errors.js';
import type { Ledger } from './live-ledger.js';

/** The ledger of a config without `rewards`: nothing to earn or spend, and no chunk to load for it. */
export function noLedger(): Ledger {
  return {
    apply: () => [],
    redeem: (offerId) => ({
      ok: false,
      error: new WaymarkError('unknown_offer', `no offer "${String(offerId)}": the config has no rewards`),
    }),
    adopt: () => [],
    remember: () => {},
    clear: () => {},
    points: 0,
    lifetime: 0,
    tier: null,
    toJSON: () => ({ v: 1, points: 0, lifetime: 0, tier: null, awards: {}, seen: {}, latest: 0 }),
  };
}
