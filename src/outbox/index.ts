import { createPageExit } from '../lifecycle/page-exit.js';
import { flushLock, outboxDatabase } from '../storage/names.js';
import { segmentFormat, waymarkFormat } from '../transport/formats.js';
import { encodeBatch } from './batch-send.js';
import { createDropNotes } from './drop-notes.js';
import { createFallbackStore } from './fallback.js';
import { flush } from './flush-loop.js';
import { createHideSender } from './hide.js';
import { createInFlight } from './in-flight.js';
import { saneDelivery, type Outbox, type OutboxOptions } from './options.js';
import { outboxApi } from './outbox-api.js';
import { delivered } from './record-book.js';
import { sendable } from './retry-schedule.js';
import { createFlusherRole } from './role.js';
import { createSharedRetry } from './shared-retry.js';
import { createSpill } from './spill.js';
import { report, type OutboxState } from './state.js';
import { indexedDbStore, recordKeys } from './store.js';
import { persist } from './writer.js';

export { DEFAULT_DELIVERY } from './options.js';
export type { Outbox, OutboxOptions } from './options.js';

/**
 * The outbox: every touchpoint is written to IndexedDB (coalesced, one transaction per tick)
 * before any send, then delivered in batches by one flusher per origin, deleted only when the
 * endpoint answers 2xx. See docs/delivery.md. Its jobs share one state record: the writer
 * (writer.ts), the record book (record-book.ts), the retry schedule, the batch sender, the
 * drain, the flush loop and, when the page hides, the last send (hide.ts).
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const { namespace } = options;
  const delivery = saneDelivery(options.delivery);
  const spill = createSpill(namespace);
  const inFlight = createInFlight();
  const pageExit = options.pageExit ?? createPageExit((error) => report(o, 'internal', String(error), error));
  const o: OutboxState = {
    outboxOptions: options,
    delivery,
    wire: options.format === 'segment' ? segmentFormat : waymarkFormat,
    sdk: `waymark@${options.sdkVersion}`,
    storage: createFallbackStore({
      open: () => indexedDbStore(outboxDatabase(namespace), () => report(o, 'storage_failed', 'another tab deleted or upgraded the outbox database')),
      onFailure: (error, worked) => report(o, worked ? 'storage_failed' : 'storage_unavailable', 'IndexedDB failed, keeping records in memory', error),
      onRecovered: () => options.debug?.('IndexedDB works again'),
    }),
    spill,
    inFlight,
    drops: createDropNotes(namespace),
    sharedRetry: createSharedRetry(namespace),
    pageExit,
    role: createFlusherRole(flushLock(namespace)),
    hide: pageHideSender(() => o, { headers: options.headers, flushIntervalMs: delivery.flushIntervalMs, inFlight, pageExit, spill }),
    flushNow: () => void flush(o),
    queue: [],
    lastWrite: Promise.resolve(),
    writing: new Set(),
    stored: 0,
    totals: { sent: 0, dropped: 0, retries: 0 },
    lastError: null,
    failures: 0,
    retryAt: 0,
    sentMarks: spill.sentMarks(),
    loadedAt: Date.now(),
    releaseAt: Infinity,
  };
  // Records an earlier page sent while closing are settled by the first run; the rest is resumed.
  const spilled = spill.take().filter(([key]) => o.sentMarks.markedAt(key) === undefined);
  if (spilled.length) void persist(o, spilled);
  return outboxApi(o);
}

type HideParts = Pick<Parameters<typeof createHideSender>[0], 'headers' | 'flushIntervalMs' | 'inFlight' | 'pageExit'> & { spill: OutboxState['spill'] };

/** The last send of a hiding page, with the sent marks that keep the next page from sending its records again. */
function pageHideSender(state: () => OutboxState, { spill, ...parts }: HideParts) {
  return createHideSender({
    ...parts,
    endpoint: () => (sendable(state()) ? state().outboxOptions.endpoint() : undefined),
    encode: (records) => encodeBatch(state(), records),
    beforeSend() {
      // Batches on their way with keepalive arrive even if the page goes now: the next page must not send them again.
      for (const flight of parts.inFlight.unmarked()) spill.markSent(flight.keys);
    },
    onHanded: (touchpoints) => spill.markSent(recordKeys(touchpoints)),
    onDelivered: (touchpoints, outcome) =>
      delivered(state(), recordKeys(touchpoints), outcome).then(
        () => spill.unmarkSent(recordKeys(touchpoints)),
        () => {},
      ),
    onFailed: (touchpoints) => spill.unmarkSent(recordKeys(touchpoints)),
  });
}
