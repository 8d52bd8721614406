import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { WaymarkError } from '../errors.js';

const KEY = 'profile';
/** Profiles change on every touchpoint; one write a second is plenty. */
const WRITE_INTERVAL_MS = 1_000;

export interface ProfileStore {
  load(): Promise<unknown>;
  /** Coalesced: at most about one write a second, plus one on pagehide. */
  save(data: unknown): void;
  /** Writes a pending save now. */
  flush(): Promise<void>;
  clear(): Promise<void>;
  /** Flushes and stops listening for pagehide. */
  close(): Promise<void>;
}

/**
 * Persists the profile in IndexedDB (`waymark-<namespace>-profile`). Where IndexedDB is
 * missing or failing (some private modes, blocked storage) it keeps the profile in memory
 * and reports `storage_unavailable` once. Never rejects.
 */
export function createProfileStore(namespace: string, onError: (error: WaymarkError) => void): ProfileStore {
  let database: UseStore | undefined;
  let failed = false;
  let memory: unknown;
  let pending: { data: unknown } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWriteAt = 0;
  let listening = false;

  const fail = (error: unknown) => {
    if (!failed) onError(new WaymarkError('storage_unavailable', 'IndexedDB is unavailable; the profile lasts for this page only', error));
    failed = true;
  };
  // idb-keyval opens the database on first use and throws synchronously without `indexedDB`.
  const attempt = async <T>(run: (store: UseStore) => Promise<T>): Promise<T | undefined> => {
    if (failed) return undefined;
    try {
      return await run((database ??= createStore(`waymark-${namespace}-profile`, 'profile')));
    } catch (error) {
      fail(error);
      return undefined;
    }
  };

  const write = async () => {
    clearTimeout(timer);
    timer = undefined;
    if (!pending) return;
    const { data } = pending;
    pending = null;
    lastWriteAt = Date.now();
    await attempt((store) => set(KEY, data, store));
  };
  const onPageHide = () => void write();
  const listen = (on: boolean) => {
    if (on === listening || typeof removeEventListener !== 'function') return;
    listening = on;
    (on ? addEventListener : removeEventListener)('pagehide', onPageHide);
  };

  return {
    async load() {
      const stored = await attempt((store) => get(KEY, store));
      return failed ? memory : stored;
    },
    save(data) {
      memory = data;
      pending = { data };
      listen(true);
      timer ??= setTimeout(() => void write(), Math.max(0, lastWriteAt + WRITE_INTERVAL_MS - Date.now()));
    },
    flush: write,
    async clear() {
      clearTimeout(timer);
      timer = undefined;
      pending = null;
      memory = undefined;
      await attempt((store) => del(KEY, store));
    },
    async close() {
      listen(false);
      await write();
    },
  };
}
