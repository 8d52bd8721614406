import { describe, expect, it } from 'vitest';
import type { Streak } from '../../src/config/schema.js';
import { createLedger } from '../../src/rewards/live-ledger.js';
import { journeyConfig, on } from './journey-fixtures.js';

const daily: Streak = {
  id: 'daily',
  on: 'lesson',
  period: 'day',
  milestones: [
    { length: 3, points: 20 },
    { length: 5, points: 50 },
  ],
};
const streakOf = (outputs: Array<{ name: string; props: object }>) => outputs.find((output) => output.name === '$streak')?.props;

describe('streaks', () => {
  it('count consecutive local days once each and pay each milestone once', () => {
    const ledger = createLedger(journeyConfig({ challenges: [], streaks: [daily] }));
    const lengths = [0, 0.5, 1, 2, 3, 4].map((day) => (streakOf(ledger.apply(on('lesson', day))) as { length: number } | undefined)?.length);
    expect(lengths).toEqual([1, undefined, 2, 3, 4, 5]);
    expect(ledger.points).toBe(70);
  });

  it('break after a missed day, start again at 1, and pay milestones only once per visitor', () => {
    const ledger = createLedger(journeyConfig({ challenges: [], streaks: [daily] }));
    for (const day of [0, 1, 2]) ledger.apply(on('lesson', day));
    expect(streakOf(ledger.apply(on('lesson', 4)))).toMatchObject({ length: 1, best: 3, broken: true });
    for (const day of [5, 6]) ledger.apply(on('lesson', day));
    expect(ledger.points).toBe(20);
  });

  it('allowMissed lets days pass; repeatMilestones pays again in a new streak', () => {
    const lenient: Streak = { ...daily, allowMissed: 1, repeatMilestones: true };
    const ledger = createLedger(journeyConfig({ challenges: [], streaks: [lenient] }));
    for (const day of [0, 2, 4]) ledger.apply(on('lesson', day));
    expect(ledger.points).toBe(20);
    for (const day of [7, 8, 9]) ledger.apply(on('lesson', day));
    expect(ledger.points).toBe(40);
  });

  it('breakOn ends a streak at once', () => {
    const ledger = createLedger(journeyConfig({ challenges: [], streaks: [{ ...daily, breakOn: 'refund' }] }));
    for (const day of [0, 1]) ledger.apply(on('lesson', day));
    expect(streakOf(ledger.apply(on('refund', 1.5)))).toMatchObject({ length: 0, broken: true });
    expect(streakOf(ledger.apply(on('lesson', 2)))).toMatchObject({ length: 1 });
  });

  it('weeks start on Monday in the visitor’s time zone', () => {
    const weekly: Streak = { id: 'weekly', on: 'purchase', period: 'week', milestones: [{ length: 2, points: 30 }] };
    const ledger = createLedger(journeyConfig({ challenges: [], streaks: [weekly] }));
    // Sunday 23:00 in UTC+2 is Monday 01:00 local: the next week already.
    ledger.apply(on('purchase', 5.5, { amount: 0, tzOffset: 0 }));
    ledger.apply(on('purchase', 6 + 13 / 24, { amount: 0, tzOffset: 120 }));
    expect(ledger.points).toBe(30);
  });
});
