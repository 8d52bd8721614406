import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { journey, JOURNEY_CONFIG } from './journey-records.mjs';

const DAY = 86_400_000;
const BATCH_VISITORS = 20;
const RUNS = 7;
const QUERIES = [
  ['whole report', ''],
  ['last 7 days, one write key, per week', 'FROM_7&writeKey=bench-a&interval=week'],
  ['one stage and one prompt', 'stage=decision&prompt=nps'],
];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Loads `touchpoints` journey records (25 per visitor) over 30 receive days into `db` through
 * the built collector in-process, then times `GET /api/report` (the first call warms caches
 * and is not counted). Returns one row per query.
 */
export async function measureReport({ root, db, label, touchpoints, log }) {
  const server = await import(pathToFileURL(join(root, 'dist/server.mjs')).href);
  const clock = { now: 0 };
  const collector = server.createCollector({
    db,
    config: JOURNEY_CONFIG,
    writeKeys: ['bench-a', 'bench-b'],
    adminToken: 'bench',
    now: () => clock.now,
    onError: () => {},
  });
  await collector.ready();
  const visitors = Math.ceil(touchpoints / 25);
  const today = Math.floor(Date.now() / DAY) * DAY;
  const prefix = `r${process.pid}-${Date.now()}`;
  const loadStart = performance.now();
  for (let first = 0; first < visitors; first += BATCH_VISITORS) {
    clock.now = today - (29 - Math.floor((first * 30) / visitors)) * DAY + 3_600_000;
    const batch = [];
    for (let n = first; n < Math.min(visitors, first + BATCH_VISITORS); n++) batch.push(...journey(prefix, n, clock.now));
    const body = JSON.stringify({ writeKey: first % 40 === 0 ? 'bench-b' : 'bench-a', batch });
    const response = await collector(new Request('http://bench/collect', { method: 'POST', body }));
    if (!response.ok) throw new Error(`loading: ${response.status} ${await response.text()}`);
    if (first % 4_000 === 0) log(`${label}: ${(first * 25).toLocaleString('en')} touchpoints loaded`);
  }
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const rows = [];
  const from7 = new Date(today - 6 * DAY).toISOString().slice(0, 10);
  for (const [name, query] of QUERIES) {
    const times = [];
    for (let run = 0; run <= RUNS; run++) {
      const started = performance.now();
      const response = await collector(
        new Request(`http://bench/api/report?${query.replace('FROM_7', `from=${from7}`)}`, { headers: { authorization: 'Bearer bench' } }),
      );
      const report = await response.json();
      if (!response.ok || report.totals === undefined) throw new Error(`report: ${response.status}`);
      if (run > 0) times.push(performance.now() - started);
    }
    rows.push({ label, query: name, touchpoints: visitors * 25, median: median(times), worst: Math.max(...times), loadSeconds });
  }
  await collector.close();
  return rows;
}
