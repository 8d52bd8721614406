import { boundedTime } from '../clock.js';
import type { LedgerState } from '../rewards/ledger-step.js';
import type { ProfileData } from './data.js';
import { localDay, type Tally } from './tally.js';

/**
 * A profile or ledger saved by a page whose clock ran ahead holds times in the future: a
 * prompt "shown" a year from now keeps its 90-day cooldown for 455 days, and points inputs
 * look older than the ledger's horizon. Loaded, such times become now (issue 18.1).
 */
export function boundProfileTimes(data: ProfileData, now = Date.now()): ProfileData {
  data.sessionStart = boundedTime(data.sessionStart, undefined, now);
  data.pageViewAt = boundedTime(data.pageViewAt, undefined, now);
  data.lastPromptShownAt = boundedTime(data.lastPromptShownAt, undefined, now);
  for (const history of Object.values(data.prompts)) {
    for (const key of ['lastShownAt', 'lastAnsweredAt', 'lastDismissedAt'] as const) {
      const at = history[key];
      if (at !== null) history[key] = boundedTime(at, undefined, now);
    }
  }
  for (const tally of [...Object.values(data.events), ...Object.values(data.filtered)]) boundTally(tally, now);
  return data;
}

/** Days after tomorrow (time zones span a day) would push every real day out of the kept window. */
function boundTally(tally: Tally, now: number) {
  tally.first = boundedTime(tally.first, undefined, now);
  tally.last = boundedTime(tally.last, undefined, now);
  const lastDay = localDay(now) + 1;
  let kept = tally.days.length;
  while (kept >= 2 && tally.days[kept - 2]! > lastDay) kept -= 2;
  tally.days.length = kept;
}

export function boundLedgerTimes(state: LedgerState, now = Date.now()): LedgerState {
  state.latest = boundedTime(state.latest, undefined, now);
  for (const id in state.seen) state.seen[id] = boundedTime(state.seen[id]!, undefined, now);
  return state;
}
