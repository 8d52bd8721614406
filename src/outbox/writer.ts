import type { Touchpoint } from '../types.js';
import { recordKey, type Entry } from './store.js';
import type { OutboxState } from './state.js';
import { sendable } from './retry-schedule.js';

/** Records per IndexedDB transaction: 10,000 tracked at once become short tasks, not one long one. */
const WRITE_CHUNK = 500;

/** Writes entries to the store; once committed they count as stored, and a full batch starts a flush. */
export function persist(o: OutboxState, entries: Entry[]): Promise<unknown> {
  o.writing.add(entries);
  return (o.lastWrite = o.storage
    .use((current) => current.put(entries))
    .then(() => {
      o.writing.delete(entries);
      // Memory is no safer than the page: a spilled copy of it stays for the next load.
      if (!o.writing.size && o.storage.current.kind === 'indexeddb') o.spill.clear();
      o.stored += entries.length;
      if (o.stored >= o.delivery.batchSize && sendable(o) && !o.halted) o.flushNow();
    }));
}

/** Writes the next chunk of the queue (all of it when `all`, as the page goes), and plans the chunk after. */
export function write(o: OutboxState, all: boolean): Promise<unknown> {
  clearTimeout(o.writeTimer);
  o.writeTimer = undefined;
  const chunk = o.queue.splice(0, all ? o.queue.length : WRITE_CHUNK);
  if (o.queue.length && !o.halted) o.writeTimer = setTimeout(() => write(o, false), 0);
  return chunk.length
    ? persist(
        o,
        chunk.map((touchpoint): Entry => {
          const json = JSON.stringify(touchpoint);
          return [recordKey(touchpoint.id, json), json];
        }),
      )
    : o.lastWrite;
}

/** Queues a touchpoint; the writes of one tick share a transaction. */
export function enqueue(o: OutboxState, touchpoint: Touchpoint): void {
  o.queue.push(touchpoint);
  o.writeTimer ??= setTimeout(() => write(o, false), 0);
}

/** Chunk by chunk, each its own task: a whole 10,000-record queue at once would block the page. */
export async function writeQueued(o: OutboxState): Promise<void> {
  while (o.queue.length) await write(o, false);
  await o.lastWrite;
}

/** Records tracked and not committed yet. */
export const unwritten = (o: OutboxState): number => o.queue.length + [...o.writing].reduce((count, entries) => count + entries.length, 0);
