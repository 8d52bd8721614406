import { timerDelay } from '../clock.js';
import { drain } from './drain.js';
import type { FlushResult } from './public-types.js';
import { retryWait } from './retry-schedule.js';
import { report, type OutboxState } from './state.js';
import { writeQueued } from './writer.js';

/**
 * One flush run: this page's records reach the store, then, if this tab holds the flusher
 * role, the drain sends what is stored; the run reports its result and plans the next.
 */
async function run(o: OutboxState): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, retried: 0, dropped: 0, pending: 0 };
  let more: boolean | undefined;
  if (o.halted) return result;
  try {
    await writeQueued(o);
    more = await o.role(o.storage.current, () => drain(o, result));
    // Another tab is the flusher: learn how much is waiting from the store.
    if (more === undefined) o.stored = await o.storage.use((current) => current.count());
  } catch (error) {
    report(o, 'internal', `flush: ${String(error)}`, error);
  }
  result.pending = o.stored + o.queue.length;
  if (result.sent || result.retried || result.dropped) o.outboxOptions.onFlush(result);
  plan(o, more ? 0 : Math.max(0, retryWait(o)) || Math.min(o.delivery.flushIntervalMs, o.releaseAt - Date.now()));
  o.releaseAt = Infinity;
  return result;
}

/** One run at a time: a flush asked for during a run waits for it and then runs once more, however many asked. */
export function flush(o: OutboxState): Promise<FlushResult> {
  if (!o.running) return (o.running = run(o).finally(() => (o.running = undefined)));
  return (o.rerun ??= o.running.then(() => ((o.rerun = undefined), flush(o))));
}

export function plan(o: OutboxState, delay: number): void {
  clearTimeout(o.flushTimer);
  if (!o.halted) o.flushTimer = setTimeout(() => flush(o), timerDelay(delay));
}
