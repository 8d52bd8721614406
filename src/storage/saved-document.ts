import { delMany, getMany, setMany, type UseStore } from 'idb-keyval';
import { createYieldingStore } from './indexed-db.js';
import { createLastWord } from './last-word.js';

/** When the document was saved, beside it: the newest of it and the synchronous copy wins. */
const SAVED_AT = 'savedAt';

export interface SavedDocument {
  /** What IndexedDB holds: the document and when it was saved. Rejects when IndexedDB fails. */
  readStored(): Promise<[data: unknown, savedAt: unknown]>;
  /** The copy a page left that closed before its write committed, if newer than what IndexedDB held. */
  newerCopy(savedAt: unknown): { data: unknown } | null;
  /** Saves the document; a copy as old as it is then no longer needed. Rejects when IndexedDB fails. */
  write(data: unknown, at: number): Promise<void>;
  /** Leaves a synchronous copy now: a page about to close, or a change that must survive it. */
  copy(data: unknown, at?: number): void;
  /** Deletes the document (after a `copy(null)`, so a navigation right after does not bring it back). */
  remove(at: number): Promise<void>;
}

/**
 * One JSON document of the visitor's (the profile, the points ledger) in its own IndexedDB
 * database, with a synchronous copy in localStorage for a page that closes before its
 * IndexedDB write commits (storage/last-word.ts). The database opens on first use. What a
 * failing IndexedDB means (memory for the page, an error reported) is left to the owner.
 */
export function createSavedDocument(database: string, storeName: string, key: string, copyKey: string): SavedDocument {
  let store: UseStore | undefined;
  // Inside the async functions: idb-keyval throws synchronously without `indexedDB`, a rejection here.
  const use = () => (store ??= createYieldingStore(database, storeName));
  const lastWord = createLastWord(copyKey);
  return {
    readStored: async () => (await getMany([key, SAVED_AT], use())) as [unknown, unknown],
    newerCopy(savedAt) {
      const copy = lastWord.read();
      return copy && copy.at >= (typeof savedAt === 'number' ? savedAt : 0) ? { data: copy.data } : null;
    },
    async write(data, at) {
      await setMany(
        [
          [key, data],
          [SAVED_AT, at],
        ],
        use(),
      );
      lastWord.settle(at);
    },
    copy: (data, at) => lastWord.write(data, at),
    async remove(at) {
      await delMany([key, SAVED_AT], use());
      lastWord.settle(at);
    },
  };
}
