import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRecords, visitor } from '../collector-load/records.mjs';
import { startServeProcess, type ServeProcess } from '../collector-load/serve.mjs';
import { hasChromium, launchBrowser, ROOT, startServer, type BrowserHandle, type TestServer } from './harness.js';

/** Two browser profiles, one real `waymark serve`: a referral is verified and paid by the collector alone. */
const ADMIN_TOKEN = 'e2e-admin';
const folder = mkdtempSync(join(tmpdir(), 'waymark-e2e-referrals-'));
let pages: TestServer;
let collector: ServeProcess;
let referrer: BrowserHandle;
let friend: BrowserHandle;

beforeAll(async () => {
  pages = await startServer();
  const config = join(ROOT, 'test/browser/pages/referrals/waymark.json');
  collector = await startServeProcess({
    db: join(folder, 'db'),
    writeKeys: ['e2e-key'],
    adminToken: ADMIN_TOKEN,
    config,
    origins: [pages.url],
  });
  [referrer, friend] = await Promise.all([launchBrowser(), launchBrowser()]);
});
afterAll(async () => {
  await Promise.all([referrer?.close(), friend?.close()]);
  await collector?.stop();
  await pages?.close();
  rmSync(folder, { recursive: true, force: true });
});

type PageWaymark = import('../../src/api.js').Waymark & { ready(): Promise<void> };

async function open(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as { waymark?: { ready?: unknown } }).waymark?.ready === 'function');
  await page.evaluate(() => (window as unknown as { waymark: PageWaymark }).waymark.ready());
}
/** Tracks on the page and sends the record at once. */
async function trackAndFlush(page: Page, name: string, props: Record<string, unknown>) {
  await page.evaluate(
    ([name, props]) => {
      const wm = (window as unknown as { waymark: PageWaymark }).waymark;
      wm.track(name as string, props as Record<string, number>);
      return wm.flush();
    },
    [name, props] as const,
  );
}
async function stored(anonymousId: string, name: string, count: number) {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    const rows = (await exportRecords(collector.url, ADMIN_TOKEN)).filter((row) => row.anonymousId === anonymousId && row.name === name);
    if (rows.length >= count) return rows;
  }
  throw new Error(`${count} × ${name} of ${anonymousId} never reached the collector`);
}
const referralEntries = async (anonymousId: string) =>
  ((await visitor(collector.url, ADMIN_TOKEN, anonymousId)) as { ledger: Array<{ rule: string; delta: number }> }).ledger.filter(
    (entry) => entry.rule === '$referral',
  );

describe.skipIf(!hasChromium())('referrals between two browser profiles through waymark serve', () => {
  it('pays the referrer once for a friend, and nothing for a self-referral', async () => {
    const home = `${pages.url}/test/browser/pages/collector/index.html?collector=${encodeURIComponent(collector.url)}`;
    const mine = await referrer.context.newPage();
    await open(mine, home);
    const link = await mine.evaluate(() => (window as unknown as { waymark: PageWaymark }).waymark.referral());
    expect(link?.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(new URL(link!.url).searchParams.get('ref')).toBe(link!.code);
    await mine.evaluate(() => (window as unknown as { waymark: PageWaymark }).waymark.flush());

    // The referrer follows their own link and buys: the collector refuses the self-referral.
    await open(mine, link!.url);
    await trackAndFlush(mine, 'purchase', { amount: 50 });
    const referrerId = String((await stored(String(await anonymousIdOfStored('$referral_code')), 'purchase', 1))[0]!.anonymousId);
    expect(await referralEntries(referrerId)).toEqual([]);

    // A friend in another browser profile arrives with the link, then buys twice.
    const theirs = await friend.context.newPage();
    await open(theirs, link!.url);
    await trackAndFlush(theirs, 'purchase', { amount: 10 });
    await trackAndFlush(theirs, 'purchase', { amount: 30 });
    await trackAndFlush(theirs, 'purchase', { amount: 40 });
    const friendId = String((await stored(await anonymousIdOfStored('$referred', referrerId), 'purchase', 3))[0]!.anonymousId);
    expect(friendId).not.toBe(referrerId);
    expect((await referralEntries(referrerId)).map((entry) => entry.delta)).toEqual([100]);
    expect(await referralEntries(friendId)).toEqual([]);

    // The referrer's page learns the server's balance from its next answer: 5 for the purchase, 100 for the friend.
    await trackAndFlush(mine, 'product_view', {});
    await mine.waitForFunction(() => (window as unknown as { waymark: PageWaymark }).waymark.state.points.value === 105, null, {
      timeout: 20_000,
    });
  });
});

/** The visitor who sent a record of this name (other than `except`), once it is stored. */
async function anonymousIdOfStored(name: string, except?: string): Promise<string> {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    const row = (await exportRecords(collector.url, ADMIN_TOKEN)).find((record) => record.name === name && record.anonymousId !== except);
    if (row) return String(row.anonymousId);
  }
  throw new Error(`no ${name} reached the collector`);
}
