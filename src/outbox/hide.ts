import { isRetryable, post, type Outcome } from '../transport/send.js';
import type { Touchpoint } from '../types.js';
import type { PageExit } from '../lifecycle/page-exit.js';
import type { InFlight } from './in-flight.js';

export { KEEPALIVE_BUDGET } from './in-flight.js';
/** Records remembered for a last send when the page hides; more would not fit the budget. */
const REMEMBERED = 500;

interface HideOptions {
  /** Undefined when nothing should be sent now (no endpoint, offline, backing off). */
  endpoint(): string | undefined;
  encode(records: Touchpoint[]): string;
  headers?: Record<string, string> | undefined;
  flushIntervalMs: number;
  pageExit: PageExit;
  /** This page's requests in flight: their records are not sent twice, and they share the keepalive quota. */
  inFlight: InFlight;
  /** Marks what is on its way, just before the last request. */
  beforeSend(): void;
  /** The request is out: if the page goes before its answer, these count as sent. */
  onHanded(records: Touchpoint[]): void;
  /** Resolves once the records are deleted. */
  onDelivered(records: Touchpoint[], outcome: Outcome): Promise<unknown>;
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
  const { inFlight } = options;

  const onHide = () => {
    options.beforeSend();
    const url = options.endpoint();
    const since = Date.now() - 2 * options.flushIntervalMs;
    const candidates = recent.filter((record) => !inFlight.busy(record.id) && !gone.has(record.id) && Date.parse(record.ts) > since);
    const room = inFlight.room();
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
    const flight = inFlight.start(
      records.map((record) => record.id),
      bytes,
    );
    flight.marked = true;
    options.onHanded(records);
    void post(url, body, options.headers, true).then(async (outcome) => {
      const ok = !isRetryable(outcome.status) && outcome.status < 300;
      inFlight.answered(flight, outcome.status);
      // Busy until the records are deleted: a second hide before that must not send them again.
      await (ok ? options.onDelivered(records, outcome) : options.onFailed(records));
      inFlight.end(flight);
    });
  };
  const stop = options.pageExit.on('send', onHide);

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
    stop,
  };
}
