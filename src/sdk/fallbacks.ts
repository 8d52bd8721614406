import type { DeliveryStats, FlushResult } from '../outbox/public-types.js';
import type { Explanation } from '../prompts/explanation.js';

/** What flush() and stats() answer before there is an outbox (no consent yet), or when they fail. */
export const NO_FLUSH: FlushResult = { sent: 0, retried: 0, dropped: 0, pending: 0 };
export const NO_STATS: DeliveryStats = { pending: 0, sent: 0, dropped: 0, retries: 0, storage: 'memory', lastError: null, nextAttemptAt: null };

/** What explain() answers before the prompt controller is there (no config, or not loaded yet). */
export const notLoaded = (promptId: unknown): Explanation => ({
  promptId: String(promptId),
  eligible: false,
  gates: [{ gate: 'config', pass: false, reason: 'config: not loaded yet' }],
});
