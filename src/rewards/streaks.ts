import type { Streak } from '../config/schema.js';
import { matchesWhere } from '../rules/conditions.js';
import { setOwn } from '../rules/lookup.js';
import { localWeek } from './earning-rules.js';
import { JOURNEY } from './journey-names.js';
import type { StreakState } from './journey-state.js';
import { hasOwn, type StepContext } from './step-context.js';

export const periodOf = (streak: Streak, day: number) => (streak.period === 'week' ? localWeek(day) : day);

/** A streak still stands while fewer than `allowMissed + 1` whole periods passed since its last. */
export const streakStands = (streak: Streak, state: StreakState, period: number) => state.length > 0 && period - state.last - 1 <= (streak.allowMissed ?? 0);

function stepStreak(context: StepContext, streak: Streak) {
  const { state, touchpoint, day, output } = context;
  state.streaks ??= {};
  const states = state.streaks;
  const current = hasOwn(states, streak.id) ? states[streak.id]! : setOwn(states, streak.id, { last: 0, length: 0, best: 0, paid: [] });
  const base = { streak: streak.id, source: touchpoint.id };
  if (touchpoint.name === streak.breakOn && current.length > 0) {
    current.length = 0;
    if (streak.repeatMilestones) current.paid = [];
    output.push({ name: JOURNEY.streak, props: { ...base, length: 0, best: current.best, broken: true } });
    return;
  }
  if (touchpoint.name !== streak.on || !matchesWhere(streak.where, touchpoint.props)) return;
  const period = periodOf(streak, day);
  // Once a period counts, its later events add nothing; an earlier period delivered late cannot reopen it.
  if (current.length > 0 && period <= current.last) return;
  const continues = streakStands(streak, current, period);
  const broken = !continues && current.length > 0;
  if (!continues && streak.repeatMilestones) current.paid = [];
  current.length = continues ? current.length + 1 : 1;
  current.last = period;
  current.best = Math.max(current.best, current.length);
  output.push({ name: JOURNEY.streak, props: { ...base, length: current.length, best: current.best, broken } });
  for (const milestone of streak.milestones) {
    if (milestone.length !== current.length || current.paid.includes(milestone.length)) continue;
    current.paid.push(milestone.length);
    if (milestone.points > 0) context.change(milestone.points, streak.id);
  }
}

/** Extends, starts or breaks every streak this touchpoint concerns. */
export function stepStreaks(context: StepContext): void {
  for (const streak of context.config.rewards?.streaks ?? []) stepStreak(context, streak);
}
