import type { Committed } from './commit.js';
import type { Batch } from './records.js';

export interface BatchWriter {
  /** Resolves once `batch` is committed, alone or with the batches of other requests. */
  write(batch: Batch): Promise<Committed>;
  /** Resolves when nothing is waiting or being written (before the database closes). */
  settled(): Promise<void>;
}

export interface GroupLimits {
  /** Transactions run at once: 1 on the embedded database, which runs one anyway. */
  maxInFlight: number;
  /** Records one transaction takes; a single batch above it still goes, alone. */
  maxRecords: number;
}

interface Waiting {
  batch: Batch;
  resolve: (committed: Committed) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: while a transaction runs, the batches of the requests that arrive meanwhile
 * wait, and the next transaction takes them all. A lone request is written in the next
 * event-loop turn, so a quiet collector adds next to no delay; a busy one runs far fewer,
 * larger transactions. Every request is still answered only after the transaction holding
 * its records has committed.
 */
export function createBatchWriter(commit: (batches: Batch[]) => Promise<Committed[]>, limits: GroupLimits): BatchWriter {
  const waiting: Waiting[] = [];
  const drained: Array<() => void> = [];
  let inFlight = 0;
  let scheduled = false;

  const takeGroup = (): Waiting[] => {
    let records = waiting[0]!.batch.touchpoints.length;
    let count = 1;
    while (count < waiting.length && records + waiting[count]!.batch.touchpoints.length <= limits.maxRecords)
      records += waiting[count++]!.batch.touchpoints.length;
    return waiting.splice(0, count);
  };

  async function run(group: Waiting[]) {
    try {
      const results = await commit(group.map((entry) => entry.batch));
      group.forEach((entry, index) => entry.resolve(results[index]!));
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      // One batch the database refuses must not fail the others: each is tried on its own.
      for (const entry of group) await commit([entry.batch]).then(([committed]) => entry.resolve(committed!), entry.reject);
    }
  }

  const pump = () => {
    while (inFlight < limits.maxInFlight && waiting.length) {
      inFlight++;
      void run(takeGroup()).finally(() => {
        inFlight--;
        pump();
        if (!inFlight && !waiting.length) drained.splice(0).forEach((resolve) => resolve());
      });
    }
  };

  // The embedded database blocks the event loop while it works, so requests that came in
  // meanwhile are read together in the next turn: the transaction starts after that turn,
  // once their batches have joined the queue.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      pump();
    });
  };

  return {
    write: (batch) =>
      new Promise<Committed>((resolve, reject) => {
        waiting.push({ batch, resolve, reject });
        schedule();
      }),
    settled: () => (!inFlight && !waiting.length ? Promise.resolve() : new Promise<void>((resolve) => drained.push(resolve))),
  };
}
