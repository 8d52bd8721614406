import { droppedKey } from '../storage/names.js';

/**
 * Records dropped and not reported yet, counted in localStorage as they go: a page that closes
 * between dropping thousands of records and reporting them, or that loses records kept only in
 * its memory, leaves the count for the next page to report (issue 18.4, 18.5).
 */
export type DropNotes = ReturnType<typeof createDropNotes>;

export function createDropNotes(namespace: string) {
  const key = droppedKey(namespace);
  const read = () => {
    try {
      return Math.max(0, Number(localStorage.getItem(key)) || 0);
    } catch {
      return 0;
    }
  };
  const write = (count: number) => {
    try {
      if (count > 0) localStorage.setItem(key, String(count));
      else localStorage.removeItem(key);
    } catch {
      // Blocked storage: only this page's own report is left.
    }
  };
  return {
    add: (count: number) => write(read() + count),
    /** This page reports `count` itself. */
    settle: (count: number) => write(read() - count),
    /** Counts left by earlier pages, to report now; taken only by the flusher, which alone drops stored records. */
    take(): number {
      const count = read();
      write(0);
      return count;
    },
  };
}

/** Deletes per transaction: 40,000 deletes in one froze the page for a second. */
const DELETE_CHUNK = 500;

/** Deletes `keys` chunk by chunk, each its own task, noting each chunk until the caller reports them all. */
export async function removeNoted(keys: string[], remove: (chunk: string[]) => Promise<unknown>, notes?: DropNotes) {
  for (let from = 0; from < keys.length; from += DELETE_CHUNK) {
    const chunk = keys.slice(from, from + DELETE_CHUNK);
    await remove(chunk);
    notes?.add(chunk.length);
  }
  notes?.settle(keys.length);
}
