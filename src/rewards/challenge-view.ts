import type { Config, Text } from '../config/schema.js';
import { challengeProgress, windowClosed } from './challenges.js';
import { DAY_MS } from './earning-rules.js';
import type { LedgerState } from './ledger-state.js';

/** One challenge as a page shows it: `wm.state.challenges` and a reward prompt with `challenge`. */
export interface ChallengeView {
  id: string;
  label?: Text;
  /** 0–1 of all step counts reached in the current attempt. */
  progress: number;
  /** Completions so far. */
  completed: number;
  /** Whether it can still be started or advanced (a challenge that is not repeatable ends at its completion). */
  open: boolean;
  /** ISO times of the current attempt's window; null when not started or without `withinDays`. */
  startedAt: string | null;
  endsAt: string | null;
  steps: Array<{ event: string; label?: Text; count: number; required: number; done: boolean }>;
}

/** Views of every challenge at `now`: an attempt whose window has closed shows as not started. */
export function challengeViews(config: Config, state: LedgerState, now: number): Record<string, ChallengeView> {
  const views: Record<string, ChallengeView> = {};
  for (const challenge of config.rewards?.challenges ?? []) {
    const stored = Object.hasOwn(state.challenges ?? {}, challenge.id) ? state.challenges![challenge.id]! : undefined;
    const live = stored?.start != null && !windowClosed(challenge, stored.start, now);
    const counts = live ? stored!.counts : [];
    const completed = stored?.done ?? 0;
    const start = live ? stored!.start! : null;
    const view: ChallengeView = {
      id: challenge.id,
      progress: challengeProgress(challenge, counts),
      completed,
      open: completed === 0 || challenge.repeatable === true,
      startedAt: start === null ? null : new Date(start).toISOString(),
      endsAt: start === null || challenge.withinDays === undefined ? null : new Date(start + challenge.withinDays * DAY_MS).toISOString(),
      steps: challenge.steps.map((step, index) => {
        const required = step.count ?? 1;
        const count = Math.min(counts[index] ?? 0, required);
        return { event: step.event, ...(step.label !== undefined && { label: step.label }), count, required, done: count >= required };
      }),
    };
    if (challenge.label !== undefined) view.label = challenge.label;
    views[challenge.id] = view;
  }
  return views;
}
