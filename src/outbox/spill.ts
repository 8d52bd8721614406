import type { Entry } from './store.js';

/**
 * Where records still being written go when the page hides. A closing tab aborts IndexedDB
 * transactions that have not committed yet (Chromium), but a localStorage write made in
 * `pagehide` survives, so the next page load moves these entries into the outbox.
 * Keys are per page, so tabs closing together do not overwrite each other.
 */
export function createSpill(namespace: string) {
  const prefix = `waymark:${namespace}:spill:`;
  const key = prefix + Math.random().toString(36).slice(2);
  let saved = false;
  return {
    save(entries: Entry[]) {
      try {
        if (entries.length) localStorage.setItem(key, JSON.stringify(entries)), (saved = true);
      } catch {
        // Full or blocked: the IndexedDB write may still commit.
      }
    },
    /** The writes committed after all: the spilled copy is not needed. */
    clear() {
      if (saved) (saved = false), safely(() => localStorage.removeItem(key));
    },
    /** Entries spilled by earlier pages, removed from localStorage as they are taken. */
    take(): Entry[] {
      const taken: Entry[] = [];
      safely(() => {
        const names = Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index) ?? '');
        for (const name of names.filter((name) => name.startsWith(prefix))) {
          const entries: unknown = JSON.parse(localStorage.getItem(name) ?? '[]');
          localStorage.removeItem(name);
          if (Array.isArray(entries)) taken.push(...entries.filter((entry): entry is Entry => Array.isArray(entry) && typeof entry[0] === 'string'));
        }
      });
      return taken;
    },
  };
}

function safely(action: () => void) {
  try {
    action();
  } catch {
    // localStorage blocked, or a spilled value that does not parse: nothing to recover.
  }
}
