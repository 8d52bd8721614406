#!/usr/bin/env node
/**
 * `npm run bench:collector`: the collector's throughput, latency and memory, measured on the
 * built `waymark serve` processes over HTTP on 127.0.0.1, in batches of 50 records.
 *   node test/bench/collector.mjs [--records 40000] [--memory-records 1000000] [--report-touchpoints 1000000] [--only embedded,postgres,memory,report]
 * `report` loads journeys in-process and times GET /api/report on each database (target ≤ 500 ms).
 * Postgres: WAYMARK_BENCH_PG=postgres://…, or a throwaway cluster when initdb is installed.
 * The table is printed and written to test/bench/results/collector.md.
 */
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeBatches } from '../collector-load/records.mjs';
import { startServeProcess } from '../collector-load/serve.mjs';
import { startThrowawayPostgres } from './lib/postgres.mjs';
import { measureMemory } from './lib/collector-memory.mjs';
import { measurePaced, measureThroughput } from './lib/collector-load.mjs';
import { measureReport } from './lib/report-latency.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WRITE_KEY = 'bench';
const ADMIN_TOKEN = 'bench-admin';
const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '40000' },
    'memory-records': { type: 'string', default: '1000000' },
    'report-touchpoints': { type: 'string', default: '1000000' },
    only: { type: 'string', default: 'embedded,postgres,memory,report' },
  },
});
const records = Number(args.records);
const memoryRecords = Number(args['memory-records']);
const only = new Set(args.only.split(','));
if (!existsSync(join(ROOT, 'dist/cli.mjs'))) {
  console.error('dist/cli.mjs is missing: run `npm run build` (npm run bench:collector does).');
  process.exit(1);
}

const log = (line) => console.error(`· ${line}`);
const folders = [];
const freshFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'waymark-bench-db-'));
  folders.push(folder);
  return join(folder, 'db');
};
let run = 0;
const batchesFor = (count) => makeBatches({ prefix: `bench-${process.pid}-${++run}`, visitors: Math.max(1, Math.round(count / 250)), count });

/** Starts `processes` collectors on `db` (each its own `waymark serve`), runs `measure`, stops them. */
async function withCollectors(db, processes, measure) {
  const started = await Promise.all(Array.from({ length: processes }, () => startServeProcess({ db, writeKeys: [WRITE_KEY], adminToken: ADMIN_TOKEN })));
  try {
    return await measure(started.map((collector) => collector.url));
  } finally {
    await Promise.all(started.map((collector) => collector.stop()));
  }
}

/** Peak rows at 1 and 8 senders, then the latency at half the peak, for one database setup. */
async function benchDatabase(label, db, processes) {
  const rows = [];
  await withCollectors(db(), processes, async (urls) => {
    // A warm-up, so the first rows do not pay for JIT and the database's caches.
    await measureThroughput(urls, batchesFor(2_000), 8, WRITE_KEY);
    for (const senders of [1, 8]) {
      log(`${label}: ${records.toLocaleString('en')} records, ${senders} sender(s)`);
      rows.push({ label, processes, senders, ...(await measureThroughput(urls, batchesFor(records), senders, WRITE_KEY)) });
    }
    const peak = Math.max(...rows.map((row) => row.rate));
    log(`${label}: paced at ${Math.round(peak / 2).toLocaleString('en')} records/s`);
    rows.push({ label, processes, senders: 'paced', ...(await measurePaced(urls, batchesFor(records), peak / 2, WRITE_KEY)) });
  });
  return rows;
}

const formatRate = (rate) => Math.round(rate).toLocaleString('en');
const ms = (value) => value.toFixed(1);
function throughputTable(rows) {
  const lines = ['| Database | Processes | Senders | Records | Records/s | p50 per batch | p99 per batch |', '|---|---|---|---|---|---|---|'];
  for (const row of rows) {
    const senders = row.senders === 'paced' ? `paced at half the peak (${formatRate(row.target)}/s)` : row.senders;
    lines.push(
      `| ${row.label} | ${row.processes} | ${senders} | ${row.records.toLocaleString('en')} | ${formatRate(row.rate)} | ${ms(row.p50)} ms | ${ms(row.p99)} ms |`,
    );
  }
  return lines.join('\n');
}
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
function memoryTable(samples) {
  const lines = ['| Records stored | RSS | JS heap (after GC) |', '|---|---|---|'];
  for (const sample of samples) lines.push(`| ${sample.records.toLocaleString('en')} | ${mb(sample.rss)} | ${mb(sample.heapUsed)} |`);
  return lines.join('\n');
}

function reportTable(rows) {
  const lines = ['| Database | Touchpoints | Report | Median | Worst of 7 | Target |', '|---|---|---|---|---|---|'];
  for (const row of rows)
    lines.push(`| ${row.label} | ${row.touchpoints.toLocaleString('en')} | ${row.query} | ${ms(row.median)} ms | ${ms(row.worst)} ms | ≤ 500 ms |`);
  return lines.join('\n');
}

const loadBefore = loadavg();
const startedAt = new Date();
const rows = [];
let memory = [];
const reportRows = [];
let postgres = null;
try {
  if (only.has('embedded')) rows.push(...(await benchDatabase('embedded (PGlite)', freshFolder, 1)));
  if (only.has('postgres')) {
    postgres = process.env.WAYMARK_BENCH_PG ? { url: process.env.WAYMARK_BENCH_PG, stop() {} } : await startThrowawayPostgres();
    if (postgres) {
      rows.push(...(await benchDatabase('Postgres', () => postgres.url, 1)));
      rows.push(...(await benchDatabase('Postgres', () => postgres.url, 2)));
    } else log('no Postgres: set WAYMARK_BENCH_PG or install postgresql (initdb); Postgres rows skipped');
  }
  if (only.has('report')) {
    const touchpoints = Number(args['report-touchpoints']);
    reportRows.push(...(await measureReport({ root: ROOT, db: freshFolder(), label: 'embedded (PGlite)', touchpoints, log })));
    postgres ??= process.env.WAYMARK_BENCH_PG ? { url: process.env.WAYMARK_BENCH_PG, stop() {} } : await startThrowawayPostgres();
    if (postgres) reportRows.push(...(await measureReport({ root: ROOT, db: postgres.url, label: 'Postgres', touchpoints, log })));
  }
  if (only.has('memory')) {
    log(`memory: ${memoryRecords.toLocaleString('en')} records into the embedded database`);
    memory = await measureMemory({ root: ROOT, db: freshFolder(), records: memoryRecords, writeKey: WRITE_KEY, adminToken: ADMIN_TOKEN, fork });
  }
} finally {
  postgres?.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}

const loadAfter = loadavg();
const header = `Run of ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}; load average ${loadBefore[0].toFixed(2)} before, ${loadAfter[0].toFixed(2)} after. Batches of 50 records; the senders share the machine with the collectors.`;
const report = [
  header,
  '',
  throughputTable(rows),
  ...(memory.length ? ['', memoryTable(memory)] : []),
  ...(reportRows.length ? ['', reportTable(reportRows)] : []),
].join('\n');
console.log(report);
mkdirSync(join(ROOT, 'test/bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'test/bench/results/collector.md'), `${report}\n`);
