/** How many times something happened: lifetime, first/last time, and per local calendar day. */
export interface Tally {
  count: number;
  /** Epoch ms. */
  first: number;
  last: number;
  /** `[day, count, day, count, …]`, days ascending, only the last MAX_DAYS days kept. */
  days: number[];
}

/** `withinDays` is at most 90 in the config grammar. */
export const MAX_DAYS = 90;

/**
 * Days since the epoch on the visitor's local calendar: `withinDays` counts calendar days,
 * so "within 1 day" means "today", whatever the hour.
 */
export const localDay = (ms: number): number => Math.floor((ms - new Date(ms).getTimezoneOffset() * 60_000) / 86_400_000);

/** `day` is `localDay(ms)`, passed in because one touchpoint may feed many tallies. */
export function addToTally(tally: Tally | undefined, ms: number, day = localDay(ms)): Tally {
  if (!tally) return { count: 1, first: ms, last: ms, days: [day, 1] };
  tally.count++;
  tally.first = Math.min(tally.first, ms);
  tally.last = Math.max(tally.last, ms);
  const days = tally.days;
  // Touchpoints arrive almost in order: search from the newest day.
  let at = days.length - 2;
  while (at >= 0 && days[at]! > day) at -= 2;
  if (at >= 0 && days[at] === day) days[at + 1]!++;
  else days.splice(at + 2, 0, day, 1);
  let stale = 0;
  while (stale < days.length && days[stale]! <= days[days.length - 2]! - MAX_DAYS) stale += 2;
  if (stale) days.splice(0, stale);
  return tally;
}

/** Occurrences on `fromDay` or later. */
export function countSince(tally: Tally, fromDay: number): number {
  let total = 0;
  const days = tally.days;
  for (let at = days.length - 2; at >= 0 && days[at]! >= fromDay; at -= 2) total += days[at + 1]!;
  return total;
}
