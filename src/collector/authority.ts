import type { Config } from '../config/schema.js';
import { emptyLedger, stepLedger, type LedgerState } from '../rewards/ledger-step.js';
import { tzOffsetOf } from '../rewards/earning-rules.js';
import { RESERVED, type Props } from '../types.js';
import type { StoredTouchpoint } from './records.js';

/** One visitor's ledger as the collector keeps it: the browser's state plus the pinned time zone. */
export interface VisitorLedger {
  state: LedgerState;
  /** Minutes east of UTC, fixed by the visitor's first ledger input that carried one. */
  tzOffset: number | null;
}

export interface LedgerEntry {
  source: string;
  rule: string;
  delta: number;
  balance: number;
  lifetime: number;
  offerId: string | null;
  /** Why a `$redeem` was not honoured; null for every change that happened. */
  refused: string | null;
  at: string;
}

export interface LedgerInput {
  touchpoint: StoredTouchpoint;
  receivedAt: number;
  trusted: boolean;
}

export const newVisitorLedger = (config: Config): VisitorLedger => ({ state: emptyLedger(config), tzOffset: null });

/**
 * The time caps and windows count with. A browser's clock is believed only within
 * `maxSkewMs` of the moment the record arrived: a rewound `Date.now()` would otherwise open
 * a new "day" per request and multiply every daily cap. A backend's trusted fact keeps its time.
 */
export function effectiveTime(input: LedgerInput, maxSkewMs: number): number {
  const claimed = Date.parse(input.touchpoint.ts);
  if (input.trusted) return claimed;
  return Math.abs(claimed - input.receivedAt) <= maxSkewMs ? claimed : input.receivedAt;
}

/** Inputs in the order the ledger applies them: by effective time, ties by id (as `replay()` does). */
export function ordered(inputs: LedgerInput[], maxSkewMs: number): Array<LedgerInput & { at: number }> {
  return inputs
    .map((input) => ({ ...input, at: effectiveTime(input, maxSkewMs) }))
    .sort((a, b) => a.at - b.at || (a.touchpoint.id < b.touchpoint.id ? -1 : a.touchpoint.id > b.touchpoint.id ? 1 : 0));
}

function refusalOf(config: Config, ledger: VisitorLedger, offerId: unknown): string {
  const offer = config.rewards?.offers?.find((candidate) => candidate.id === offerId);
  if (!offer) return `no offer "${String(offerId)}"`;
  return `"${offer.id}" costs ${offer.cost} points, the server balance is ${ledger.state.points}`;
}

/**
 * Applies one visitor's new inputs to their ledger in place, with the browser's own
 * `stepLedger`, and returns the entries to store. `$points` and `$tier` a client sends are
 * never inputs (stepLedger ignores them); a `$redeem` the balance does not cover is refused.
 */
export function applyInputs(config: Config, ledger: VisitorLedger, inputs: LedgerInput[], maxSkewMs: number): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (const input of ordered(inputs, maxSkewMs)) {
    const { touchpoint } = input;
    const claimedOffset = typeof touchpoint.props.tzOffset === 'number' ? tzOffsetOf(touchpoint.props) : null;
    // A visitor cannot hop time zones from one request to the next to reopen a day's cap.
    if (ledger.tzOffset === null && claimedOffset !== null && !input.trusted) ledger.tzOffset = claimedOffset;
    const props: Props = { ...touchpoint.props, tzOffset: ledger.tzOffset ?? 0 };
    const at = new Date(input.at).toISOString();
    const refusal = touchpoint.name === RESERVED.redeem ? refusalOf(config, ledger, props.offerId) : null;
    const outputs = stepLedger(config, ledger.state, { ...touchpoint, ts: at, props }, input.trusted);
    if (outputs === null) continue;
    let redeemed = false;
    for (const output of outputs) {
      if (output.name !== '$points') continue;
      const { source, rule, delta, balance, lifetime, offerId } = output.props;
      redeemed ||= rule === RESERVED.redeem;
      entries.push({ source, rule, delta, balance, lifetime, offerId: offerId ?? null, refused: null, at });
    }
    if (touchpoint.name === RESERVED.redeem && !redeemed) {
      const { points, lifetime } = ledger.state;
      const offerId = typeof props.offerId === 'string' ? props.offerId : null;
      entries.push({ source: touchpoint.id, rule: RESERVED.redeem, delta: 0, balance: points, lifetime, offerId, refused: refusal ?? 'refused', at });
    }
  }
  return entries;
}

export const profileOf = (ledger: VisitorLedger) => ({ points: ledger.state.points, tier: ledger.state.tier, lifetime: ledger.state.lifetime });
