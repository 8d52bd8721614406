import { isRefusal, isRetryable, post } from '../transport/send.js';
import type { Touchpoint } from '../types.js';
import type { FlushResult } from './public-types.js';
import { delivered, drop } from './record-book.js';
import { backOff } from './retry-schedule.js';
import type { OutboxState } from './state.js';
import type { Entry } from './store.js';

/** A record read back, with its store key. */
type Stored = [key: string, record: Touchpoint];

/** A batch in the configured wire format, with the failures before it as its `attempt`. */
export const encodeBatch = (o: OutboxState, records: Touchpoint[]): string =>
  o.wire.encode(records, { writeKey: o.outboxOptions.writeKey, sentAt: new Date().toISOString(), sdk: o.sdk, attempt: o.failures });

/**
 * Sends one batch and acts on the answer: 2xx deletes it, a retryable failure keeps it and
 * backs off, a refusal is narrowed down by halving to the records the endpoint refuses, which
 * alone are dropped. Resolves false when the batch must be retried later.
 */
async function send(o: OutboxState, batch: Stored[], result: FlushResult): Promise<boolean> {
  const url = o.outboxOptions.endpoint();
  if (!url) return false;
  const keys = batch.map(([key]) => key);
  const body = encodeBatch(
    o,
    batch.map(([, record]) => record),
  );
  const flight = o.inFlight.start(keys, new Blob([body]).size);
  // Started while the page hides: marked at once, as those started before were.
  if (document.visibilityState === 'hidden' && flight.keepalive) (flight.marked = true), o.spill.markSent(keys);
  const outcome = await post(url, body, o.outboxOptions.headers, flight.keepalive, true);
  const { status } = outcome;
  o.inFlight.answered(flight, status);
  // Marked as sent when the page hid: once this page has acted on the answer, the mark goes.
  const settle = () => (o.inFlight.end(flight), flight.marked && o.spill.unmarkSent(keys));
  if (status >= 200 && status < 300)
    return delivered(o, keys, outcome, result)
      .finally(settle)
      .then(() => true);
  settle();
  // 413: halve until it fits. 400/422: halve to find the record the endpoint refuses
  // (Segment refuses a whole batch for one event over 32 KB), so only that one is dropped.
  const half = Math.ceil(keys.length / 2);
  const refusesOne = isRefusal(status);
  if ((status === 413 || refusesOne) && half < keys.length) return (await send(o, batch.slice(0, half), result)) && send(o, batch.slice(half), result);
  if (isRetryable(status)) {
    result.retried += keys.length;
    o.totals.retries += keys.length;
    backOff(o, status, outcome.retryAfterMs);
    return false;
  }
  const refused = status === 413 || refusesOne;
  await drop(
    o,
    keys,
    result,
    refusesOne ? `HTTP ${status}, the endpoint refused this record` : `HTTP ${status}`,
    refused ? 'records_dropped' : 'delivery_failed',
  );
  return true;
}

/** Parses a batch read from the store and sends it; records that do not parse are dropped. */
export async function sendEntries(o: OutboxState, entries: Entry[], result: FlushResult): Promise<boolean> {
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
  if (corrupted.length) await drop(o, corrupted, result, 'corrupted');
  return !batch.length || send(o, batch, result);
}
