import type { FlushResult } from '../api.js';
import { WaymarkError, type WaymarkErrorCode } from '../errors.js';
import { backoffDelay, MAX_RETRY_AFTER_MS } from '../transport/backoff.js';
import { segmentFormat, waymarkFormat, type BatchMeta } from '../transport/formats.js';
import { isRefusal, isRetryable, NETWORK_OR_CORS, post, type Outcome } from '../transport/send.js';
import type { Touchpoint } from '../types.js';
import { boundedTime, timerDelay } from '../clock.js';
import { createDropNotes, removeNoted } from './drop-notes.js';
import { createFallbackStore } from './fallback.js';
import { createPageExit } from '../lifecycle/page-exit.js';
import { createHideSender } from './hide.js';
import { createInFlight } from './in-flight.js';
import { batchLength, overLimits } from './limits.js';
import { saneDelivery, type Outbox, type OutboxOptions } from './options.js';
import { createFlusherRole } from './role.js';
import { createSharedRetry } from './shared-retry.js';
import { createSpill, SENT_GRACE_MS, type SentMarks } from './spill.js';
import { indexedDbStore, keyBytes, recordKey, recordKeys, type Entry } from './store.js';

export { DEFAULT_DELIVERY } from './options.js';
export type { Outbox, OutboxOptions } from './options.js';

/** Records per IndexedDB transaction: 10,000 tracked at once become short tasks, not one long one. */
const WRITE_CHUNK = 500;
/** Requests in flight at once while draining. */
const CONCURRENCY = 4;
/** A run stops starting batches after this, well inside the flusher lease. */
const RUN_MS = 15_000;

/** A record read back, with its store key. */
type Stored = [key: string, record: Touchpoint];
type Timer = ReturnType<typeof setTimeout> | undefined;

/**
 * The outbox: every touchpoint is written to IndexedDB (coalesced, one transaction per tick)
 * before any send, then delivered in batches by one flusher per origin, deleted only when the
 * endpoint answers 2xx. See README "Delivery guarantees".
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const { namespace } = options;
  const delivery = saneDelivery(options.delivery);
  const format = options.format === 'segment' ? segmentFormat : waymarkFormat;
  const sdk = `waymark@${options.sdkVersion}`;
  const role = createFlusherRole(`waymark-${namespace}-flush`);
  const storage = createFallbackStore({
    open: () => indexedDbStore(`waymark-${namespace}-outbox`, () => report('storage_failed', 'another tab deleted or upgraded the outbox database')),
    onFailure: (error, worked) => report(worked ? 'storage_failed' : 'storage_unavailable', 'IndexedDB failed, keeping records in memory', error),
    onRecovered: () => options.debug?.('IndexedDB works again'),
  });
  const useStore = storage.use;
  const drops = createDropNotes(namespace);
  let queue: Touchpoint[] = [];
  let lastWrite: Promise<unknown> = Promise.resolve();
  /** Chunks handed to IndexedDB and not committed yet: spilled to localStorage if the page hides. */
  const writing = new Set<Entry[]>();
  const spill = createSpill(namespace);
  const pageExit = options.pageExit ?? createPageExit((error) => report('internal', String(error), error));
  const inFlight = createInFlight();
  /** Records a closing page's requests carry, as of the last trim. */
  let sentMarks: SentMarks = spill.sentMarks();
  const loadedAt = Date.now();
  /** Until when a record waits: a young mark holds it, as the request may still land, or fail while its page lives. */
  const heldUntil = (key: string) => (sentMarks.markedAt(key) ?? -Infinity) + SENT_GRACE_MS;
  /** The earliest time a held record may be sent, as of the last run. */
  let releaseAt = Infinity;
  /**
   * A page loaded after a close is the next step of that visit: it counts the records of
   * marks made before it loaded as sent, once their grace is over. Tabs that were open
   * throughout send them again instead, a duplicate the collector drops rather than a loss.
   */
  const settles = (key: string) => (sentMarks.markedAt(key) ?? Infinity) <= Math.min(loadedAt, Date.now() - SENT_GRACE_MS);
  const retry = createSharedRetry(namespace);
  let writeTimer: Timer;
  let flushTimer: Timer;
  let running: Promise<FlushResult> | null = null;
  let rerun: Promise<FlushResult> | null = null;
  /** Records in the store, as of the last full read of its keys plus what this page did since. */
  let pending = 0;
  const totals = { sent: 0, dropped: 0, retries: 0 };
  let lastError: string | null = null;
  let attempt = 0;
  let nextAttemptAt = 0;
  let destroyed = false;

  const report = (code: WaymarkErrorCode, message: string, details?: unknown) => {
    lastError = message;
    options.onError(new WaymarkError(code, message, details));
  };
  const meta = (): BatchMeta => ({ writeKey: options.writeKey, sentAt: new Date().toISOString(), sdk, attempt });
  /** Adopts a later retry time that another tab was given, never one beyond the longest real wait (issue 18.1). */
  const waitFor = () => {
    const [sharedAt, sharedAttempt] = retry.read();
    const trustedAt = boundedTime(sharedAt, MAX_RETRY_AFTER_MS);
    if (trustedAt > nextAttemptAt && trustedAt > Date.now()) (nextAttemptAt = trustedAt), (attempt = sharedAttempt);
    nextAttemptAt = boundedTime(nextAttemptAt, MAX_RETRY_AFTER_MS);
    return nextAttemptAt - Date.now();
  };
  const sendable = () => Boolean(options.endpoint()) && navigator.onLine !== false && waitFor() <= 0;

  function write(all?: unknown): Promise<unknown> {
    clearTimeout(writeTimer);
    writeTimer = undefined;
    const chunk = queue.splice(0, all === true ? queue.length : WRITE_CHUNK);
    if (queue.length && !destroyed) writeTimer = setTimeout(write, 0);
    return chunk.length
      ? persist(
          chunk.map((touchpoint): Entry => {
            const json = JSON.stringify(touchpoint);
            return [recordKey(touchpoint.id, json), json];
          }),
        )
      : lastWrite;
  }

  function persist(entries: Entry[]): Promise<unknown> {
    writing.add(entries);
    return (lastWrite = useStore((current) => current.put(entries)).then(() => {
      writing.delete(entries);
      // Memory is no safer than the page: a spilled copy of it stays for the next load.
      if (!writing.size && storage.current.kind === 'indexeddb') spill.clear();
      pending += entries.length;
      if (pending >= delivery.batchSize && sendable() && !destroyed) void flush();
    }));
  }

  async function remove(keys: string[]) {
    await useStore((current) => current.del(keys));
    pending = Math.max(0, pending - keys.length);
    for (const key of keys) hide.forget(key.slice(0, 36));
  }

  async function drop(keys: string[], result: FlushResult, reason: string, code: WaymarkErrorCode = 'records_dropped') {
    // Memory is this page's own: nothing is left to report for it once the page is gone.
    await removeNoted(keys, remove, storage.current.kind === 'indexeddb' ? drops : undefined);
    countDropped(keys.length, result);
    report(code, `${keys.length} records dropped: ${reason}`, { count: keys.length, reason });
  }

  const countDropped = (count: number, result: FlushResult) => {
    result.dropped += count;
    totals.dropped += count;
  };

  /** Drops earlier pages noted and could not report: the flusher of the stored records reports them. */
  function reportEarlierDrops(result: FlushResult) {
    const count = storage.current.kind === 'indexeddb' ? drops.take() : 0;
    if (!count) return;
    countDropped(count, result);
    report('records_dropped', `${count} records dropped by an earlier page`, { count, reason: 'earlier page' });
  }

  const delivered = (keys: string[], outcome: Outcome, result?: FlushResult) => {
    if (result) result.sent += keys.length;
    totals.sent += keys.length;
    attempt = 0;
    if (outcome.body !== undefined) options.onResponse?.(outcome.body);
    return remove(keys);
  };

  function backOff(status: number, retryAfter: number | undefined) {
    if (Date.now() < nextAttemptAt) return; // another batch of this run already scheduled the retry
    const delay = Math.round(retryAfter ?? backoffDelay(attempt));
    nextAttemptAt = Date.now() + delay;
    const message = status ? `HTTP ${status}, retry in ${delay} ms` : `${NETWORK_OR_CORS}, retry in ${delay} ms`;
    if (attempt++) lastError = message;
    else report('delivery_failed', message, { status, retryInMs: delay, reason: status ? `http_${status}` : 'network_or_cors' });
    retry.write(nextAttemptAt, attempt);
  }

  /** Sends one batch; resolves false when it must be retried later. */
  async function send(batch: Stored[], result: FlushResult): Promise<boolean> {
    const url = options.endpoint();
    if (!url) return false;
    const keys = batch.map(([key]) => key);
    const body = format.encode(
      batch.map(([, record]) => record),
      meta(),
    );
    const flight = inFlight.start(keys, new Blob([body]).size);
    // Started while the page hides: marked at once, as those started before were.
    if (document.visibilityState === 'hidden' && flight.keepalive) (flight.marked = true), spill.markSent(keys);
    const outcome = await post(url, body, options.headers, flight.keepalive, true);
    const { status } = outcome;
    const ok = status >= 200 && status < 300;
    inFlight.answered(flight, status);
    // Marked as sent when the page hid: once this page has acted on the answer, the mark goes.
    const settle = () => (inFlight.end(flight), flight.marked && spill.unmarkSent(keys));
    if (ok)
      return delivered(keys, outcome, result)
        .finally(settle)
        .then(() => true);
    settle();
    // 413: halve until it fits. 400/422: halve to find the record the endpoint refuses
    // (Segment refuses a whole batch for one event over 32 KB), so only that one is dropped.
    const half = Math.ceil(keys.length / 2);
    const refusesOne = isRefusal(status);
    if ((status === 413 || refusesOne) && half < keys.length) return (await send(batch.slice(0, half), result)) && send(batch.slice(half), result);
    if (isRetryable(status)) {
      result.retried += keys.length;
      totals.retries += keys.length;
      backOff(status, outcome.retryAfterMs);
      return false;
    }
    await drop(
      keys,
      result,
      refusesOne ? `HTTP ${status}, the endpoint refused this record` : `HTTP ${status}`,
      status === 413 || refusesOne ? 'records_dropped' : 'delivery_failed',
    );
    return true;
  }

  /** Parses a batch read from the store; records that do not parse are dropped. */
  async function sendEntries(entries: Entry[], result: FlushResult): Promise<boolean> {
    const batch: Stored[] = [];
    const corrupted: string[] = [];
    for (const [key, value] of entries) {
      try {
        const touchpoint = JSON.parse(value as string) as Touchpoint;
        if (typeof touchpoint.id !== 'string') throw touchpoint;
        batch.push([key, touchpoint]);
      } catch {
        corrupted.push(key);
      }
    }
    if (corrupted.length) await drop(corrupted, result, 'corrupted');
    return !batch.length || send(batch, result);
  }

  async function trim(result: FlushResult) {
    reportEarlierDrops(result);
    sentMarks = spill.sentMarks();
    let keys = await useStore((current) => current.keys());
    const settled = keys.filter(settles);
    if (settled.length) await remove(settled), (keys = keys.filter((key) => !settles(key)));
    sentMarks.remove(Math.min(loadedAt, Date.now() - SENT_GRACE_MS));
    pending = keys.length;
    const over = overLimits(keys, delivery);
    if (over.length) await drop(over, result, 'over the delivery limits');
  }

  /** The flusher's work: trim, then send batches in key order, a few at a time. Resolves whether time ran out. */
  async function drain(result: FlushResult): Promise<boolean> {
    await trim(result);
    const startedAt = Date.now();
    const inflight = new Set<Promise<void>>();
    let from = '';
    let retrying = false;
    while (!retrying && sendable() && Date.now() - startedAt < RUN_MS) {
      const read = await useStore((current) => current.read(from, delivery.batchSize));
      if (!read.length) break;
      const entries = read.filter(([key]) => {
        const until = heldUntil(key);
        if (until > Date.now()) releaseAt = Math.min(releaseAt, until);
        // A record in this page's page-hide request is on its way already.
        return until <= Date.now() && !inFlight.busy(key.slice(0, 36));
      });
      if (!entries.length) {
        from = read[read.length - 1]![0];
        continue;
      }
      const count = batchLength(
        entries.map(([key]) => key),
        delivery.batchBytes,
      );
      from = entries[count - 1]![0];
      const batch = entries.slice(0, count);
      // A batch the keepalive quota cannot carry waits its turn: cut off by a closing tab, it would be sent twice (finding 9).
      while (inflight.size && !inFlight.fits(batch.reduce((bytes, [key]) => bytes + keyBytes(key), 0))) await Promise.race(inflight);
      const sending: Promise<void> = sendEntries(batch, result).then((ok) => {
        retrying ||= !ok;
        inflight.delete(sending);
      });
      inflight.add(sending);
      if (inflight.size >= CONCURRENCY) await Promise.race(inflight);
    }
    await Promise.all(inflight);
    return !retrying && Date.now() - startedAt >= RUN_MS;
  }

  async function run(): Promise<FlushResult> {
    const result: FlushResult = { sent: 0, retried: 0, dropped: 0, pending: 0 };
    let more: boolean | undefined;
    if (destroyed) return result;
    try {
      // Chunk by chunk, each its own task: a whole 10,000-record queue at once would block the page.
      while (queue.length) await write();
      await lastWrite;
      more = await role(storage.current, () => drain(result));
      // Another tab is the flusher: learn how much is waiting from the store.
      if (more === undefined) pending = await useStore((current) => current.count());
    } catch (error) {
      report('internal', `flush: ${String(error)}`, error);
    }
    result.pending = pending + queue.length;
    if (result.sent || result.retried || result.dropped) options.onFlush(result);
    plan(more ? 0 : Math.max(0, waitFor()) || Math.min(delivery.flushIntervalMs, releaseAt - Date.now()));
    releaseAt = Infinity;
    return result;
  }

  function flush(): Promise<FlushResult> {
    if (!running) return (running = run().finally(() => (running = null)));
    return (rerun ??= running.then(() => ((rerun = null), flush())));
  }

  function plan(delay: number) {
    clearTimeout(flushTimer);
    if (!destroyed) flushTimer = setTimeout(flush, timerDelay(delay));
  }

  const hide = createHideSender({
    endpoint: () => (sendable() ? options.endpoint() : undefined),
    encode: (records) => format.encode(records, meta()),
    headers: options.headers,
    flushIntervalMs: delivery.flushIntervalMs,
    inFlight,
    pageExit,
    beforeSend() {
      // Batches on their way with keepalive arrive even if the page goes now: the next page must not send them again.
      for (const flight of inFlight.unmarked()) spill.markSent(flight.keys);
    },
    onHanded: (touchpoints) => spill.markSent(recordKeys(touchpoints)),
    onDelivered: (touchpoints, outcome) =>
      delivered(recordKeys(touchpoints), outcome).then(
        () => spill.unmarkSent(recordKeys(touchpoints)),
        () => {},
      ),
    onFailed: (touchpoints) => spill.unmarkSent(recordKeys(touchpoints)),
  });
  /** On hide: records still being written, and those only memory holds, go to localStorage; what does not fit is counted lost. */
  const keepUnstored = () => {
    const memoryOnly = storage.memoryEntries();
    if (!spill.save([...writing].flat().concat(memoryOnly)) && memoryOnly.length) drops.add(memoryOnly.length);
  };
  const stopPersisting = pageExit.on('persist', () => {
    void write(true);
    keepUnstored();
  });
  const online = () => {
    attempt = nextAttemptAt = 0;
    retry.write(0, 0);
    plan(0);
  };
  addEventListener('online', online);
  // Records an earlier page sent while closing are settled by the first run; the rest is resumed.
  const spilled = spill.take().filter(([key]) => sentMarks.markedAt(key) === undefined);
  if (spilled.length) void persist(spilled);
  plan(0);

  return {
    add(touchpoint) {
      if (destroyed) return;
      queue.push(touchpoint);
      hide.remember(touchpoint);
      writeTimer ??= setTimeout(write, 0);
    },
    flush: () => (destroyed ? Promise.resolve({ sent: 0, retried: 0, dropped: 0, pending: pending + queue.length }) : flush()),
    flushSoon: () => plan(0),
    stats: () => ({
      pending: pending + queue.length + [...writing].reduce((count, entries) => count + entries.length, 0),
      ...totals,
      storage: storage.current.kind,
      lastError,
      nextAttemptAt: waitFor() > 0 ? new Date(nextAttemptAt).toISOString() : null,
    }),
    async clear() {
      queue = [];
      hide.forget();
      await lastWrite.catch(() => {});
      await useStore((current) => current.clear()).catch(() => {});
      pending = 0;
    },
    destroy() {
      if (destroyed) return;
      void write(true).catch(() => {});
      destroyed = true;
      clearTimeout(flushTimer);
      removeEventListener('online', online);
      storage.stop();
      hide.stop();
      stopPersisting();
      if (!options.pageExit) pageExit.stop();
    },
  };
}
