import { postBatch } from '../../collector-load/records.mjs';
import { sendAll } from '../../collector-load/senders.mjs';

export const percentile = (sorted, share) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? NaN;

function summary(latencies, recordCount, elapsedMs) {
  const sorted = latencies.slice().sort((a, b) => a - b);
  return { records: recordCount, rate: (recordCount / elapsedMs) * 1000, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

const countOf = (batches) => batches.reduce((sum, batch) => sum + batch.records.length, 0);
const roundRobin = (urls) => {
  let next = 0;
  return () => urls[next++ % urls.length];
};

/** As fast as `senders` closed-loop senders go: each sends its next batch once the last is answered. */
export async function measureThroughput(urls, batches, senders, writeKey) {
  const latencies = [];
  const started = performance.now();
  await sendAll(batches, { concurrency: senders, target: roundRobin(urls), writeKey, onAck: (_batch, _answer, latency) => latencies.push(latency) });
  return summary(latencies, countOf(batches), performance.now() - started);
}

/**
 * Open loop at `recordsPerSecond`: batches leave on a fixed schedule whether or not earlier
 * ones were answered, as independent browsers send, so a slow answer cannot slow the load.
 */
export async function measurePaced(urls, batches, recordsPerSecond, writeKey) {
  const latencies = [];
  const target = roundRobin(urls);
  const intervalMs = (batches[0].records.length / recordsPerSecond) * 1000;
  const started = performance.now();
  const inFlight = [];
  for (let index = 0; index < batches.length; index++) {
    const due = started + index * intervalMs;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const sentAt = performance.now();
    inFlight.push(
      postBatch(target(), batches[index].records, writeKey).then(({ status, answer }) => {
        if (status !== 200) throw new Error(`paced batch answered ${status}: ${answer}`);
        latencies.push(performance.now() - sentAt);
      }),
    );
  }
  await Promise.all(inFlight);
  return { ...summary(latencies, countOf(batches), performance.now() - started), target: recordsPerSecond };
}
