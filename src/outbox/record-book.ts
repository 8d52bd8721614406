import type { WaymarkErrorCode } from '../errors.js';
import type { Outcome } from '../transport/send.js';
import { removeNoted } from './drop-notes.js';
import type { FlushResult } from './public-types.js';
import { report, type OutboxState } from './state.js';

/*
 * Where records leave the store, delivered or dropped, and the counts `stats()` and each
 * flush report: records stored, and the page's totals sent, dropped and retried.
 */

export async function remove(o: OutboxState, keys: string[]): Promise<void> {
  await o.storage.use((current) => current.del(keys));
  o.stored = Math.max(0, o.stored - keys.length);
  for (const key of keys) o.hide.forget(key.slice(0, 36));
}

function countDropped(o: OutboxState, count: number, result: FlushResult) {
  result.dropped += count;
  o.totals.dropped += count;
}

export async function drop(o: OutboxState, keys: string[], result: FlushResult, reason: string, code: WaymarkErrorCode = 'records_dropped'): Promise<void> {
  // Memory is this page's own: nothing is left to report for it once the page is gone.
  await removeNoted(keys, (chunk) => remove(o, chunk), o.storage.current.kind === 'indexeddb' ? o.drops : undefined);
  countDropped(o, keys.length, result);
  report(o, code, `${keys.length} records dropped: ${reason}`, { count: keys.length, reason });
}

/** Drops earlier pages noted and could not report: the flusher of the stored records reports them. */
export function reportEarlierDrops(o: OutboxState, result: FlushResult): void {
  const count = o.storage.current.kind === 'indexeddb' ? o.drops.take() : 0;
  if (!count) return;
  countDropped(o, count, result);
  report(o, 'records_dropped', `${count} records dropped by an earlier page`, { count, reason: 'earlier page' });
}

/** The endpoint took these records: counted, the retry schedule starts again, and they leave the store. */
export function delivered(o: OutboxState, keys: string[], outcome: Outcome, result?: FlushResult): Promise<void> {
  if (result) result.sent += keys.length;
  o.totals.sent += keys.length;
  o.failures = 0;
  if (outcome.body !== undefined) o.outboxOptions.onResponse?.(outcome.body);
  return remove(o, keys);
}
