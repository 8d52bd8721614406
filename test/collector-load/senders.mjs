import { postBatch } from './records.mjs';

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends every batch with `concurrency` senders, each taking the next batch off one queue.
 * A batch that got no answer or a 5xx is sent again until it gets a 2xx, as the SDK's outbox
 * does; `target()` is read on every attempt, so a restarted collector on a new port is found.
 * A 4xx is a bug of the sender or the collector, and stops the run.
 * `onAck(batch, answer, latencyMs)` is called once per batch, on its 2xx.
 */
export async function sendAll(batches, { concurrency, target, writeKey, onAck = () => {}, retryPauseMs = 50 }) {
  const queue = batches.slice();
  let retries = 0;
  async function sender() {
    for (let batch = queue.shift(); batch; batch = queue.shift()) {
      for (;;) {
        const started = performance.now();
        const { status, answer } = await postBatch(target(), batch.records, writeKey);
        if (status >= 200 && status < 300) {
          onAck(batch, answer, performance.now() - started);
          break;
        }
        if (status >= 400 && status < 500) throw new Error(`the collector refused a batch with ${status}: ${answer}`);
        retries++;
        await pause(retryPauseMs);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, sender));
  return { retries };
}
