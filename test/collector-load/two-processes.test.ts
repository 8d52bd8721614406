// @vitest-environment node
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres } from '../collector/databases.js';
import { exportRecords, makeBatches, postBatch, visitor, type CollectAnswer, type LoadBatch } from './records.mjs';
import { startServeProcess, type ServeProcess } from './serve.mjs';

const ADMIN_TOKEN = 'two-processes-admin';
const WRITE_KEY = 'two-processes';
const CONFIG = join(import.meta.dirname, 'rewards.json');
const VISITORS = 120;
const RECORDS = 12_000;
const CONCURRENT_VISITORS = 8;

// Three processes start at once and each migrates its database: slow on a loaded machine.
const START_TIMEOUT_MS = 120_000;
const TEST_TIMEOUT_MS = 300_000;

const prefix = `two-${randomUUID().slice(0, 8)}`;
const batches = makeBatches({ prefix, visitors: VISITORS, count: RECORDS, size: 50 });
const serve = (db: string) => startServeProcess({ db, writeKeys: [WRITE_KEY], adminToken: ADMIN_TOKEN, config: CONFIG });
let first: ServeProcess;
let second: ServeProcess;
let single: ServeProcess;

beforeAll(async () => {
  // The single process has a Postgres database of its own, so the ledgers compared are the two setups' alone.
  const [shared, alone] = await Promise.all([freshPostgres(), freshPostgres()]);
  [first, second, single] = await Promise.all([serve(shared), serve(shared), serve(alone)]);
}, START_TIMEOUT_MS);
afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop(), single?.stop()]);
}, START_TIMEOUT_MS);

/**
 * Each visitor's batches in order, as one browser's outbox sends them, visitors side by side;
 * `send` delivers one batch and returns once it is acknowledged.
 */
async function deliverByVisitor(send: (batch: LoadBatch) => Promise<void>) {
  const byVisitor = new Map<string, LoadBatch[]>();
  for (const batch of batches) byVisitor.set(batch.visitor, [...(byVisitor.get(batch.visitor) ?? []), batch]);
  const chains = [...byVisitor.values()];
  const worker = async () => {
    for (let chain = chains.shift(); chain; chain = chains.shift()) for (const batch of chain) await send(batch);
  };
  await Promise.all(Array.from({ length: CONCURRENT_VISITORS }, worker));
}

const acknowledged = async (url: string, batch: LoadBatch) => {
  const { status, answer } = await postBatch(url, batch.records, WRITE_KEY);
  expect(status, String(answer)).toBe(200);
  return answer as CollectAnswer;
};

/** What a ledger says, without the times at which each process happened to receive it. */
const ledgerOf = (answer: Record<string, unknown>) => {
  const { profile, ledger } = answer as { profile: unknown; ledger: Array<Record<string, unknown>> };
  return {
    profile,
    entries: ledger.map(({ delta, rule, source, balance, lifetime, offerId }) => ({ delta, rule, source, balance, lifetime, offerId })),
  };
};

describe('two collector processes on one Postgres', () => {
  it(
    'given the same records at once, store each once and keep the ledgers of a single process',
    async () => {
      let acceptedByPair = 0;
      let duplicatesByPair = 0;
      await deliverByVisitor(async (batch) => {
        // The same batch reaches both processes at the same moment, as after a retry through a load balancer.
        const [a, b] = await Promise.all([acknowledged(first.url, batch), acknowledged(second.url, batch)]);
        expect(a.accepted + b.accepted, 'each record accepted by exactly one process').toBe(batch.records.length);
        acceptedByPair += a.accepted + b.accepted;
        duplicatesByPair += a.duplicates + b.duplicates;
      });
      await deliverByVisitor(async (batch) => void (await acknowledged(single.url, batch)));
      expect(acceptedByPair).toBe(RECORDS);
      expect(duplicatesByPair).toBe(RECORDS);

      const shared = (await exportRecords(first.url, ADMIN_TOKEN)).filter((record) => record.anonymousId.startsWith(`${prefix}-`));
      const sentIds = batches.flatMap((batch) => batch.records.map((record) => record.id));
      expect(shared).toHaveLength(RECORDS);
      expect(new Set(shared.map((record) => record.id))).toEqual(new Set(sentIds));

      const visitors = [...new Set(batches.map((batch) => batch.visitor))];
      for (const id of visitors) {
        const [onFirst, onSecond, alone] = await Promise.all([
          visitor(first.url, ADMIN_TOKEN, id),
          visitor(second.url, ADMIN_TOKEN, id),
          visitor(single.url, ADMIN_TOKEN, id),
        ]);
        expect(ledgerOf(onFirst), id).toEqual(ledgerOf(alone));
        expect(ledgerOf(onSecond), id).toEqual(ledgerOf(alone));
      }
      // The rules and caps did their work: points were earned, some redemptions honoured.
      const sample = ledgerOf(await visitor(single.url, ADMIN_TOKEN, visitors[0]!));
      expect(sample.entries.some((entry) => entry.rule === 'spend')).toBe(true);
      expect(sample.entries.some((entry) => entry.rule === '$redeem')).toBe(true);
      expect(sample.entries.filter((entry) => entry.rule === 'signup')).toHaveLength(1);
    },
    TEST_TIMEOUT_MS,
  );
});
