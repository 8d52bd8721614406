import type { Config, Expiry } from '../config/schema.js';
import { DAY_MS } from './earning-rules.js';
import { JOURNEY } from './journey-names.js';
import type { LedgerState } from './ledger-state.js';
import type { StepContext } from './step-context.js';

const utcDay = (at: number) => Math.floor(at / DAY_MS);
const batchDeadline = (expiry: Expiry, day: number) => (day + 1 + expiry.afterDays) * DAY_MS;
const inactivityDeadline = (expiry: Expiry, active: number) => active + expiry.afterDays * DAY_MS;

/** Removes, as `$points` with rule `$expired`, whatever expired by this input's time. */
export function expirePoints(context: StepContext): void {
  const { config, state, at } = context;
  const expiry = config.rewards?.expiry;
  if (!expiry) return;
  if (expiry.from === 'earned') {
    state.batches ??= [];
    const batches = state.batches;
    let expired = 0;
    while (batches.length && batchDeadline(expiry, batches[0]![0]) <= at) expired += batches.shift()![1];
    expired = Math.min(expired, state.points);
    if (expired > 0) context.change(-expired, JOURNEY.expired);
  } else if (state.active !== undefined && state.points > 0 && inactivityDeadline(expiry, state.active) <= at) {
    context.change(-state.points, JOURNEY.expired);
  }
}

/** Keeps the batches and the last activity in step with a balance change. */
export function notePointsChange(config: Config, state: LedgerState, delta: number, rule: string, at: number): void {
  const expiry = config.rewards?.expiry;
  if (!expiry || rule === JOURNEY.expired) return;
  // Earning and redeeming are activity; an expiry is not.
  state.active = at;
  if (expiry.from !== 'earned') return;
  state.batches ??= [];
  const batches = state.batches;
  if (delta > 0) {
    const last = batches[batches.length - 1];
    if (last && last[0] === utcDay(at)) last[1] += delta;
    else batches.push([utcDay(at), delta]);
    return;
  }
  // Spending uses the oldest points first: those closest to expiring.
  let owed = -delta;
  while (owed > 0 && batches.length) {
    const oldest = batches[0]!;
    const used = Math.min(oldest[1], owed);
    oldest[1] -= used;
    owed -= used;
    if (oldest[1] === 0) batches.shift();
  }
}

/** Points that expire within `soonDays` of `now` (14 unless set), and when the first of them go. */
export function expiringSoon(config: Config, state: LedgerState, now: number): { points: number; at: number | null } {
  const expiry = config.rewards?.expiry;
  if (!expiry || state.points <= 0) return { points: 0, at: null };
  const horizon = now + (expiry.soonDays ?? 14) * DAY_MS;
  if (expiry.from !== 'earned') {
    const at = state.active === undefined ? null : inactivityDeadline(expiry, state.active);
    return at !== null && at <= horizon ? { points: state.points, at } : { points: 0, at: null };
  }
  let points = 0;
  let first: number | null = null;
  for (const [day, remaining] of state.batches ?? []) {
    const at = batchDeadline(expiry, day);
    if (at > horizon) break;
    points += remaining;
    first ??= at;
  }
  return { points: Math.min(points, state.points), at: first };
}
