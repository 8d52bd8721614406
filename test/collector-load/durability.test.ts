// @vitest-environment node
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { freshFolder, freshPostgres } from '../collector/databases.js';
import { exportRecords, makeBatches, type LoadBatch } from './records.mjs';
import { sendAll } from './senders.mjs';
import { startServeProcess, type ServeProcess } from './serve.mjs';

const ADMIN_TOKEN = 'durability-admin';
const WRITE_KEY = 'durability';
const RECORDS = 100_000;
const KILLS = 4;
const CONCURRENCY = 8;

// Each database gets 100,000 records and five starts of a process (the embedded one runs
// recovery after each kill): a few minutes on a loaded 2-core machine, not vitest's 15 s.
const TEST_TIMEOUT_MS = 600_000;

/**
 * Sends RECORDS touchpoints while the `waymark serve` process is SIGKILLed KILLS times, each
 * time after another share of the records was acknowledged, and started again on the same
 * database. Senders keep any batch without a 2xx and send it again, as the SDK does.
 */
async function sendThroughKills(db: string, prefix: string) {
  const start = () => startServeProcess({ db, writeKeys: [WRITE_KEY], adminToken: ADMIN_TOKEN });
  let current: ServeProcess = await start();
  const batches = makeBatches({ prefix, visitors: 400, count: RECORDS });
  const acknowledged: LoadBatch[] = [];
  let acknowledgedRecords = 0;
  let accepted = 0;
  let restarting: Promise<void> | undefined;
  const restarts: Array<{ afterRecords: number; signal: string | null }> = [];

  const killAndRestart = async () => {
    const { signal } = await current.kill();
    restarts.push({ afterRecords: acknowledgedRecords, signal });
    // Throws (and fails the test) when the database does not open after the kill.
    current = await start();
  };
  const sending = sendAll(batches, {
    concurrency: CONCURRENCY,
    writeKey: WRITE_KEY,
    target: () => current.url,
    onAck(batch, answer) {
      acknowledged.push(batch);
      acknowledgedRecords += batch.records.length;
      accepted += answer.accepted;
      const due = Math.floor((acknowledgedRecords / RECORDS) * (KILLS + 1));
      if (!restarting && restarts.length < Math.min(due, KILLS)) restarting = killAndRestart().finally(() => (restarting = undefined));
    },
  });
  await sending;
  await restarting;
  return { current, batches, acknowledged, accepted, restarts };
}

async function expectEachAcknowledgedRecordOnce(db: string) {
  const prefix = `dur-${randomUUID().slice(0, 8)}`;
  const { current, batches, acknowledged, accepted, restarts } = await sendThroughKills(db, prefix);
  try {
    expect(restarts).toHaveLength(KILLS);
    expect(restarts.every((restart) => restart.signal === 'SIGKILL')).toBe(true);
    const stored = (await exportRecords(current.url, ADMIN_TOKEN)).filter((record) => record.anonymousId.startsWith(`${prefix}-`));
    const storedIds = stored.map((record) => record.id);
    const distinct = new Set(storedIds);
    expect(storedIds.length - distinct.size, 'records stored more than once').toBe(0);

    const acknowledgedIds = acknowledged.flatMap((batch) => batch.records.map((record) => record.id));
    expect(acknowledgedIds.length).toBeGreaterThanOrEqual(RECORDS);
    expect(
      acknowledgedIds.filter((id) => !distinct.has(id)),
      'acknowledged but not stored',
    ).toEqual([]);
    const sentIds = new Set(batches.flatMap((batch) => batch.records.map((record) => record.id)));
    expect(
      storedIds.filter((id) => !sentIds.has(id)),
      'stored but never sent',
    ).toEqual([]);
    expect(distinct.size).toBe(RECORDS);
    // A batch committed just before a kill is answered "duplicate" on its retry, never counted twice.
    expect(accepted).toBeLessThanOrEqual(distinct.size);
  } finally {
    await current.stop();
  }
}

describe('durability: the collector process is SIGKILLed while batches arrive', () => {
  it(
    `embedded database: ${RECORDS.toLocaleString('en')} records through ${KILLS} kills, each acknowledged record stored once`,
    async () => {
      await expectEachAcknowledgedRecordOnce(freshFolder());
    },
    TEST_TIMEOUT_MS,
  );

  it(
    `Postgres: ${RECORDS.toLocaleString('en')} records through ${KILLS} kills, each acknowledged record stored once`,
    async () => {
      await expectEachAcknowledgedRecordOnce(await freshPostgres());
    },
    TEST_TIMEOUT_MS,
  );
});
