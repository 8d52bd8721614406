import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, startServer, waitUntil, type BrowserHandle, type TestServer } from './harness.js';

const PAGE = '/test/browser/pages/hostile-close/index.html';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface PageError {
  code: string;
  message: string;
  details?: { reason?: string; count?: number };
}

let server: TestServer;
let browser: BrowserHandle;
let extraServer: Server | undefined;
afterEach(async () => {
  await browser?.close();
  await server?.close();
  extraServer?.closeAllConnections();
  await new Promise((resolve) => (extraServer ? extraServer.close(resolve) : resolve(undefined)));
  extraServer = undefined;
});

async function open(options: Record<string, unknown> = {}): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}${PAGE}#${encodeURIComponent(JSON.stringify(options))}`);
  await page.waitForFunction(() => typeof (window as { trackMany?: unknown }).trackMany === 'function');
  return page;
}

const errorsOf = (page: Page) => page.evaluate(() => (window as unknown as { errors: PageError[] }).errors);
const received = () => server.batches.flatMap((batch) => batch.body.batch);

function print(name: string, figures: Record<string, unknown>) {
  console.log(
    `[hostile] ${name}: ${Object.entries(figures)
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(' ')}`,
  );
}

describe.skipIf(!hasChromium())('issue 18 in Chromium: poisoned batches and collectors without CORS', () => {
  it('18.8 a 400 for one oversized record drops only that record', async () => {
    server = await startServer();
    browser = await launchBrowser();
    // Like Segment for an event over its limit: the whole batch is refused with a 400.
    server.respond = (_request, body) => {
      const records = (JSON.parse(body) as { batch: unknown[] }).batch;
      return records.some((record) => JSON.stringify(record).length > 20_000) ? { status: 400 } : { status: 200 };
    };
    const page = await open({ delivery: { flushIntervalMs: 500 } });
    await page.evaluate(() => {
      const wm = (window as unknown as { waymark: { track(name: string, props?: object): void; flush(): Promise<unknown> } }).waymark;
      const bigProps = (window as unknown as { bigProps(bytes: number, extra: object): object }).bigProps;
      wm.track('valid', { n: 1 });
      wm.track('oversized', bigProps(25_000, { n: 2 }));
      wm.track('valid', { n: 3 });
      return wm.flush();
    });
    await waitUntil(() => received().filter((record) => record.name === 'valid').length >= 2, 10_000);
    await sleep(500);
    const stats = await page.evaluate(() => (window as unknown as { waymark: { stats(): { dropped: number; pending: number } } }).waymark.stats());
    const dropReports = (await errorsOf(page)).filter((error) => error.code === 'records_dropped');
    const valid = received().filter((record) => record.name === 'valid').length;
    print('18.8 400 for one record', {
      validDelivered: `${valid}/2`,
      lost: 2 - valid,
      dropped: stats.dropped,
      pending: stats.pending,
      requests: server.requests,
    });
    expect(valid).toBe(2);
    expect(stats.dropped).toBe(1);
    expect(dropReports).toHaveLength(1);
    expect(dropReports[0]!.details?.reason).toMatch(/400/);
  });

  it('18.8 a record over the 32 KB limit is refused at track() with a clear error, in the Segment format too', async () => {
    server = await startServer();
    browser = await launchBrowser();
    for (const format of ['waymark', 'segment']) {
      const page = await open({ format, delivery: { flushIntervalMs: 500 } });
      const stats = await page.evaluate(async () => {
        const wm = (window as unknown as { waymark: { track(name: string, props?: object): void; flush(): Promise<unknown>; stats(): { pending: number } } })
          .waymark;
        const bigProps = (window as unknown as { bigProps(bytes: number, extra: object): object }).bigProps;
        wm.track('too_big', bigProps(40_000, {}));
        return wm.stats();
      });
      const errors = await errorsOf(page);
      print(`18.8 40 KB record (${format})`, { errors: errors.map((error) => error.code).join(','), pendingIncludingPageView: stats.pending });
      expect(errors).toHaveLength(1);
      expect(errors[0]!.code).toBe('invalid_argument');
      expect(errors[0]!.message).toMatch(/too_big.*32768/);
      await page.close();
    }
    await sleep(1000);
    expect(
      received().filter((record) => (record as { name?: string; event?: string }).name === 'too_big' || (record as { event?: string }).event === 'too_big'),
    ).toHaveLength(0);
  });

  it('18.11 a collector that stores but sends no CORS headers gets one clear error and a backoff', async () => {
    server = await startServer();
    browser = await launchBrowser();
    let stored = 0;
    let requests = 0;
    extraServer = createServer((request, response) => {
      requests++;
      request.resume();
      request.on('end', () => {
        if (request.method === 'POST') stored++;
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => extraServer!.listen(0, '127.0.0.1', resolve));
    const address = extraServer.address();
    const endpoint = `http://localhost:${typeof address === 'object' && address ? address.port : 0}/collect`;
    const page = await open({ endpoint, delivery: { flushIntervalMs: 500 } });
    await page.evaluate(() => (window as unknown as { trackMany(count: number, tab: string): void }).trackMany(10, 'cors'));
    await sleep(12_000);
    const failures = (await errorsOf(page)).filter((error) => error.code === 'delivery_failed');
    print('18.11 no CORS headers', { requests, storedByCollector: stored, deliveryFailedErrors: failures.length, message: failures[0]?.message });
    expect(failures).toHaveLength(1);
    expect(failures[0]!.message).toMatch(/CORS/);
    expect(failures[0]!.message).toMatch(/network/);
    expect(failures[0]!.details?.reason).toBe('network_or_cors');
    // Backed off: 1 s, 2 s, 4 s, 8 s… not one request per flush interval.
    expect(requests).toBeLessThanOrEqual(6);
  });
});
