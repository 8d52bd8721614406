// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DATABASES } from './databases.js';
import { openCollector } from './open.js';
import { admin, collect, exported, record, visitorOf, WRITE_KEY } from './requests.js';

const DAY = 86_400_000;
const CONFIG = { version: 1 as const, rewards: { rules: [{ id: 'share', on: 'share', points: 5 }] } };

describe.each(DATABASES)('admin API on $kind', ({ fresh }) => {
  it("shows a visitor's touchpoints, ledger and tier, and erases them with counts", async () => {
    const collector = await openCollector(await fresh(), { config: CONFIG });
    await collect(collector, [record('v/1', 'share'), record('v/1', 'share'), record('other', 'share')]);
    const visitor = await visitorOf(collector, 'v/1');
    expect(visitor.profile).toEqual({ points: 10, tier: null, lifetime: 10 });
    expect(visitor.touchpoints).toHaveLength(2);
    expect(visitor.ledger.map((entry) => entry.balance)).toEqual([5, 10]);
    const erased = await admin(collector, `/api/visitors/${encodeURIComponent('v/1')}`, { method: 'DELETE' });
    expect(await erased.json()).toEqual({ anonymousId: 'v/1', erased: { records: 2, ledgerEntries: 2, ledger: 1 } });
    expect((await admin(collector, '/api/visitors/v%2F1')).status).toBe(404);
    expect((await exported(collector)).map((row) => row.anonymousId)).toEqual(['other']);
    expect((await (await admin(collector, '/api/report')).json()).totals.visitors).toBe(1);
  });

  it('exports NDJSON and CSV for a range of receive times, and refuses a bad range or format', async () => {
    let now = Date.parse('2026-03-01T10:00:00.000Z');
    const collector = await openCollector(await fresh(), { now: () => now });
    await collect(collector, [record('a', 'first')]);
    now += DAY;
    await collect(collector, [record('a', 'second', { note: 'has, "quotes"' })]);
    expect((await exported(collector)).map((row) => [row.name, row.writeKey])).toEqual([
      ['first', WRITE_KEY],
      ['second', WRITE_KEY],
    ]);
    expect((await exported(collector, 'format=ndjson&from=2026-03-02')).map((row) => row.name)).toEqual(['second']);
    expect((await exported(collector, 'format=ndjson&to=2026-03-02')).map((row) => row.name)).toEqual(['first']);
    const csv = await (await admin(collector, '/api/export?format=csv&from=2026-03-02')).text();
    const [header, line] = csv.trim().split('\r\n');
    expect(header).toBe('id,name,ts,receivedAt,writeKey,anonymousId,userId,sessionId,url,path,trusted,props');
    expect(line).toContain('second,');
    expect(line).toContain(`,${WRITE_KEY},`);
    expect(line).toContain('"{""note"":""has, \\""quotes\\""""}"');
    expect((await admin(collector, '/api/export?format=xml')).status).toBe(400);
    expect((await admin(collector, '/api/export?from=soon')).status).toBe(400);
  });

  it('exports more rows than one page, each once and in order', async () => {
    const collector = await openCollector(await fresh());
    const records = Array.from({ length: 2_500 }, (_, n) => record(`p${n % 7}`, 'view'));
    for (let start = 0; start < records.length; start += 500) await collect(collector, records.slice(start, start + 500));
    const rows = await exported(collector);
    expect(rows).toHaveLength(2_500);
    expect(new Set(rows.map((row) => row.id)).size).toBe(2_500);
  });

  it('reports a range of days from the roll-ups, and refuses a bad filter with the reason', async () => {
    let now = Date.parse('2026-03-01T10:00:00.000Z');
    const collector = await openCollector(await fresh(), { now: () => now });
    const shown = { promptId: 'nps', kind: 'nps', submissionId: 's1' };
    await collect(collector, [record('r', '$prompt_shown', shown), record('r', '$prompt_answered', { ...shown, complete: true, score: 10, band: 'promoter' })]);
    now += DAY;
    await collect(collector, [record('r', '$prompt_shown', { ...shown, submissionId: 's2' })]);
    const report = await (await admin(collector, '/api/report')).json();
    expect(report.totals).toMatchObject({ touchpoints: 3, visitors: 1, shown: 2, answered: 1 });
    expect(report.prompts[0]).toMatchObject({ promptId: 'nps', shown: 2, answered: 1, responseRate: 0.5, nps: { score: 100, total: 1 } });
    const secondDay = await (await admin(collector, '/api/report?from=2026-03-02&to=2026-03-03')).json();
    expect(secondDay.totals).toMatchObject({ touchpoints: 1, shown: 1, answered: 0 });
    expect(secondDay.previous).toMatchObject({ from: '2026-03-01', to: '2026-03-02', touchpoints: 2, answered: 1 });
    const empty = await (await admin(collector, '/api/report?from=2999-01-01')).json();
    expect(empty).toMatchObject({ totals: { touchpoints: 0, visitors: 0 }, prompts: [] });
    for (const [query, reason] of [
      ['from=soon', '"from" is not a date'],
      ['interval=month', '"interval" must be day or week'],
      ['colour=red', 'unknown report parameter "colour"'],
      ['from=2026-03-02&to=2026-03-01', 'must be before'],
    ]) {
      const refused = await admin(collector, `/api/report?${query}`);
      expect(refused.status).toBe(400);
      expect((await refused.json()).error).toContain(reason);
    }
  });

  it('removes records older than the retention, and keeps the newer ones', async () => {
    let now = Date.parse('2026-01-01T00:00:00.000Z');
    const collector = await openCollector(await fresh(), { retentionDays: 30, now: () => now });
    await collect(collector, [record('old', 'a'), record('old', 'b')]);
    now += 20 * DAY;
    await collect(collector, [record('new', 'c')]);
    now += 15 * DAY;
    expect(await collector.removeExpired()).toBe(2);
    expect((await exported(collector)).map((row) => row.name)).toEqual(['c']);
  });
});
