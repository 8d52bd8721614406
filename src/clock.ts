/**
 * Times stored by an earlier page or another tab (a retry time, a lease expiry, a session's
 * last activity, when a prompt was shown) come from that page's clock, which may have run far
 * ahead or been set back since. None is trusted beyond how far ahead it could honestly be.
 */

/** setTimeout keeps its delay in a signed 32-bit int (HTML timers): a longer one fires at once, in a loop. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * How far ahead a stored time with no tighter bound (profile and points times) may be: tabs
 * share one clock, so anything later was written before the clock was set back.
 */
export const MAX_AHEAD_MS = 60 * 60_000;

export const timerDelay = (ms: number) => Math.min(MAX_TIMER_MS, Math.max(0, ms || 0));

/**
 * A stored time at most `bound` ms from now, else now: it was written by a clock that ran
 * ahead (or this one jumped back), and waiting for it could mean waiting for a year.
 */
export const boundedTime = (at: number, bound = MAX_AHEAD_MS, now = Date.now()) => (at - now > bound ? now : at);
