// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCollector } from '../../src/collector/index.js';
import { freshFolder } from '../collector/databases.js';
import { DATASET_CONFIG, generateDataset } from '../collector/journey/dataset.js';
import { expectedFunnel } from '../collector/journey/expected.js';
import { ADMIN_TOKEN, admin, post, wire } from '../collector/requests.js';
import { run } from './run.js';

/** A database the collector filled with 200 generated visitors, closed again, and the API's report of it. */
async function filledDatabase() {
  const db = freshFolder();
  const collector = createCollector({ db, config: DATASET_CONFIG, writeKeys: ['key-a', 'key-b'], adminToken: ADMIN_TOKEN, onError: () => {} });
  const visitors = generateDataset(200, 7);
  for (const visitor of visitors) expect((await collector(post('/collect', wire(visitor.records, visitor.writeKey)))).status).toBe(200);
  const api = await (await admin(collector, '/api/report?writeKey=key-a')).json();
  await collector.close();
  return { db, visitors, api };
}

describe('waymark report --db', () => {
  it('prints the funnel, KPIs by stage, prompts and rewards of a database; --json is the API answer', { timeout: 120_000 }, async () => {
    const { db, visitors, api } = await filledDatabase();
    const config = join(mkdtempSync(join(tmpdir(), 'waymark-db-report-')), 'waymark.json');
    writeFileSync(config, JSON.stringify(DATASET_CONFIG));
    const { code, out } = await run('report', '--db', db, '--config', config);
    expect(code).toBe(0);
    for (const title of ['Totals', 'Stage funnel', 'KPIs by stage', 'Trend per day', 'Prompts', 'Rewards by tier', 'Rules that award most'])
      expect(out).toContain(title);
    const funnelLines = out.split('Stage funnel')[1]!.split('\n\n')[0]!.split('\n').slice(3);
    expect(
      funnelLines.map((line) =>
        line
          .trim()
          .split(/\s{2,}/)
          .slice(0, 2),
      ),
    ).toEqual(expectedFunnel(visitors).map((step) => [step.stage, String(step.visitors)]));
    expect(out).toMatch(/Silver club\s/);

    const json = await run('report', '--db', db, '--write-key', 'key-a', '--config', config, '--json');
    expect(JSON.parse(json.out)).toEqual(api);
  });

  it('refuses a bad filter or a missing --db with the reason and exit code 2', async () => {
    const bad = await run('report', '--db', freshFolder(), '--from', 'soon');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('"from" is not a date');
    expect((await run('report', '--db')).code).toBe(2);
    expect((await run('report', '--db', 'x', '--colour', 'red')).code).toBe(2);
  });
});
