import { describe, expect, it } from 'vitest';
import { exportRecords, visitor } from '../collector-load/records.mjs';
import { hasChromium } from './harness.js';
import { E2E_ADMIN_TOKEN, useServedCollector } from './suite-setup.js';

const e2e = useServedCollector('collector', 'test/browser/pages/collector/waymark.json');

describe.skipIf(!hasChromium())('the built SDK in Chromium delivering to waymark serve on another origin', () => {
  it('stores every record, and the page adopts the points the server computed', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(`${e2e.pages.url}/test/browser/pages/collector/index.html?collector=${encodeURIComponent(e2e.collector.url)}`);
    await page.waitForFunction(() => typeof (window as { waymark?: { ready?: unknown } }).waymark?.ready === 'function');
    await page.evaluate(async () => {
      const wm = (window as unknown as { waymark: { ready(): Promise<void>; track(name: string): void; flush(): Promise<unknown> } }).waymark;
      await wm.ready();
      for (let n = 0; n < 5; n++) wm.track('share');
      await wm.flush();
    });
    let shares: Array<Record<string, unknown>> = [];
    for (const deadline = Date.now() + 20_000; shares.length < 5 && Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
      shares = (await exportRecords(e2e.collector.url, E2E_ADMIN_TOKEN)).filter((row) => row.name === 'share');
    }
    expect(shares).toHaveLength(5);
    const anonymousId = String(shares[0]!.anonymousId);
    // Three a day, whatever the page sent: the server's cap.
    expect(((await visitor(e2e.collector.url, E2E_ADMIN_TOKEN, anonymousId)) as { profile: unknown }).profile).toEqual({
      points: 60,
      tier: 'silver',
      lifetime: 60,
    });

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
    const backend = await fetch(`${e2e.collector.url}/api/touchpoints`, {
      method: 'POST',
      headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
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
