import { promisifyRequest } from 'idb-keyval';
import { uuidv7Time } from '../track/uuid.js';
import type { Touchpoint } from '../types.js';
import { boundedTime } from '../clock.js';
import { createYieldingStore } from '../storage/indexed-db.js';
import { OUTBOX_STORE } from '../storage/names.js';

/** How long a lease holds the sending role: longer than a whole flush run can take (runs stop starting batches well before this). */
export const LEASE_MS = 30_000;

/**
 * A stored record: key `"<uuidv7 id> <JSON length>"`, value the touchpoint's JSON text.
 * Ids sort by time, so keys read back in order; the length in the key lets the byte cap and
 * the age limit be checked from keys alone, without loading the records.
 */
export type Entry = [key: string, value: unknown];

export const recordKey = (id: string, json: string) => `${id} ${json.length}`;
export const recordKeys = (touchpoints: Touchpoint[]) => touchpoints.map((touchpoint) => recordKey(touchpoint.id, JSON.stringify(touchpoint)));
export const keyBytes = (key: string) => Number(key.slice(37)) || 0;
export const keyTime = (key: string) => uuidv7Time(key) || 0;

export interface Store {
  kind: 'indexeddb' | 'memory';
  put(entries: Entry[]): Promise<unknown>;
  /** Up to `limit` entries with keys after `after`, oldest first. */
  read(after: string, limit: number): Promise<Entry[]>;
  keys(): Promise<string[]>;
  count(): Promise<number>;
  del(keys: string[]): Promise<unknown>;
  clear(): Promise<unknown>;
  /**
   * Takes or renews the flusher lease for `owner` until `until` (0 releases it), if it is free,
   * expired or already ours; resolves whether it is ours. IndexedDB only: memory is per tab.
   */
  lease?(owner: string, until: number): Promise<boolean>;
  /** Memory only: every entry, synchronously, for a page that is closing. */
  entries?(): Entry[];
}

/** The lease lives in the same object store under the number 0, which sorts before every record key. */
const LEASE_KEY = 0;
const after = (key: string) => IDBKeyRange.lowerBound(key, true);

/** `onVersionChange`: another tab deleted or upgraded the database (this connection closed for it). */
export function indexedDbStore(databaseName: string, onVersionChange?: () => void): Store {
  const use = createYieldingStore(databaseName, OUTBOX_STORE, onVersionChange);
  // Commit now rather than when the event loop next turns: the page may be closing.
  const commit = (store: IDBObjectStore) => (store.transaction.commit?.(), promisifyRequest(store.transaction));
  return {
    kind: 'indexeddb',
    put: (entries) =>
      use('readwrite', (store) => {
        for (const [key, value] of entries) store.put(value, key);
        return commit(store);
      }),
    read: (from, limit) =>
      use('readonly', (store) =>
        Promise.all([promisifyRequest(store.getAllKeys(after(from), limit)), promisifyRequest(store.getAll(after(from), limit))]),
      ).then(([keys, values]) => keys.map((key, i): Entry => [String(key), values[i]])),
    keys: () => use('readonly', (store) => promisifyRequest(store.getAllKeys(after('')))).then((keys) => keys.map(String)),
    count: () => use('readonly', (store) => promisifyRequest(store.count(after('')))),
    del: (keys) =>
      use('readwrite', (store) => {
        for (const key of keys) store.delete(key);
        return commit(store);
      }),
    clear: () => use('readwrite', (store) => (store.delete(after('')), commit(store))),
    lease: (owner, until) =>
      use('readwrite', (store) => {
        let granted = false;
        const request = store.get(LEASE_KEY);
        request.onsuccess = () => {
          const lease = request.result as { owner?: unknown; until?: unknown } | undefined;
          const leaseExpiresAt = Number(lease?.until) || 0;
          // An expiry further ahead than any lease runs was set by a clock that ran ahead (issue 18.6).
          granted = !lease || lease.owner === owner || !(boundedTime(leaseExpiresAt, LEASE_MS) > Date.now());
          if (granted) void (until ? store.put({ owner, until }, LEASE_KEY) : store.delete(LEASE_KEY));
        };
        // No early commit here: the put or delete comes after the read, in the same transaction.
        return promisifyRequest(store.transaction).then(() => granted);
      }),
  };
}

/** The fallback when IndexedDB is missing or failing: this page's memory, kept in key order. */
export function memoryStore(): Store {
  let entries: Entry[] = [];
  const indexAfter = (key: string) => {
    const index = entries.findIndex(([existing]) => existing > key);
    return index < 0 ? entries.length : index;
  };
  return {
    kind: 'memory',
    // Appends are already in order (a page's ids only grow), which the sort handles in linear time.
    put: async (added) => void (entries = entries.concat(added).sort(([a], [b]) => (a < b ? -1 : 1))),
    read: async (from, limit) => {
      const start = indexAfter(from);
      return entries.slice(start, start + limit);
    },
    keys: async () => entries.map(([key]) => key),
    count: async () => entries.length,
    del: async (keys) => {
      const gone = new Set(keys);
      entries = entries.filter(([key]) => !gone.has(key));
    },
    clear: async () => void (entries = []),
    entries: () => entries,
  };
}
