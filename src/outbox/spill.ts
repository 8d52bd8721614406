import { removeValue, takeCookies, writeValue } from '../sync-storage.js';
import type { Entry } from './store.js';

/** A record key's last 48 random bits in base 36: short enough for a cookie, too random to collide. */
const MARK_LENGTH = 10;
const shortMark = (key: string) => parseInt(key.slice(24, 36), 16).toString(36).padStart(MARK_LENGTH, '0');
/** Marks kept in a cookie (2.4 KB): a keepalive body rarely holds more records; extra ones may arrive twice. */
const COOKIE_MARKS = 240;
const SENT_MAX_AGE_SECONDS = 7 * 86_400;

/** Records sent by earlier pages as they closed, by store key. */
export interface SentByEarlierPages {
  size: number;
  has(key: string): boolean;
}

/**
 * Where records still being written go when the page hides. A closing tab aborts IndexedDB
 * transactions that have not committed yet (Chromium), but a localStorage write made in
 * `pagehide` survives, so the next page load moves these entries into the outbox.
 * Keys are per page, so tabs closing together do not overwrite each other.
 */
export function createSpill(namespace: string) {
  const prefix = `waymark:${namespace}:spill:`;
  const page = Math.random().toString(36).slice(2);
  const key = prefix + page;
  const sentPrefix = `waymark:${namespace}:sent:`;
  let saved = false;
  let sent: string[] = [];
  // Where localStorage is full or blocked the marks go to a cookie, else the next page sends them all again.
  const writeSent = () => {
    const shortMarks = () => sent.slice(-COOKIE_MARKS).map(shortMark).join('');
    if (sent.length) writeValue(sentPrefix + page, JSON.stringify(sent), shortMarks(), SENT_MAX_AGE_SECONDS);
    else removeValue(sentPrefix + page);
  };
  return {
    /**
     * Keys of records in a page-hide request. If the page is gone before the answer, the
     * request goes on without it: the next page load counts them as sent (takeSent).
     */
    markSent(keys: string[]) {
      sent.push(...keys);
      writeSent();
    },
    /** The answer came while the page still lived: it decides, the mark is not needed. */
    unmarkSent(keys: string[]) {
      const done = new Set(keys);
      sent = sent.filter((key) => !done.has(key));
      writeSent();
    },
    /** Keys earlier pages sent while hiding, removed from storage as they are taken. */
    takeSent(): SentByEarlierPages {
      const keys = new Set(takeAll(sentPrefix, (value) => (typeof value === 'string' ? [value] : [])));
      const marks = new Set(takeCookies(sentPrefix).flatMap((value) => value.match(/[0-9a-z]{10}/g) ?? []));
      return { size: keys.size + marks.size, has: (key) => keys.has(key) || marks.has(shortMark(key)) };
    },
    /** Resolves whether the entries are kept (none to keep counts as kept). */
    save(entries: Entry[]): boolean {
      try {
        if (entries.length) localStorage.setItem(key, JSON.stringify(entries)), (saved = true);
        return true;
      } catch {
        // Full or blocked: the IndexedDB write may still commit.
        return false;
      }
    },
    /** The writes committed after all: the spilled copy is not needed. */
    clear() {
      if (saved) (saved = false), safely(() => localStorage.removeItem(key));
    },
    /** Entries spilled by earlier pages, removed from localStorage as they are taken. */
    take: (): Entry[] => takeAll(prefix, (entry) => (Array.isArray(entry) && typeof entry[0] === 'string' ? [entry as Entry] : [])),
  };
}

/** Every item of every JSON array stored under `prefix`, removing those keys. */
function takeAll<T>(prefix: string, accept: (item: unknown) => T[]): T[] {
  const taken: T[] = [];
  safely(() => {
    const names = Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index) ?? '');
    for (const name of names.filter((name) => name.startsWith(prefix))) {
      const items: unknown = JSON.parse(localStorage.getItem(name) ?? '[]');
      localStorage.removeItem(name);
      if (Array.isArray(items)) for (const item of items) taken.push(...accept(item));
    }
  });
  return taken;
}

function safely(action: () => void) {
  try {
    action();
  } catch {
    // localStorage blocked, or a spilled value that does not parse: nothing to recover.
  }
}
