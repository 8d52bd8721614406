import type { ChallengeCompletedProps, ChallengeProgressProps, ChallengeState, EarnedBatch, StreakProps, StreakState } from './journey-state.js';
import type { JOURNEY } from './journey-names.js';

/** Everything the ledger knows; plain JSON, so it persists and travels as is. */
export interface LedgerState {
  v: 1;
  /** Spendable balance, never below 0. */
  points: number;
  /** Points ever earned; redemptions do not lower it. Tiers follow it. */
  lifetime: number;
  tier: string | null;
  /** Per rule: awards ever (`n`) and per local day number, for the caps. */
  awards: Record<string, { n: number; days: Record<string, number> }>;
  /** Applied input ids → their time (epoch ms). */
  seen: Record<string, number>;
  /** Time of the newest applied input (epoch ms). */
  latest: number;
  /** The journey rewards' state, present once a config uses them (older states lack it). */
  challenges?: Record<string, ChallengeState>;
  streaks?: Record<string, StreakState>;
  /** The stage of the latest `$stage`, for challenges that only some stages may start. */
  stage?: string | null;
  /** With `expiry`: when points were last earned or redeemed, and the earned batches. */
  active?: number;
  batches?: EarnedBatch[];
  /** The browser's own referral code, and the code it arrived with; the collector keeps these apart. */
  referralCode?: string;
  referredBy?: string;
}

export type PointsProps = { delta: number; rule: string; balance: number; lifetime: number; source: string; offerId?: string };
export type TierProps = { from: string | null; to: string | null; source: string };
/** Touchpoints the ledger asks its caller to record. */
export type LedgerOutput =
  | { name: '$points'; props: PointsProps }
  | { name: '$tier'; props: TierProps }
  | { name: typeof JOURNEY.challengeProgress; props: ChallengeProgressProps }
  | { name: typeof JOURNEY.challengeCompleted; props: ChallengeCompletedProps }
  | { name: typeof JOURNEY.streak; props: StreakProps };
