import type { Store } from './store.js';
import { LEASE_MS } from './store.js';

export { LEASE_MS };

/**
 * The one-flusher-per-origin rule. With the Web Locks API the lock holds the role, and the
 * browser releases it when its tab dies; without it, a lease record in IndexedDB that expires
 * if its holder dies, so another tab (or the next page load) takes the dead tab's batch over.
 * A memory store is private to its page and needs no role. Resolves undefined when another tab has it.
 */
export function createFlusherRole(lockName: string) {
  const owner = Math.random().toString(36).slice(2);
  return async <T>(store: Store, task: () => Promise<T>): Promise<T | undefined> => {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!store.lease) return task();
    if (locks) return locks.request(lockName, { ifAvailable: true }, (lock) => (lock ? task() : undefined));
    if (!(await store.lease(owner, Date.now() + LEASE_MS))) return undefined;
    try {
      return await task();
    } finally {
      await store.lease(owner, 0).catch(() => {});
    }
  };
}
