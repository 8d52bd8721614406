import { boundedTime } from '../clock.js';

/**
 * The last state a page held, written to localStorage synchronously when it hides or forgets
 * the visitor. A closing tab aborts IndexedDB writes that have not committed (Chromium), so
 * without this the next page could read an older profile and overwrite the newer one.
 * Stamped with a time, so the newest of it and IndexedDB wins.
 */
export function createLastWord(key: string) {
  return {
    write(data: unknown, at = Date.now()) {
      try {
        localStorage.setItem(key, JSON.stringify({ at, data: data ?? null }));
      } catch {
        // Full or blocked: the IndexedDB write may still commit.
      }
    },
    read(): { at: number; data: unknown } | null {
      try {
        const value = JSON.parse(localStorage.getItem(key) ?? 'null');
        // A copy stamped by a clock that ran ahead would otherwise win over every later save.
        return value && typeof value.at === 'number' ? { at: boundedTime(value.at), data: value.data } : null;
      } catch {
        return null;
      }
    },
    /** IndexedDB holds something at least this recent: the copy is no longer needed. */
    settle(at: number) {
      try {
        if ((this.read()?.at ?? Infinity) <= at) localStorage.removeItem(key);
      } catch {
        // As above.
      }
    },
  };
}
