import { flush, plan } from './flush-loop.js';
import type { Outbox } from './options.js';
import { retryNow, retryWait } from './retry-schedule.js';
import type { OutboxState } from './state.js';
import { enqueue, unwritten, write } from './writer.js';

/** The outbox's methods over its state, and the page events it listens to until destroyed. */
export function outboxApi(o: OutboxState): Outbox {
  /** On hide: records still being written, and those only memory holds, go to localStorage; what does not fit is counted lost. */
  const stopPersisting = o.pageExit.on('persist', () => {
    void write(o, true);
    const memoryOnly = o.storage.memoryEntries();
    if (!o.spill.save([...o.writing].flat().concat(memoryOnly)) && memoryOnly.length) o.drops.add(memoryOnly.length);
  });
  const online = () => {
    retryNow(o);
    plan(o, 0);
  };
  addEventListener('online', online);
  plan(o, 0);

  return {
    add(touchpoint) {
      if (o.halted) return;
      enqueue(o, touchpoint);
      o.hide.remember(touchpoint);
    },
    flush: () => (o.halted ? Promise.resolve({ sent: 0, retried: 0, dropped: 0, pending: o.stored + o.queue.length }) : flush(o)),
    flushSoon: () => plan(o, 0),
    stats: () => ({
      pending: o.stored + unwritten(o),
      ...o.totals,
      storage: o.storage.current.kind,
      lastError: o.lastError,
      nextAttemptAt: retryWait(o) > 0 ? new Date(o.retryAt).toISOString() : null,
    }),
    async clear() {
      o.queue = [];
      o.hide.forget();
      await o.lastWrite.catch(() => {});
      await o.storage.use((current) => current.clear()).catch(() => {});
      o.stored = 0;
    },
    destroy() {
      if (o.halted) return;
      void write(o, true).catch(() => {});
      o.halted = true;
      clearTimeout(o.flushTimer);
      removeEventListener('online', online);
      o.storage.stop();
      o.hide.stop();
      stopPersisting();
      if (!o.outboxOptions.pageExit) o.pageExit.stop();
    },
  };
}
