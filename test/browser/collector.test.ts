import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRecords, visitor } from '../collector-load/records.mjs';
import { startServeProcess, type ServeProcess } from '../collector-load/serve.mjs';
import { hasChromium, launchBrowser, ROOT, startServer, type BrowserHandle, type TestServer } from './harness.js';

const ADMIN_TOKEN = 'e2e-admin';
const folder = mkdtempSync(join(tmpdir(), 'waymark-e2e-collector-'));
let pages: TestServer;
let collector: ServeProcess;
let browser: BrowserHandle;

beforeAll(async () => {
  pages = await startServer();
  collector = await startServeProcess({
    db: join(folder, 'db'),
    writeKeys: ['e2e-key'],
    adminToken: ADMIN_TOKEN,
    config: join(ROOT, 'test/browser/pages/collector/waymark.json'),
    origins: [pages.url],
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await collector?.stop();
  await pages?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe.skipIf(!hasChromium())('the built SDK in Chromium delivering to waymark serve on another origin', () => {
  it('stores every record, and the page adopts the points the server computed', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${pages.url}/test/browser/pages/collector/index.html?collector=${encodeURIComponent(collector.url)}`);
    await page.waitForFunction(() => typeof (window as { waymark?: { ready?: unknown } }).waymark?.ready === 'function');
    await page.evaluate(async () => {
      const wm = (window as unknown as { waymark: { ready(): Promise<void>; track(name: string): void; flush(): Promise<unknown> } }).waymark;
      await wm.ready();
      for (let n = 0; n < 5; n++) wm.track('share');
      await wm.flush();
    });
    let shares: Array<Record<string, unknown>> = [];
    for (const deadline = Date.now() + 20_000; shares.length < 5 && Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
      shares = (await exportRecords(collector.url, ADMIN_TOKEN)).filter((row) => row.name === 'share');
    }
    expect(shares).toHaveLength(5);
    const anonymousId = String(shares[0]!.anonymousId);
    // Three a day, whatever the page sent: the server's cap.
    expect(((await visitor(collector.url, ADMIN_TOKEN, anonymousId)) as { profile: unknown }).profile).toEqual({ points: 60, tier: 'silver', lifetime: 60 });

    // The backend confirms an order; the page learns the balance from its next answer, as its own ledger never counts a trusted rule.
    const order = {
      id: `order-${anonymousId}`,
      name: 'order_confirmed',
      props: { amount: 100 },
      ts: new Date().toISOString(),
      anonymousId,
      userId: null,
      sessionId: '',
      page: { url: '', path: '', referrer: '', title: '' },
    };
    const backend = await fetch(`${collector.url}/api/touchpoints`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ batch: [order] }),
    });
    expect(backend.status).toBe(200);
    await page.evaluate(async () => {
      const wm = (window as unknown as { waymark: { track(name: string): void; flush(): Promise<unknown> } }).waymark;
      wm.track('product_view');
      await wm.flush();
    });
    await page.waitForFunction(() => (window as unknown as { waymark: { state: { points: { value: number } } } }).waymark.state.points.value === 160, null, {
      timeout: 20_000,
    });
  });
});
