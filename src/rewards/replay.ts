import type { Config } from '../config/schema.js';
import { emptyLedger, stepLedger, type LedgerOutput } from './ledger-step.js';
import type { Touchpoint } from '../types.js';

export interface ReplayEntry {
  /** The touchpoint that changed the balance. */
  id: string;
  delta: number;
  /** The earning rule's id, or `$redeem` (with `offerId`). */
  rule: string;
  offerId?: string;
  balance: number;
  lifetime: number;
}

export interface ReplayResult {
  points: number;
  lifetime: number;
  tier: string | null;
  entries: ReplayEntry[];
  tierChanges: Array<{ id: string; from: string | null; to: string | null }>;
  /** `$challenge_progress`, `$challenge_completed` and `$streak`, as the browser records them. */
  journey: JourneyEvent[];
}

export type JourneyEvent = Exclude<LedgerOutput, { name: '$points' | '$tier' }>;

/** Well-formed touchpoints only: the input comes off the wire and may hold anything. */
export function toTouchpoint(value: unknown): (Touchpoint & { at: number }) | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Touchpoint;
  const at = typeof record.ts === 'string' ? Date.parse(record.ts) : NaN;
  if (typeof record.id !== 'string' || typeof record.name !== 'string' || !Number.isFinite(at)) return null;
  const props = typeof record.props === 'object' && record.props !== null && !Array.isArray(record.props) ? record.props : {};
  return { ...record, props, at };
}

/** Unique by id (the first copy wins: retries resend the same record), in time order, ties by id. */
export function inOrder(touchpoints: Iterable<unknown>): Array<Touchpoint & { at: number }> {
  const unique = new Map<string, Touchpoint & { at: number }>();
  for (const value of touchpoints) {
    const touchpoint = toTouchpoint(value);
    if (touchpoint && !unique.has(touchpoint.id)) unique.set(touchpoint.id, touchpoint);
  }
  return [...unique.values()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Recomputes one visitor's ledger from their touchpoints with the very function the browser
 * runs, so a backend can verify every `$points` a client reports, or replace it. Pass a
 * config that `validateConfig()` accepted; `$points` and `$tier` in the input are ignored.
 */
export function replay(config: Config, touchpoints: Iterable<unknown>): ReplayResult {
  const state = emptyLedger(config);
  const result: ReplayResult = { points: 0, lifetime: 0, tier: state.tier, entries: [], tierChanges: [], journey: [] };
  for (const touchpoint of inOrder(touchpoints)) {
    for (const output of stepLedger(config, state, touchpoint) ?? []) {
      if (output.name === '$points') {
        const { source, ...entry } = output.props;
        result.entries.push({ id: source, ...entry });
      } else if (output.name === '$tier') {
        result.tierChanges.push({ id: output.props.source, from: output.props.from, to: output.props.to });
      } else result.journey.push(output);
    }
  }
  return { ...result, points: state.points, lifetime: state.lifetime, tier: state.tier };
}
