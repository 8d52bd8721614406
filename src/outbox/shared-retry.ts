import { retryKey } from '../storage/names.js';

/**
 * The retry schedule, shared by the tabs of an origin through localStorage: a 429 with
 * `Retry-After` quiets every tab, and a tab that takes over a failing endpoint keeps
 * backing off from where the last one stopped instead of starting again at one second.
 */
export function createSharedRetry(namespace: string) {
  const key = retryKey(namespace);
  return {
    /** [time of the next attempt, failures in a row]; [0, 0] when unknown. */
    read(): [at: number, attempt: number] {
      try {
        const value: unknown = JSON.parse(localStorage.getItem(key) ?? '0');
        return Array.isArray(value) && value.length === 2 ? (value as [number, number]) : [0, 0];
      } catch {
        return [0, 0];
      }
    },
    write(at: number, attempt: number) {
      try {
        localStorage.setItem(key, JSON.stringify([at, attempt]));
      } catch {
        // Blocked storage: each tab backs off on its own.
      }
    },
  };
}
