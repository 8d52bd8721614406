import { stateSignal } from './state-signal.js';
import type { Waymark } from './instance.js';

/**
 * What init() returns where the SDK cannot run (server-side rendering, a browser without the
 * basics): every method exists and does nothing, so host code needs no guards of its own.
 */
export function inertInstance(reason: string): Waymark {
  const nothing = () => {};
  return {
    track: nothing,
    page: nothing,
    identify: nothing,
    show: nothing,
    explain: (promptId) => ({ promptId: typeof promptId === 'string' ? promptId : '', eligible: false, gates: [{ gate: 'environment', pass: false, reason }] }),
    redeem: nothing,
    referral: () => null,
    on: () => nothing,
    flush: () => Promise.resolve({ sent: 0, retried: 0, dropped: 0, pending: 0 }),
    stats: () => ({ pending: 0, sent: 0, dropped: 0, retries: 0, storage: 'memory', lastError: reason, nextAttemptAt: null }),
    setConsent: nothing,
    reset: nothing,
    destroy: nothing,
    ready: () => Promise.resolve(),
    state: { stage: stateSignal(null), points: stateSignal(0), tier: stateSignal(null), challenges: stateSignal({}) },
  };
}
