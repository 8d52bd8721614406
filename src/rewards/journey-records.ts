// Constants only, so the config validator (for its warnings) and the rewards chunk may each carry them.

/** Touchpoints the journey rewards record: outputs of the ledger, never its inputs. */
export const JOURNEY = {
  challengeProgress: '$challenge_progress',
  challengeCompleted: '$challenge_completed',
  streak: '$streak',
  expired: '$expired',
  referralCode: '$referral_code',
  referred: '$referred',
  referral: '$referral',
} as const;

/** What the browser records for the journey rewards: events a prompt or a condition may use. */
export const JOURNEY_RECORDS: readonly string[] = [
  JOURNEY.challengeProgress,
  JOURNEY.challengeCompleted,
  JOURNEY.streak,
  JOURNEY.referralCode,
  JOURNEY.referred,
];
