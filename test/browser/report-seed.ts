import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DATASET_CONFIG, generateDataset } from '../collector/journey/dataset.js';
import { ROOT } from './harness.js';

const DAY = 86_400_000;
export const SEED_ADMIN_TOKEN = 'report-admin';

export interface SeededCollector {
  url: string;
  close(): Promise<void>;
}

/**
 * The built collector (dist/server.mjs) on a fresh embedded database, given the generated
 * journey dataset spread over the last `days` receive days, listening on 127.0.0.1.
 */
export async function startSeededCollector(visitors: number, days = 14): Promise<SeededCollector> {
  const server = await import(pathToFileURL(join(ROOT, 'dist/server.mjs')).href);
  const folder = mkdtempSync(join(tmpdir(), 'waymark-report-page-'));
  const today = Math.floor(Date.now() / DAY) * DAY + 12 * 3_600_000;
  const clock = { now: today };
  const collector = server.createCollector({
    db: join(folder, 'db'),
    config: DATASET_CONFIG,
    writeKeys: ['key-a', 'key-b'],
    adminToken: SEED_ADMIN_TOKEN,
    now: () => clock.now,
    onError: () => {},
  });
  await collector.ready();
  const dataset = generateDataset(visitors);
  for (const [n, visitor] of dataset.entries()) {
    clock.now = today - (days - 1 - Math.floor((n * days) / dataset.length)) * DAY;
    const body = JSON.stringify({ writeKey: visitor.writeKey, sentAt: new Date(clock.now).toISOString(), batch: visitor.records });
    const response = await collector(
      new Request('http://127.0.0.1/collect', { method: 'POST', body, headers: { 'content-type': 'text/plain;charset=UTF-8' } }),
    );
    if (!response.ok) throw new Error(`seeding: ${response.status} ${await response.text()}`);
  }
  const listening = await server.listen(collector, { port: 0, host: '127.0.0.1' });
  return {
    url: listening.url.replace(/\/$/, ''),
    async close() {
      await listening.close();
      await collector.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
