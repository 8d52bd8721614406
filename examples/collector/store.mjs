import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The collector's embedded store: one NDJSON file, one touchpoint per line, appended in
 * arrival order. Delivery is at-least-once, so records are deduplicated by `id` — also
 * across restarts, since the ids already on disk are read back at open.
 * Records are kept in memory too: this is a demo-sized store, not a warehouse.
 */
export async function openEventStore(dataDir) {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, 'events.ndjson');
  const records = [];
  const ids = new Set();
  let skippedLines = 0;
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const record = JSON.parse(line);
      if (ids.has(record.id)) continue;
      ids.add(record.id);
      records.push(record);
    } catch {
      // A line cut short by a crash mid-append: keep the rest of the file usable.
      skippedLines++;
    }
  }
  // After such a cut, the next record must start on a line of its own.
  let separator = text && !text.endsWith('\n') ? '\n' : '';

  const listeners = new Set();
  // Appends run one after another so concurrent batches never interleave their lines.
  let writing = Promise.resolve();

  return {
    file,
    skippedLines,
    get size() {
      return records.length;
    },
    /** Keeps the records whose id is new; resolves once they are on disk. */
    append(batch) {
      const fresh = [];
      for (const record of batch) {
        if (ids.has(record.id)) continue;
        ids.add(record.id);
        fresh.push(record);
      }
      if (!fresh.length) return Promise.resolve({ accepted: 0, duplicates: batch.length });
      const lines = separator + fresh.map((record) => JSON.stringify(record) + '\n').join('');
      separator = '';
      const done = writing.then(() => appendFile(file, lines, 'utf8'));
      writing = done.catch(() => {});
      return done.then(
        () => {
          records.push(...fresh);
          for (const listener of listeners) listener(fresh);
          return { accepted: fresh.length, duplicates: batch.length - fresh.length };
        },
        (error) => {
          // Not on disk: forget the ids so the SDK's retry is accepted.
          for (const record of fresh) ids.delete(record.id);
          throw error;
        },
      );
    },
    all: () => records.slice(),
    /** Calls `listener(freshRecords)` after each append; returns an unsubscribe function. */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
