import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChallengeView } from '../../src/rewards/challenge-view.js';
import { hasChromium, launchBrowser, startServer, type BrowserHandle, type TestServer } from './harness.js';

/** Real Chromium on dist/: a challenge's progress survives a reload, shows in its card, and pays once. */
const PAGE = '/test/browser/pages/journeys/index.html';

declare global {
  interface Window {
    ready?: boolean;
    wm: import('../../src/api.js').Waymark;
  }
}

let server: TestServer;
let browser: BrowserHandle;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function load(page: Page) {
  await page.goto(`${server.url}${PAGE}`);
  await page.waitForFunction(() => window.ready === true, null, { timeout: 10_000 });
}
const challenge = (page: Page) => page.evaluate(() => window.wm.state.challenges.value['first-order'] as ChallengeView);
const cardText = (page: Page) => page.evaluate(() => document.querySelector('waymark-prompt')?.shadowRoot?.textContent ?? null);
const delivered = (name: string) => server.batches.flatMap((batch) => batch.body.batch).filter((record) => record.name === name);

describe.skipIf(!hasChromium())('journey rewards in Chromium', () => {
  it('a 3-step challenge completed over two page loads shows its progress and awards once', async () => {
    const page = await browser.context.newPage();
    await load(page);
    expect((await challenge(page)).progress).toBe(0);
    await page.evaluate(() => {
      for (const sku of ['a', 'b', 'c']) window.wm.track('product_view', { sku });
    });
    await page.waitForFunction(() => window.wm.state.challenges.value['first-order']?.progress === 0.6);
    // The card the progress triggered: {progress} and the steps with their state.
    await page.waitForFunction(() => /60% done/.test(document.querySelector('waymark-prompt')?.shadowRoot?.textContent ?? ''), null, {
      timeout: 10_000,
    });
    const card = await cardText(page);
    expect(card).toContain('✓ View 3 products 3/3');
    expect(card).toContain('○ Add one to the cart 0/1');
    await page.evaluate(() => window.wm.flush());

    // Second page load: the attempt is restored from storage, then finished.
    await load(page);
    expect(await challenge(page)).toMatchObject({ progress: 0.6, completed: 0, open: true });
    await page.evaluate(() => {
      window.wm.track('add_to_cart', { sku: 'a' });
      window.wm.track('purchase', { amount: 30 });
    });
    await page.waitForFunction(() => window.wm.state.challenges.value['first-order']?.completed === 1);
    expect(await page.evaluate(() => window.wm.state.points.value)).toBe(130);
    expect(await challenge(page)).toMatchObject({ completed: 1, open: false, progress: 0 });
    // The same steps again pay the purchase only.
    await page.evaluate(() => {
      for (const sku of ['d', 'e', 'f']) window.wm.track('product_view', { sku });
      window.wm.track('add_to_cart', { sku: 'd' });
      window.wm.track('purchase', { amount: 20 });
    });
    await page.waitForFunction(() => window.wm.state.points.value === 150);
    await page.evaluate(() => window.wm.flush());

    expect(delivered('$challenge_completed').map((record) => record.props)).toEqual([
      expect.objectContaining({ challenge: 'first-order', points: 100, completions: 1 }),
    ]);
    expect(delivered('$points').filter((record) => record.props.rule === 'first-order')).toHaveLength(1);
    expect(delivered('$challenge_progress').map((record) => record.props.progress)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    await page.close();
  });
});
