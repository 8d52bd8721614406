import { boundedTime } from '../clock.js';
import type { LedgerState } from './ledger-state.js';

/**
 * A ledger saved by a page whose clock ran ahead holds journey times in the future: a
 * challenge window that never closes, points that never expire for inactivity. Loaded, such
 * times become now, as the ledger's other times do (issue 18.1).
 */
export function boundJourneyTimes(state: LedgerState, now = Date.now()): LedgerState {
  if (state.active !== undefined) state.active = boundedTime(state.active, undefined, now);
  for (const id in state.challenges ?? {}) {
    const challenge = state.challenges![id]!;
    if (challenge.start !== null) challenge.start = boundedTime(challenge.start, undefined, now);
  }
  return state;
}
