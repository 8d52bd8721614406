import { afterEach, describe, expect, it } from 'vitest';
import { addToTally, countSince, localDay, MAX_DAYS, type Tally } from '../../src/profile/tally.js';

const originalTimeZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTimeZone;
});

describe('localDay', () => {
  it('changes exactly at local midnight, across a daylight saving change', () => {
    process.env.TZ = 'America/New_York';
    // 2026-03-08: clocks go from 02:00 to 03:00, the day is 23 hours long.
    const before = new Date(2026, 2, 7, 23, 59, 59).getTime();
    const start = new Date(2026, 2, 8, 0, 0, 0).getTime();
    const end = new Date(2026, 2, 8, 23, 59, 59).getTime();
    const next = new Date(2026, 2, 9, 0, 0, 0).getTime();
    expect(localDay(start) - localDay(before)).toBe(1);
    expect(localDay(end)).toBe(localDay(start));
    expect(localDay(next) - localDay(start)).toBe(1);
  });

  it('follows the visitor’s calendar, not UTC', () => {
    process.env.TZ = 'Asia/Tokyo';
    const lateUtc = Date.UTC(2026, 0, 10, 20, 0, 0); // 05:00 on Jan 11 in Tokyo
    const earlyUtc = Date.UTC(2026, 0, 10, 1, 0, 0); // 10:00 on Jan 10 in Tokyo
    expect(localDay(lateUtc) - localDay(earlyUtc)).toBe(1);
  });
});

describe('tally', () => {
  const at = (day: number) => day * 86_400_000 + 43_200_000 + new Date(day * 86_400_000).getTimezoneOffset() * 60_000;

  it('counts per day, in any arrival order', () => {
    let tally: Tally | undefined;
    for (const day of [20_000, 20_002, 20_001, 20_002, 19_990]) tally = addToTally(tally, at(day));
    expect(tally!.count).toBe(5);
    expect(tally!.days).toEqual([19_990, 1, 20_000, 1, 20_001, 1, 20_002, 2]);
    expect(tally!.first).toBe(at(19_990));
    expect(tally!.last).toBe(at(20_002));
    expect(countSince(tally!, 20_001)).toBe(3);
    expect(countSince(tally!, 20_003)).toBe(0);
  });

  it('keeps only the last MAX_DAYS days, while the lifetime count goes on', () => {
    let tally: Tally | undefined;
    for (let day = 0; day < 400; day++) tally = addToTally(tally, at(20_000 + day));
    expect(tally!.count).toBe(400);
    expect(tally!.days.length).toBe(2 * MAX_DAYS);
    expect(tally!.days[0]).toBe(20_399 - MAX_DAYS + 1);
    expect(countSince(tally!, 20_399 - 89)).toBe(90);
    // A late arrival older than the kept window changes only the lifetime count.
    addToTally(tally, at(20_000));
    expect(tally!.days.length).toBe(2 * MAX_DAYS);
    expect(tally!.count).toBe(401);
  });
});
