import { timerDelay } from '../clock.js';
import { memoryStore, type Entry, type Store } from './store.js';

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 60_000;

interface FallbackOptions {
  /** A new IndexedDB store (a new connection: the old one may be closed for good). */
  open(): Store;
  /** The first failure of IndexedDB; `worked`: it had worked on this page before. */
  onFailure(error: unknown, worked: boolean): void;
  onRecovered(): void;
}

/**
 * After the records memory held were written to `fresh`: records sent and removed from memory
 * during that write must not come back, and records added meanwhile go along.
 */
async function catchUp(memory: Store, fresh: Store, moved: Entry[]) {
  const left = new Map((memory.entries?.() ?? []).map((entry) => [entry[0], entry]));
  const gone = moved.filter(([key]) => !left.has(key)).map(([key]) => key);
  for (const [key] of moved) left.delete(key);
  if (gone.length) await fresh.del(gone);
  if (left.size) await fresh.put([...left.values()]);
}

/**
 * The store the outbox uses: IndexedDB, or after it fails this page's memory while IndexedDB
 * is tried again with backoff (1 s, 2 s, … up to a minute). Storage that works again ("clear
 * site data", quota freed) gets the records kept in memory, so they survive the page (issue 18.5).
 */
export function createFallbackStore(options: FallbackOptions) {
  let store = options.open();
  let worked = false;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const retryLater = () => {
    clearTimeout(retryTimer);
    if (!stopped) retryTimer = setTimeout(() => void recover(), timerDelay(Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** failures++)));
  };

  async function recover() {
    const memory = store;
    const fresh = options.open();
    const moved = memory.entries?.() ?? [];
    try {
      // A write, not a read: a full disk opens fine and fails on put.
      await fresh.put(moved);
      store = fresh;
      await catchUp(memory, fresh, moved);
      failures = 0;
      options.onRecovered();
    } catch {
      if (store === fresh) store = memory;
      retryLater();
    }
  }

  return {
    get current(): Store {
      return store;
    },
    /** Runs a store operation; when IndexedDB fails, runs it on memory and retries IndexedDB later. */
    async use<T>(operation: (store: Store) => Promise<T>): Promise<T> {
      const used = store;
      try {
        const result = await operation(used);
        if (used.kind === 'indexeddb') worked = true;
        return result;
      } catch (error) {
        if (used.kind === 'memory') throw error;
        if (store === used) {
          store = memoryStore();
          options.onFailure(error, worked);
          retryLater();
        }
        return operation(store);
      }
    },
    /** Records only this page's memory holds: they are lost if it closes now. */
    memoryEntries: (): Entry[] => store.entries?.() ?? [],
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
    },
  };
}
export type FallbackStore = ReturnType<typeof createFallbackStore>;
