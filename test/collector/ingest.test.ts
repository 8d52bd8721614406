// @vitest-environment node
import { brotliCompressSync, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createCollector } from '../../src/collector/index.js';
import { DATABASES } from './databases.js';
import { openCollector } from './open.js';
import { collect, collectGzip, exported, post, record, wire, WRITE_KEY } from './requests.js';

describe.each(DATABASES)('ingest on $kind', ({ fresh }) => {
  it('stores a wire-format batch once it is committed, with the server receive time beside ts', async () => {
    const collector = await openCollector(await fresh());
    const batch = [record('v1', '$page_view'), record('v1', 'purchase', { amount: 120 }, '2020-01-01T00:00:00.000Z')];
    const before = Date.now();
    const response = await collect(collector, batch);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    const stored = await exported(collector);
    expect(stored.map((row) => row.id)).toEqual(expect.arrayContaining(batch.map((row) => row.id)));
    const purchase = stored.find((row) => row.name === 'purchase')!;
    expect(purchase.ts).toBe('2020-01-01T00:00:00.000Z');
    expect(Date.parse(purchase.receivedAt)).toBeGreaterThanOrEqual(before - 1);
    expect(purchase.props).toEqual({ amount: 120 });
  });

  it('dedupes by id: a resent batch and a repeated id in one batch are duplicates', async () => {
    const collector = await openCollector(await fresh());
    const first = record('v1', 'share');
    await collect(collector, [first]);
    const again = await (await collect(collector, [first, record('v1', 'signup'), { ...first }])).json();
    expect(again).toEqual({ accepted: 1, duplicates: 2, rejected: [] });
    expect(await exported(collector)).toHaveLength(2);
  });

  it('takes the Segment batch format, with Basic auth as the write key', async () => {
    const collector = await openCollector(await fresh());
    const segment = {
      batch: [
        {
          type: 'track',
          event: 'purchase',
          messageId: 'seg-1',
          anonymousId: 'v2',
          timestamp: '2026-01-02T03:04:05.000Z',
          properties: { amount: 10 },
          context: { page: { path: '/cart' } },
        },
        { type: 'page', messageId: 'seg-2', anonymousId: 'v2', timestamp: '2026-01-02T03:04:06.000Z', properties: {} },
        { type: 'alias', messageId: 'seg-3', anonymousId: 'v2', timestamp: '2026-01-02T03:04:07.000Z' },
      ],
    };
    const auth = `Basic ${Buffer.from(`${WRITE_KEY}:`).toString('base64')}`;
    const answer = await (await collector(post('/collect', JSON.stringify(segment), { authorization: auth, 'content-type': 'application/json' }))).json();
    expect(answer.accepted).toBe(2);
    expect(answer.rejected).toEqual([{ index: 2, reason: 'type must be "track", "page" or "identify"' }]);
    const stored = await exported(collector);
    expect(stored.map((row) => [row.id, row.name, row.page.path])).toEqual([
      ['seg-1', 'purchase', '/cart'],
      ['seg-2', '$page_view', ''],
    ]);
  });

  it('reads gzip, deflate and br bodies', async () => {
    const collector = await openCollector(await fresh());
    expect((await (await collectGzip(collector, [record('v3', 'a')])).json()).accepted).toBe(1);
    const deflated = await collector(post('/collect', deflateSync(wire([record('v3', 'b')])), { 'content-encoding': 'deflate' }));
    expect((await deflated.json()).accepted).toBe(1);
    const brotli = await collector(post('/collect', brotliCompressSync(wire([record('v3', 'c')])), { 'content-encoding': 'br' }));
    expect((await brotli.json()).accepted).toBe(1);
    const unknown = await collector(post('/collect', wire([record('v3', 'd')]), { 'content-encoding': 'zstd' }));
    expect(unknown.status).toBe(415);
    expect(await exported(collector)).toHaveLength(3);
  });

  it('rejects malformed records alone, by index, and stores the good ones', async () => {
    const collector = await openCollector(await fresh());
    const good = [record('v4', 'one'), record('v4', 'two')];
    const batch = [
      good[0],
      'text',
      { ...record('v4', 'x'), ts: 'yesterday' },
      { ...record('v4', 'y'), anonymousId: '' },
      { ...record('v4', 'z'), props: [1] },
      good[1],
      { ...record('v4', 'w'), id: 'x'.repeat(500) },
    ];
    const answer = await (await collect(collector, batch)).json();
    expect(answer.accepted).toBe(2);
    expect(answer.rejected.map((entry: { index: number }) => entry.index)).toEqual([1, 2, 3, 4, 6]);
    expect(answer.rejected[1].reason).toMatch(/ts/);
    expect((await exported(collector)).map((row) => row.id).sort()).toEqual(good.map((row) => row.id).sort());
  });

  it('rejects a record Postgres cannot hold (a NUL character, a lone surrogate) alone, and stores the rest of the batch', async () => {
    const collector = await openCollector(await fresh());
    const good = record('v1', 'signup', { plan: 'pro' });
    const nul = record('v1', 'share', { note: 'a\u0000b' });
    const surrogate = record('v1', 'share', { '\ud800key': 1 });
    const neighbour = [record('v2', '$page_view')];
    const [answer, other] = await Promise.all([[good, nul, surrogate], neighbour].map(async (batch) => (await collect(collector, batch)).json()));
    expect(answer).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [
        { index: 1, reason: expect.stringContaining('NUL') },
        { index: 2, reason: expect.stringContaining('surrogate') },
      ],
    });
    expect(other.accepted).toBe(1);
    expect((await exported(collector)).map((row) => row.id).sort()).toEqual([good.id, neighbour[0]!.id].sort());
  });

  it('answers 400 with a reason to a body that is not a batch', async () => {
    const collector = await openCollector(await fresh());
    const notJson = await collector(post('/collect', '{"batch": ['));
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toMatch(/not JSON/);
    const noBatch = await collector(post('/collect', '{"records": []}'));
    expect(noBatch.status).toBe(400);
    expect((await noBatch.json()).error).toMatch(/batch/);
  });

  it('keeps every record across a close and a reopen of the same database', async () => {
    const db = await fresh();
    const first = await openCollector(db);
    await collect(first, [record('v5', 'a'), record('v5', 'b')]);
    await first.close();
    const second = await openCollector(db);
    expect(await exported(second)).toHaveLength(2);
  });
});

describe('a database that cannot be reached', () => {
  it('answers 503 with the reason, and the collector keeps answering', async () => {
    const collector = createCollector({ db: 'postgres://nobody@127.0.0.1:1/none', onError: () => {} });
    await expect(collector.ready()).rejects.toThrow();
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await collect(collector, [record('v6', 'a')]);
      expect(response.status).toBe(503);
      expect((await response.json()).error).toMatch(/database is unavailable/);
    }
    await collector.close();
  });
});
