// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '../../examples/collector/listen.mjs';
import { summarize } from '../../src/server/summarize.js';

const ROOT = join(import.meta.dirname, '../..');

let dataDir: string;
let collector: RunningCollector;
let summarized: unknown[][] = [];

const touchpoint = (id: string, name = 'purchase', extra: Record<string, unknown> = {}) => ({
  id,
  name,
  props: { amount: 120 },
  ts: '2026-05-01T10:00:00.000Z',
  anonymousId: 'anon-1',
  userId: null,
  sessionId: 'session-1',
  page: { url: 'http://127.0.0.1/shop/', path: '/shop/', referrer: '', title: 'Shop' },
  ...extra,
});
const wire = (batch: unknown[], writeKey = 'demo-shop') => JSON.stringify({ writeKey, sentAt: new Date().toISOString(), sdk: 'waymark@0.1.0', batch });
const post = (body: string, path = '/collect') =>
  fetch(collector.url + path, { method: 'POST', body, headers: { 'content-type': 'text/plain;charset=UTF-8' } });
const lines = () => readFileSync(join(dataDir, 'events.ndjson'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'waymark-collector-'));
  summarized = [];
  collector = await startCollector({
    root: ROOT,
    dataDir,
    port: 0,
    summarize: (touchpoints) => (summarized.push(touchpoints), { prompts: {} }),
  });
});
afterEach(async () => {
  await collector.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('POST /collect', () => {
  it('appends each new touchpoint to events.ndjson, tagged with its write key', async () => {
    const response = await post(wire([touchpoint('a'), touchpoint('b', 'share')]));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accepted: 2, duplicates: 0, rejected: 0 });
    const stored = lines();
    expect(stored.map((record) => [record.id, record.name, record.writeKey])).toEqual([
      ['a', 'purchase', 'demo-shop'],
      ['b', 'share', 'demo-shop'],
    ]);
    expect(stored[0].props).toEqual({ amount: 120 });
    expect(Date.parse(stored[0].receivedAt)).not.toBeNaN();
  });

  it('deduplicates by id, within a batch, across batches and across restarts', async () => {
    await post(wire([touchpoint('a'), touchpoint('a')]));
    const retry = await post(wire([touchpoint('a'), touchpoint('c')]));
    expect(await retry.json()).toEqual({ accepted: 1, duplicates: 1, rejected: 0 });
    await collector.close();
    collector = await startCollector({ root: ROOT, dataDir, port: 0, summarize: () => ({ prompts: {} }) });
    expect(collector.store.size).toBe(2);
    const afterRestart = await post(wire([touchpoint('c'), touchpoint('d')]));
    expect(await afterRestart.json()).toEqual({ accepted: 1, duplicates: 1, rejected: 0 });
    expect(lines().map((record) => record.id)).toEqual(['a', 'c', 'd']);
  });

  it('keeps concurrent batches whole, one line per touchpoint', async () => {
    const batches = Array.from({ length: 20 }, (_, batch) => Array.from({ length: 25 }, (_, index) => touchpoint(`${batch}-${index}`)));
    const answers = await Promise.all(batches.map((batch) => post(wire(batch))));
    expect(answers.every((response) => response.status === 200)).toBe(true);
    const ids = lines().map((record) => record.id);
    expect(ids).toHaveLength(500);
    expect(new Set(ids).size).toBe(500);
  });

  it('refuses bodies that are not the wire format with 400, storing nothing', async () => {
    for (const body of ['not json', '[]', 'null', JSON.stringify({ batch: 'nope' }), JSON.stringify({ writeKey: 'k' })]) {
      const response = await post(body);
      expect(response.status, body).toBe(400);
      expect((await response.json()).error).toBeTypeOf('string');
    }
    expect(collector.store.size).toBe(0);
  });

  it('skips and counts single records without an id, a name or a valid time', async () => {
    const response = await post(wire([touchpoint('ok'), { name: 'x', ts: '2026-01-01T00:00:00Z' }, touchpoint('bad-ts', 'x', { ts: 'yesterday' }), touchpoint('', 'x')]));
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0, rejected: 3 });
    expect(lines().map((record) => record.id)).toEqual(['ok']);
  });

  it('answers 413 to bodies over 1 MiB, so the SDK splits the batch', async () => {
    const big = touchpoint('big', 'x', { props: { text: 'x'.repeat(1024 * 1024) } });
    const response = await post(wire([big]));
    expect(response.status).toBe(413);
  });

  it('is CORS-simple: any origin may post text/plain, and a preflight is answered anyway', async () => {
    const response = await fetch(collector.url + '/collect', {
      method: 'POST',
      body: wire([touchpoint('x')]),
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'http://shop.example' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await fetch(collector.url + '/collect', {
      method: 'OPTIONS',
      headers: { origin: 'http://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-api-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect((await fetch(collector.url + '/collect')).status).toBe(405);
  });
});

describe('the report API', () => {
  it('summarizes the stored touchpoints, optionally of one write key', async () => {
    await post(wire([touchpoint('a'), touchpoint('b', 'share', { anonymousId: 'anon-2' })]));
    await post(wire([touchpoint('c')], 'playground'));
    const all = await (await fetch(collector.url + '/api/summary')).json();
    expect(all).toMatchObject({ events: 3, visitors: 2, sources: { 'demo-shop': 2, playground: 1 }, summary: { prompts: {} } });
    const shop = await (await fetch(collector.url + '/api/summary?writeKey=demo-shop')).json();
    expect(shop.events).toBe(2);
    expect((summarized.at(-1) as Array<{ id: string }>).map((record) => record.id)).toEqual(['a', 'b']);
  });

  it('answers with summarize() of waymark/server over what it stored', async () => {
    await collector.close();
    collector = await startCollector({ root: ROOT, dataDir, port: 0, summarize });
    const answer = (id: string, score: number) =>
      touchpoint(id, '$prompt_answered', { props: { promptId: 'nps', kind: 'nps', submissionId: id, score, complete: true } });
    await post(wire([touchpoint('s1', '$prompt_shown', { props: { promptId: 'nps', kind: 'nps', submissionId: 'a1' } }), answer('a1', 10), answer('a2', 3)]));
    await post(wire([answer('a1', 10)])); // a retry: deduplicated
    const { summary } = await (await fetch(collector.url + '/api/summary')).json();
    expect(summary.prompts.nps).toMatchObject({ shown: 1, answered: 2, nps: { score: 0, promoters: 1, detractors: 1, total: 2 } });
  });

  it('lists the latest events, newest first', async () => {
    await post(wire([touchpoint('a'), touchpoint('b'), touchpoint('c')]));
    const latest = await (await fetch(collector.url + '/api/events?limit=2')).json();
    expect(latest.map((record: { id: string }) => record.id)).toEqual(['c', 'b']);
  });

  it('streams an event to live report pages when touchpoints arrive', async () => {
    const controller = new AbortController();
    const response = await fetch(collector.url + '/api/stream', { signal: controller.signal });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const until = async (text: string) => {
      while (!received.includes(text)) received += decoder.decode((await reader.read()).value);
    };
    await until('event: hello');
    await post(wire([touchpoint('a'), touchpoint('b')]));
    await until('event: append');
    expect(received).toContain('"added":2');
    controller.abort();
  });
});

describe('static files', () => {
  it('serves the demo pages and dist/, with pretty URLs', async () => {
    const home = await fetch(collector.url + '/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    const cart = await fetch(collector.url + '/shop/cart');
    expect(await cart.text()).toContain('data-endpoint="/collect"');
    const config = await fetch(collector.url + '/shop/waymark.json');
    expect((await config.json()).version).toBe(1);
    const redirect = await fetch(collector.url + '/shop', { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/shop/');
    expect((await fetch(collector.url + '/dist/waymark.js')).status).toBe(200);
  });

  it('falls back to the SPA page for its client-side routes', async () => {
    const route = await fetch(collector.url + '/spa/pricing');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="app"');
  });

  it('never serves files outside the demo folders', async () => {
    for (const path of ['/package.json', '/.data/events.ndjson', '/src/index.ts', '/node_modules/preact/package.json', '/dist/%2e%2e/package.json', '/shop/..%2f..%2fpackage.json']) {
      expect((await fetch(collector.url + path)).status, path).toBe(404);
    }
  });
});

describe('listening', () => {
  it('binds to 127.0.0.1 and moves to the next port when the first is busy', async () => {
    const blocker = createServer();
    const busy = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    const second = await startCollector({ root: ROOT, dataDir, port: busy, summarize: () => ({}) });
    try {
      expect(second.port).not.toBe(busy);
      expect(second.port).toBeGreaterThan(busy);
      expect(second.url).toBe(`http://127.0.0.1:${second.port}`);
    } finally {
      await second.close();
      blocker.close();
    }
  });

  it('skips a line cut short by a crash and keeps the rest', async () => {
    await collector.close();
    writeFileSync(join(dataDir, 'events.ndjson'), JSON.stringify(touchpoint('a')) + '\n{"id":"b","na');
    collector = await startCollector({ root: ROOT, dataDir, port: 0, summarize: () => ({}) });
    expect(collector.store.size).toBe(1);
    expect(collector.store.skippedLines).toBe(1);
    await post(wire([touchpoint('c')]));
    const text = readFileSync(join(dataDir, 'events.ndjson'), 'utf8');
    expect(text.split('\n').at(-2)).toBe(JSON.stringify(collector.store.all()[1]));
    expect(collector.store.all().map((record) => record.id)).toEqual(['a', 'c']);
  });
});
