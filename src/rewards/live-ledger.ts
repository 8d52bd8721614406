import type { Config } from '../config/schema.js';
import { WaymarkError } from '../errors.js';
import { emptyLedger, stepLedger, type LedgerOutput, type LedgerState } from './ledger-step.js';
import { tierFor } from './earning-rules.js';
import type { Touchpoint } from '../types.js';
import { boundLedgerTimes } from '../profile/future-times.js';
import { boundJourneyTimes } from './journey-times.js';

export type RedeemResult = { ok: true; props: { offerId: string; cost: number } } | { ok: false; error: WaymarkError };

export interface Ledger {
  /** Applies a touchpoint (own or from another tab; duplicates are no-ops) → what to record. */
  apply(touchpoint: Touchpoint): LedgerOutput[];
  /**
   * Checks an offer can be redeemed now → the `$redeem` props to record. Record them and
   * apply that touchpoint at once: applying is what reserves the points.
   */
  redeem(offerId: string): RedeemResult;
  /** Takes `{ points, tier, lifetime? }` from the endpoint when `rewards.authority` is "server". */
  adopt(profile: unknown): LedgerOutput[];
  /** Keeps the visitor's referral code or the code they arrived with. */
  remember(referral: Pick<LedgerState, 'referralCode' | 'referredBy'>): void;
  /** Forgets everything (a new visitor after `reset()`). */
  clear(): void;
  readonly points: number;
  readonly lifetime: number;
  readonly tier: string | null;
  toJSON(): LedgerState;
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** A stored state is trusted only if its shape is the one this version writes. */
function restore(config: Config, stored: unknown): LedgerState {
  const state = stored as LedgerState | undefined;
  if (state?.v !== 1 || !isCount(state.points) || !isCount(state.lifetime) || typeof state.seen !== 'object' || typeof state.awards !== 'object') {
    return emptyLedger(config);
  }
  // Tier thresholds may have changed since: recompute, unless the server sets the tier.
  const serverTier = config.rewards?.authority === 'server' && config.rewards.tiers?.some((tier) => tier.id === state.tier);
  return boundJourneyTimes(boundLedgerTimes({ ...state, tier: serverTier ? state.tier : tierFor(config, state.lifetime) }));
}

/** The visitor's ledger in the browser. `onChange` runs after every change (persist, update signals). */
export function createLedger(config: Config, stored?: unknown, onChange: (ledger: Ledger) => void = () => {}): Ledger {
  let state = restore(config, stored);
  const ledger: Ledger = {
    apply(touchpoint) {
      const output = stepLedger(config, state, touchpoint);
      if (output) onChange(ledger);
      return output ?? [];
    },
    redeem(offerId) {
      const offer = config.rewards?.offers?.find((candidate) => candidate.id === offerId);
      if (!offer) return { ok: false, error: new WaymarkError('unknown_offer', `no offer "${String(offerId)}"`) };
      if (offer.cost > state.points) {
        return { ok: false, error: new WaymarkError('insufficient_points', `"${offerId}" costs ${offer.cost} points, the balance is ${state.points}`) };
      }
      return { ok: true, props: { offerId, cost: offer.cost } };
    },
    adopt(profile) {
      if (config.rewards?.authority !== 'server' || typeof profile !== 'object' || !profile) return [];
      const { points, tier, lifetime } = profile as Record<string, unknown>;
      const output: LedgerOutput[] = [];
      if (isCount(points)) state.points = points;
      if (isCount(lifetime)) state.lifetime = lifetime;
      if ((typeof tier === 'string' || tier === null) && tier !== state.tier) {
        output.push({ name: '$tier', props: { from: state.tier, to: tier, source: 'server' } });
        state.tier = tier;
      }
      onChange(ledger);
      return output;
    },
    remember(referral) {
      Object.assign(state, referral);
      onChange(ledger);
    },
    clear() {
      state = emptyLedger(config);
      onChange(ledger);
    },
    get points() {
      return state.points;
    },
    get lifetime() {
      return state.lifetime;
    },
    get tier() {
      return state.tier;
    },
    toJSON: () => state,
  };
  return ledger;
}

export { stampTzOffset } from './tz-stamp.js';
