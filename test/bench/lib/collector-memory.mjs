import { join } from 'node:path';
import { makeBatches } from '../../collector-load/records.mjs';
import { sendAll } from '../../collector-load/senders.mjs';

const SAMPLES = 5;

/** Sends `message` to the child and resolves with its next answer. */
const ask = (child, message) => new Promise((resolve) => (child.once('message', resolve), child.send(message)));

/**
 * `records` records into one collector mounted in a child process, in chunks; after each
 * chunk, the child's RSS and its JS heap after a full GC. Batches are made chunk by chunk,
 * so the sender's own memory stays small too.
 */
export async function measureMemory({ root, db, records, writeKey, adminToken, fork }) {
  const child = fork(join(root, 'test/bench/lib/collector-child.mjs'), [db, writeKey, adminToken], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { url } = await new Promise(
    (resolve, reject) => (child.once('message', resolve), child.once('exit', (code) => reject(new Error(`collector child exited (${code})`)))),
  );
  const samples = [{ records: 0, ...(await ask(child, 'gc-memory')) }];
  const chunk = Math.ceil(records / SAMPLES);
  try {
    for (let sent = 0; sent < records; ) {
      const count = Math.min(chunk, records - sent);
      const batches = makeBatches({ prefix: `memory-${sent}`, visitors: Math.max(1, Math.round(count / 250)), count });
      await sendAll(batches, { concurrency: 8, target: () => url, writeKey });
      sent += count;
      samples.push({ records: sent, ...(await ask(child, 'gc-memory')) });
      console.error(`· memory: ${sent.toLocaleString('en')} records`);
    }
  } finally {
    child.send('close');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  return samples;
}
