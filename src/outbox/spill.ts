import { boundedTime } from '../clock.js';
import { readCookies, removeValue, writeValue } from '../storage/sync-storage.js';
import type { Entry } from './store.js';
import { sentKeyPrefix, spillKeyPrefix } from '../storage/names.js';

/** A record key's last 48 random bits in base 36: short enough for a cookie, too random to collide. */
const MARK_LENGTH = 10;
const shortMark = (key: string) => parseInt(key.slice(24, 36), 16).toString(36).padStart(MARK_LENGTH, '0');
/** Marks kept in a cookie (2.4 KB): a keepalive body rarely holds more records; extra ones may arrive twice. */
const COOKIE_MARKS = 240;
const SENT_MAX_AGE_SECONDS = 7 * 86_400;

/**
 * How long a page-hide request is given to land before its records count as sent: its answer
 * comes in well under a second, and a page that still lives by then settles it itself.
 */
export const SENT_GRACE_MS = 5_000;

/** Records in page-hide requests of any page of this origin, by store key. */
export interface SentMarks {
  /** When the record's request was marked (bounded by now), if it was. */
  markedAt(key: string): number | undefined;
  /** Removes the marks made at or before `time`. */
  remove(time: number): void;
}

/**
 * Where records still being written go when the page hides. A closing tab aborts IndexedDB
 * transactions that have not committed yet (Chromium), but a localStorage write made in
 * `pagehide` survives, so the next page load moves these entries into the outbox.
 * Keys are per page, so tabs closing together do not overwrite each other.
 */
export function createSpill(namespace: string) {
  const prefix = spillKeyPrefix(namespace);
  const page = Math.random().toString(36).slice(2);
  const key = prefix + page;
  const sentPrefix = sentKeyPrefix(namespace);
  let saved = false;
  let sent: string[] = [];
  let sentAt = 0;
  // Where localStorage is full or blocked the marks go to a cookie, else the next page sends them all again.
  const writeSent = () => {
    const shortMarks = () => `${sentAt.toString(36)}.${sent.slice(-COOKIE_MARKS).map(shortMark).join('')}`;
    if (sent.length) writeValue(sentPrefix + page, JSON.stringify([sentAt, ...sent]), shortMarks(), SENT_MAX_AGE_SECONDS);
    else removeValue(sentPrefix + page);
  };
  return {
    /**
     * Keys of records in a page-hide request. If the page is gone before the answer, the
     * request goes on without it: the next page load counts them as sent (takeSent).
     */
    markSent(keys: string[]) {
      sentAt = Date.now();
      sent.push(...keys);
      writeSent();
    },
    /** The answer came while the page still lived: it decides, the mark is not needed. */
    unmarkSent(keys: string[]) {
      const done = new Set(keys);
      sent = sent.filter((key) => !done.has(key));
      writeSent();
    },
    sentMarks: (now = Date.now()) => readSentMarks(sentPrefix, sentPrefix + page, now),
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

/**
 * The marks of every page, read before each flush run, so that no tab sends a record a
 * closing tab's request carries while it may still land. A time from a clock that ran ahead
 * counts as now. `own` is this page's mark, never removed by it.
 */
function readSentMarks(sentPrefix: string, own: string, now: number): SentMarks {
  const times = new Map<string, number>();
  const pages: Array<[name: string, at: number]> = [];
  const add = (name: string, at: number, marks: string[]) => {
    const markedAt = boundedTime(at || 0, SENT_GRACE_MS, now);
    if (name !== own) pages.push([name, markedAt]);
    for (const mark of marks) times.set(mark, markedAt);
  };
  eachStored(sentPrefix, (name, [at, ...keys]) => add(name, Number(at), keys.map(String)));
  for (const [name, value] of readCookies(sentPrefix)) {
    const [at = '', marks = ''] = value.split('.');
    add(name, parseInt(at, 36), marks.match(/[0-9a-z]{10}/g) ?? []);
  }
  return {
    // Most pages have no mark: a trim of 50,000 keys must not compute a short mark for each.
    markedAt: (key) => (times.size ? (times.get(key) ?? times.get(shortMark(key))) : undefined),
    remove: (time) => pages.forEach(([name, at]) => at <= time && removeValue(name)),
  };
}

/** Every JSON array stored in localStorage under `prefix`, with its key. */
function eachStored(prefix: string, use: (name: string, items: unknown[]) => void) {
  safely(() => {
    const names = Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index) ?? '');
    for (const name of names.filter((name) => name.startsWith(prefix))) {
      safely(() => {
        const items: unknown = JSON.parse(localStorage.getItem(name) ?? '[]');
        if (Array.isArray(items)) use(name, items);
      });
    }
  });
}

/** Every item of every JSON array stored under `prefix`, removing those keys. */
function takeAll<T>(prefix: string, accept: (item: unknown) => T[]): T[] {
  const taken: T[] = [];
  eachStored(prefix, (name, items) => {
    safely(() => localStorage.removeItem(name));
    for (const item of items) taken.push(...accept(item));
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
export type Spill = ReturnType<typeof createSpill>;
