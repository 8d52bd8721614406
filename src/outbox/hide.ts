import { isRetryable, post, type Outcome } from '../transport/send.js';
import type { Touchpoint } from '../types.js';

/** Keepalive bodies in flight share one 64 KiB quota per page (fetch spec, "keepalive"). */
export const KEEPALIVE_BUDGET = 64 * 1024;
/** Records remembered for a last send when the page hides; more would not fit the budget. */
const REMEMBERED = 500;

interface HideOptions {
  /** Undefined when nothing should be sent now (no endpoint, offline, backing off). */
  endpoint(): string | undefined;
  encode(records: Touchpoint[]): string;
  headers?: Record<string, string> | undefined;
  flushIntervalMs: number;
  /** Persist what is still queued, before the page goes. */
  beforeSend(): void;
  /** The request is out: if the page goes before its answer, these count as sent. */
  onHanded(records: Touchpoint[]): void;
  onDelivered(records: Touchpoint[], outcome: Outcome): void;
  onFailed(records: Touchpoint[]): void;
}

/**
 * The last send of a page that is hiding or closing: on `pagehide` and `visibilitychange` →
 * hidden (never `unload`, which breaks the back/forward cache), this page's records from the
 * last two flush intervals (older ones the flusher has had time to send) go out in one
 * keepalive request within the budget. While the page lives, the answer decides (2xx deletes
 * them, a failure keeps them); if the page is gone first, the browser carries the request on
 * and the next page load deletes them instead of sending them twice.
 */
export function createHideSender(options: HideOptions) {
  // A plain array, compacted now and then: a Map costs track() ~0.6 µs a call in id hashing.
  const recent: Touchpoint[] = [];
  let gone = new Set<string>();
  const inflight = new Set<string>();
  let inflightBytes = 0;

  const onHide = (event: Event) => {
    if (event.type !== 'pagehide' && document.visibilityState !== 'hidden') return;
    options.beforeSend();
    const url = options.endpoint();
    const since = Date.now() - 2 * options.flushIntervalMs;
    const candidates = recent.filter((record) => !inflight.has(record.id) && !gone.has(record.id) && Date.parse(record.ts) > since);
    const room = KEEPALIVE_BUDGET - inflightBytes;
    let count = candidates.length;
    let body = '';
    let bytes = 0;
    while (url && count) {
      body = options.encode(candidates.slice(0, count));
      bytes = new Blob([body]).size;
      if (bytes <= room) break;
      count = Math.min(count - 1, Math.floor((count * room) / bytes));
    }
    if (!url || !count) return;
    const records = candidates.slice(0, count);
    inflightBytes += bytes;
    for (const record of records) inflight.add(record.id);
    options.onHanded(records);
    void post(url, body, options.headers, true).then((outcome) => {
      inflightBytes -= bytes;
      for (const record of records) inflight.delete(record.id);
      if (!isRetryable(outcome.status) && outcome.status < 300) options.onDelivered(records, outcome);
      else options.onFailed(records);
    });
  };
  addEventListener('pagehide', onHide);
  addEventListener('visibilitychange', onHide);

  return {
    remember(record: Touchpoint) {
      if (recent.push(record) > 2 * REMEMBERED) recent.splice(0, REMEMBERED);
    },
    /** This page no longer needs to send `id` (delivered or dropped); all of them without an id. */
    forget(id?: string) {
      if (id === undefined) recent.length = 0;
      // Forgetting old confirmations costs at most a duplicate, which the collector drops.
      else (gone.size > 4 * REMEMBERED ? (gone = new Set()) : gone).add(id);
    },
    stop() {
      removeEventListener('pagehide', onHide);
      removeEventListener('visibilitychange', onHide);
    },
  };
}
