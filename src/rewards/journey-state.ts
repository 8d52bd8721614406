/** The journey rewards' part of the ledger state, and the props of what they record. */

/** One visitor's way through one challenge; `start` is when its window opened (null: not started). */
export interface ChallengeState {
  start: number | null;
  counts: number[];
  /** Completions so far; a challenge that is not repeatable stops at 1. */
  done: number;
}

export type ChallengeProgressProps = {
  challenge: string;
  step: number | null;
  count: number;
  progress: number;
  expired: boolean;
  source: string;
};
export type ChallengeCompletedProps = { challenge: string; points: number; completions: number; source: string };

/** One streak of one visitor: `last` is the day or week number of its latest qualifying event. */
export interface StreakState {
  last: number;
  length: number;
  best: number;
  /** Milestone lengths already paid (in this run only, with `repeatMilestones`). */
  paid: number[];
}

export type StreakProps = { streak: string; length: number; best: number; broken: boolean; source: string };

/**
 * Points earned on one UTC day: `[day, points left]`, oldest first. A day's points share one
 * deadline, so the list stays as short as the expiry period however often points are earned.
 */
export type EarnedBatch = [day: number, remaining: number];
