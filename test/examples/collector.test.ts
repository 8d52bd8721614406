// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startCollector, type RunningCollector } from '../../examples/collector/listen.mjs';

/** The demo as `npm start` runs it: the collector from the built dist/server.mjs, and the demo's pages. */
const ROOT = join(import.meta.dirname, '../..');
const ADMIN_TOKEN = 'demo-test-token';

// Each test opens an embedded database (initdb in WebAssembly): seconds, more on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

let dataDir: string;
let collector: RunningCollector;
const start = (port = 0) => startCollector({ root: ROOT, dataDir, port, adminToken: ADMIN_TOKEN });

const touchpoint = (id: string, name = 'purchase', extra: Record<string, unknown> = {}) => ({
  id,
  name,
  props: { amount: 120 },
  ts: new Date().toISOString(),
  anonymousId: 'anon-1',
  userId: null,
  sessionId: 'session-1',
  page: { url: 'http://127.0.0.1/shop/', path: '/shop/', referrer: '', title: 'Shop' },
  ...extra,
});
const wire = (batch: unknown[], writeKey = 'demo-shop') => JSON.stringify({ writeKey, sentAt: new Date().toISOString(), sdk: 'waymark@0.1.0', batch });
const post = (body: string) => fetch(`${collector.url}/collect`, { method: 'POST', body, headers: { 'content-type': 'text/plain;charset=UTF-8' } });
const admin = (path: string, token = ADMIN_TOKEN) => fetch(collector.url + path, { headers: { authorization: `Bearer ${token}` } });
const stored = async () => {
  const text = await (await admin('/api/export?format=ndjson')).text();
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
};

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'waymark-demo-collector-'));
  collector = await start();
});
afterEach(async () => {
  await collector.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the demo collector', () => {
  it('stores what the shop sends in its embedded database, tagged with the write key and the time received', async () => {
    const response = await post(wire([touchpoint('a'), touchpoint('b', 'share')]));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ accepted: 2, duplicates: 0, rejected: [] });
    const records = await stored();
    expect(records.map((record) => [record.id, record.name, record.writeKey])).toEqual([
      ['a', 'purchase', 'demo-shop'],
      ['b', 'share', 'demo-shop'],
    ]);
    expect(Date.parse(String(records[0]!.receivedAt))).not.toBeNaN();
  });

  it('keeps what it stored across a restart on the same folder, and still deduplicates by id', async () => {
    await post(wire([touchpoint('a'), touchpoint('b')]));
    await collector.close();
    collector = await start();
    const retry = await post(wire([touchpoint('b'), touchpoint('c')]));
    expect(await retry.json()).toMatchObject({ accepted: 1, duplicates: 1 });
    expect((await stored()).map((record) => record.id).sort()).toEqual(['a', 'b', 'c']);
  });

  it("accepts the demo sites' write keys only", async () => {
    for (const key of ['demo-shop', 'demo-spa', 'playground']) expect((await post(wire([touchpoint(`from-${key}`)], key))).status, key).toBe(200);
    expect((await post(wire([touchpoint('stranger')], 'someone-else'))).status).toBe(401);
    expect((await stored()).map((record) => record.id)).not.toContain('stranger');
  });

  it("answers the journey report over the database, behind the demo's admin token", async () => {
    const answer = (id: string, score: number) =>
      touchpoint(id, '$prompt_answered', { props: { promptId: 'nps', kind: 'nps', submissionId: id, score, complete: true } });
    await post(wire([touchpoint('s1', '$prompt_shown', { props: { promptId: 'nps', kind: 'nps', submissionId: 'a1' } }), answer('a1', 10), answer('a2', 3)]));
    await post(wire([answer('a1', 10)])); // a retry: deduplicated
    expect((await fetch(`${collector.url}/api/report`)).status).toBe(401);
    expect((await admin('/api/report', 'wrong')).status).toBe(401);
    const report = await (await admin('/api/report')).json();
    expect(report.prompts.find((prompt: { promptId: string }) => prompt.promptId === 'nps')).toMatchObject({
      shown: 1,
      answered: 2,
      nps: { score: 0, promoters: 1, detractors: 1, total: 2 },
    });
  });

  it('gives the report page its token in the link it prints, as a fragment the browser keeps to itself', () => {
    expect(collector.reportUrl).toBe(`${collector.url}/report/#token=${ADMIN_TOKEN}`);
  });

  it('without a token given, makes one at the first start and keeps it in the data folder across restarts', async () => {
    await collector.close();
    collector = await startCollector({ root: ROOT, dataDir, port: 0 });
    const made = collector.adminToken;
    expect(made).toMatch(/^[\w-]{24}$/);
    expect(readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()).toBe(made);
    expect((await admin('/api/stats', made)).status).toBe(200);
    await collector.close();
    collector = await startCollector({ root: ROOT, dataDir, port: 0 });
    expect(collector.adminToken).toBe(made);
    expect(collector.reportUrl).toBe(`${collector.url}/report/#token=${made}`);
  });
});

describe('static files', () => {
  it('serves the demo pages and dist/, with pretty URLs', async () => {
    const home = await fetch(`${collector.url}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    const cart = await fetch(`${collector.url}/shop/cart`);
    expect(await cart.text()).toContain('data-endpoint="/collect"');
    const config = await fetch(`${collector.url}/shop/waymark.json`);
    expect((await config.json()).version).toBe(1);
    const redirect = await fetch(`${collector.url}/shop`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/shop/');
    expect((await fetch(`${collector.url}/dist/waymark.js`)).status).toBe(200);
    expect(await (await fetch(`${collector.url}/report/`)).text()).toContain('Waymark journey report');
  });

  it('falls back to the SPA page for its client-side routes', async () => {
    const route = await fetch(`${collector.url}/spa/pricing`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="app"');
  });

  it('never serves files outside the demo folders', async () => {
    for (const path of [
      '/package.json',
      '/.data/',
      '/.data/admin-token',
      '/admin-token',
      '/src/index.ts',
      '/node_modules/preact/package.json',
      '/dist/%2e%2e/package.json',
      '/shop/..%2f..%2fpackage.json',
    ]) {
      expect((await fetch(collector.url + path)).status, path).toBe(404);
    }
  });
});

describe('listening', () => {
  it('binds to 127.0.0.1 and moves to the next port when the first is busy', async () => {
    const blocker = createServer();
    const busy = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    await collector.close();
    collector = await start(busy);
    try {
      expect(collector.port).toBeGreaterThan(busy);
      expect(collector.url).toBe(`http://127.0.0.1:${collector.port}`);
    } finally {
      blocker.close();
    }
  });
});
