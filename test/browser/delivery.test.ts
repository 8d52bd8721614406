import type { ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, startServer, waitUntil, type BrowserHandle, type TestServer } from './harness.js';

const PAGE = '/test/browser/pages/delivery/index.html';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: TestServer;
let browser: BrowserHandle;
afterEach(async () => {
  await browser?.close();
  await server?.close();
});

async function start() {
  server = await startServer();
  browser = await launchBrowser();
}

async function open(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url + PAGE);
  await page.waitForFunction(() => typeof (window as { trackMany?: unknown }).trackMany === 'function');
  return page;
}

const trackMany = (page: Page, count: number, tab: string) =>
  page.evaluate(([count, tab]) => (window as unknown as { trackMany(count: number, tab: string): number }).trackMany(count, tab), [count, tab] as const);

/** What reached the sink: distinct test records (by tab and index) and duplicate ids. */
function tally() {
  const records = server.batches.flatMap((batch) => batch.body.batch).filter((record) => record.name === 'delivery_test');
  const ids = new Set(records.map((record) => record.id));
  const distinct = new Set(records.map((record) => `${String(record.props.tab)}:${String(record.props.i)}`));
  return { delivered: distinct.size, received: records.length, duplicates: records.length - ids.size, idsPerRecord: ids.size === distinct.size };
}

function print(name: string, figures: Record<string, unknown>) {
  console.log(
    `[delivery] ${name}: ${Object.entries(figures)
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(' ')}`,
  );
}

describe.skipIf(!hasChromium())('delivery in Chromium', () => {
  it('endpoint answers 503 for 10 s, then 200: all 1,000 records arrive', async () => {
    await start();
    const failUntil = Date.now() + 10_000;
    let failures = 0;
    server.respond = () => (Date.now() < failUntil ? (failures++, { status: 503 }) : { status: 200 });
    const page = await open();
    await trackMany(page, 1000, 'a');
    const arrived = await waitUntil(() => tally().delivered >= 1000, 45_000, 200);
    const figures = tally();
    print('503 for 10 s', {
      delivered: `${figures.delivered}/1000`,
      duplicates: figures.duplicates,
      answered503: failures,
      secondsAfterRecovery: ((Date.now() - failUntil) / 1000).toFixed(1),
    });
    expect(arrived).toBe(true);
    expect(failures).toBeGreaterThan(0);
    expect(figures.idsPerRecord).toBe(true);
  });

  it('200 records tracked and the page closed at once: all 200 ids arrive after it is opened again', async () => {
    await start();
    const page = await open();
    await trackMany(page, 200, 'closed');
    await page.close();
    await sleep(1000);
    const beforeReopen = tally().delivered;
    await open();
    const arrived = await waitUntil(() => tally().delivered >= 200, 20_000, 100);
    const figures = tally();
    print('close at once', { deliveredBeforeReopen: `${beforeReopen}/200`, delivered: `${figures.delivered}/200`, duplicates: figures.duplicates });
    expect(arrived).toBe(true);
    expect(figures.idsPerRecord).toBe(true);
  });

  it('three tabs tracking 300 each at once: 900 distinct ids, under 1 % duplicates, one sender at a time', async () => {
    await start();
    const tabs = await Promise.all([0, 1, 2].map(() => open()));
    await Promise.all(tabs.map((tab, index) => trackMany(tab, 300, `tab${index}`)));
    const arrived = await waitUntil(() => tally().delivered >= 900, 30_000, 100);
    const figures = tally();
    const sends = await Promise.all(tabs.map((tab) => tab.evaluate(() => (window as unknown as { sends: Array<{ start: number; end: number }> }).sends)));
    const spans = sends.flatMap((list, tab) => list.map((send) => ({ ...send, tab })));
    const overlapping = spans.filter((a) => spans.some((b) => a.tab !== b.tab && a.start < (b.end || Infinity) && b.start < (a.end || Infinity))).length;
    print('three tabs', {
      delivered: `${figures.delivered}/900`,
      duplicates: `${figures.duplicates} (${((figures.duplicates / 900) * 100).toFixed(2)} %)`,
      requestsPerTab: sends.map((list) => list.length).join('/'),
      overlappingSends: overlapping,
    });
    expect(arrived).toBe(true);
    expect(figures.duplicates / 900).toBeLessThan(0.01);
    expect(overlapping).toBe(0);
  });

  it('offline for a while, then online: all records arrive', async () => {
    await start();
    const page = await open();
    await browser.context.setOffline(true);
    await trackMany(page, 300, 'offline');
    await sleep(4000); // more than a flush interval
    const whileOffline = tally().delivered;
    const onLineWhileOffline = await page.evaluate(() => navigator.onLine);
    await browser.context.setOffline(false);
    const backAt = Date.now();
    const arrived = await waitUntil(() => tally().delivered >= 300, 20_000, 100);
    const figures = tally();
    print('offline then online', {
      deliveredWhileOffline: whileOffline,
      navigatorOnLine: onLineWhileOffline,
      delivered: `${figures.delivered}/300`,
      duplicates: figures.duplicates,
      secondsAfterOnline: ((Date.now() - backAt) / 1000).toFixed(1),
    });
    expect(whileOffline).toBe(0);
    expect(arrived).toBe(true);
  });

  it('the sending tab closes mid-request: another tab sends its batch', async () => {
    await start();
    let stalling = true;
    const stalled: ServerResponse[] = [];
    server.route = (request, response) => {
      if (!stalling || request.method !== 'POST' || !request.url?.startsWith('/collect')) return false;
      stalled.push(response);
      return true;
    };
    const first = await open();
    await trackMany(first, 100, 'first');
    await first.evaluate(() => void (window as unknown as { waymark: { flush(): Promise<unknown> } }).waymark.flush()); // not awaited: it stalls
    await waitUntil(() => stalled.length > 0, 10_000);
    const second = await open();
    await trackMany(second, 50, 'second');
    await first.close();
    // The dead tab's requests were never accepted: only a takeover can deliver its records.
    for (const response of stalled.splice(0)) response.writeHead(503).end();
    stalling = false;
    const arrived = await waitUntil(() => tally().delivered >= 150, 20_000, 100);
    const figures = tally();
    print('sender closed mid-request', { delivered: `${figures.delivered}/150`, duplicates: figures.duplicates });
    expect(arrived).toBe(true);
  });

  it('10,000 tracked at once: the calls stay fast and everything arrives within seconds', async () => {
    await start();
    const page = await open();
    await sleep(500); // let start-up work settle
    const startedAt = Date.now();
    const callMs = await trackMany(page, 10_000, 'burst');
    const arrived = await waitUntil(() => tally().delivered >= 10_000, 20_000, 50);
    const seconds = (Date.now() - startedAt) / 1000;
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    const figures = tally();
    print('10,000 at once', {
      trackCallsMs: callMs.toFixed(1),
      delivered: `${figures.delivered}/10000`,
      seconds: seconds.toFixed(2),
      requests: server.requests,
      longestTaskMs: Math.max(0, ...longTasks).toFixed(0),
    });
    expect(arrived).toBe(true);
  });
});
