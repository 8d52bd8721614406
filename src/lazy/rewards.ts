/**
 * The rewards chunk: the points ledger with its store, and the journey rewards (challenges,
 * streaks, expiry, referrals). The engine loads it only for a config with `rewards`.
 */
export { openLedger } from '../rewards/ledger-store.js';
export { createJourneyView } from '../rewards/visitor-journeys.js';
