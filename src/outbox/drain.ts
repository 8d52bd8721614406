import { sendEntries } from './batch-send.js';
import { batchLength, overLimits } from './limits.js';
import type { FlushResult } from './public-types.js';
import { drop, remove, reportEarlierDrops } from './record-book.js';
import { sendable } from './retry-schedule.js';
import { SENT_GRACE_MS } from './spill.js';
import type { OutboxState } from './state.js';
import { keyBytes, type Entry } from './store.js';

/** Requests in flight at once while draining. */
const CONCURRENCY = 4;
/** Longest a batch waits for keepalive quota, as long as a request may take (transport/send.ts). */
const ROOM_WAIT_MS = 10_000;
/** A run stops starting batches after this, well inside the flusher lease. */
const RUN_MS = 15_000;

/** Until when a record waits: a young mark holds it, as the request may still land, or fail while its page lives. */
const heldUntil = (o: OutboxState, key: string) => (o.sentMarks.markedAt(key) ?? -Infinity) + SENT_GRACE_MS;
/**
 * A page loaded after a close is the next step of that visit: it counts the records of
 * marks made before it loaded as sent, once their grace is over. Tabs that were open
 * throughout send them again instead, a duplicate the collector drops rather than a loss.
 */
const settles = (o: OutboxState, key: string) => (o.sentMarks.markedAt(key) ?? Infinity) <= Math.min(o.loadedAt, Date.now() - SENT_GRACE_MS);

/** Settles what closing pages sent, re-counts the store, and drops what is over the delivery limits. */
async function trim(o: OutboxState, result: FlushResult) {
  reportEarlierDrops(o, result);
  o.sentMarks = o.spill.sentMarks();
  let keys = await o.storage.use((current) => current.keys());
  const settled = keys.filter((key) => settles(o, key));
  if (settled.length) await remove(o, settled), (keys = keys.filter((key) => !settles(o, key)));
  o.sentMarks.remove(Math.min(o.loadedAt, Date.now() - SENT_GRACE_MS));
  o.stored = keys.length;
  const over = overLimits(keys, o.delivery);
  if (over.length) await drop(o, over, result, 'over the delivery limits');
}

/** The next batch from `from` on that may go now (empty when all read were held back); null at the end of the store. */
async function nextBatch(o: OutboxState, from: string): Promise<{ batch: Entry[]; from: string } | null> {
  const read = await o.storage.use((current) => current.read(from, o.delivery.batchSize));
  if (!read.length) return null;
  const entries = read.filter(([key]) => {
    const until = heldUntil(o, key);
    if (until > Date.now()) o.releaseAt = Math.min(o.releaseAt, until);
    // A record in this page's page-hide request is on its way already.
    return until <= Date.now() && !o.inFlight.busy(key.slice(0, 36));
  });
  if (!entries.length) return { batch: [], from: read[read.length - 1]![0] };
  const count = batchLength(
    entries.map(([key]) => key),
    o.delivery.batchBytes,
  );
  return { batch: entries.slice(0, count), from: entries[count - 1]![0] };
}

/** The flusher's work: trim, then send batches in key order, a few at a time. Resolves whether time ran out. */
export async function drain(o: OutboxState, result: FlushResult): Promise<boolean> {
  await trim(o, result);
  const startedAt = Date.now();
  const inflight = new Set<Promise<void>>();
  let from = '';
  let retrying = false;
  while (!retrying && sendable(o) && Date.now() - startedAt < RUN_MS) {
    const next = await nextBatch(o, from);
    if (!next) break;
    from = next.from;
    const { batch } = next;
    if (!batch.length) continue;
    // A batch the keepalive quota cannot carry waits its turn: cut off by a closing tab, it would be sent twice (finding 9).
    await o.inFlight.waitForRoom(
      batch.reduce((bytes, [key]) => bytes + keyBytes(key), 0),
      ROOM_WAIT_MS,
    );
    const sending: Promise<void> = sendEntries(o, batch, result).then((ok) => {
      retrying ||= !ok;
      inflight.delete(sending);
    });
    inflight.add(sending);
    if (inflight.size >= CONCURRENCY) await Promise.race(inflight);
  }
  await Promise.all(inflight);
  return !retrying && Date.now() - startedAt >= RUN_MS;
}
