import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '../../examples/collector/listen.mjs';
import { launchBrowser, ROOT, type BrowserHandle } from './harness.js';

/**
 * The demo as a newcomer runs it (`npm start`): the real collector serving the shop, which
 * loads dist/waymark.js with one script tag, and the collector's own /report page.
 */
let collector: RunningCollector;
let browser: BrowserHandle;
let dataDir: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'waymark-demo-'));
  collector = await startCollector({ root: ROOT, dataDir, port: 0 });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await collector?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
  await page.goto(collector.url + path);
  return page;
}
/** The script tag replaced its stub queue with the instance. */
const sdkLoaded = (page: Page) =>
  page.waitForFunction(
    () => {
      const waymark = (window as { waymark?: unknown }).waymark;
      return waymark !== undefined && !Array.isArray(waymark);
    },
    null,
    { timeout: 10_000 },
  );
type StoredRecord = { id: string; name: string; anonymousId: string; writeKey: string; props: Record<string, unknown>; page?: { path: string } };
/** What the collector stored, read as an admin does: its NDJSON export. */
const stored = async (): Promise<StoredRecord[]> => {
  const response = await fetch(`${collector.url}/api/export?format=ndjson`, { headers: { authorization: `Bearer ${collector.adminToken}` } });
  expect(response.status).toBe(200);
  return (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
};
const storedNames = async () => (await stored()).map((record) => record.name);

/**
 * A visitor reads each page for a moment. The profile is persisted about once a second (and
 * on pagehide, which a fast next page can outrun), so leaving a page at once can lose its
 * counts from the local profile (the touchpoints are still delivered): pace like a person.
 */
const settle = async (page: Page) => {
  await page.evaluate(() => (window as unknown as { waymark: { ready(): Promise<void> } }).waymark.ready());
  await page.waitForTimeout(1_200);
};

/** The element focused inside the prompt's shadow root, described for assertions. */
const focusedInPrompt = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector('waymark-prompt')?.shadowRoot?.activeElement;
    return active ? { role: active.getAttribute('role'), tag: active.tagName.toLowerCase(), text: active.textContent ?? '' } : null;
  });

describe('the demo shop, end to end', () => {
  it('browse, add to cart, check out, answer the NPS with the keyboard, and see it counted in the report', async () => {
    const shop = await open('/shop/');
    await sdkLoaded(shop);

    // Browse two products (the visitor reaches "consideration") and add one to the cart.
    await shop.getByRole('link', { name: /Trail Runner/ }).click();
    await shop.getByRole('heading', { name: 'Trail Runner' }).waitFor();
    await shop.getByRole('button', { name: 'Add to cart' }).click();
    await shop.getByRole('link', { name: '← Keep browsing' }).click();
    await shop.getByRole('link', { name: /Rain Jacket/ }).click();
    await shop.getByRole('button', { name: 'Add to cart' }).click();
    await shop.getByRole('link', { name: 'Cart (2)' }).click();
    await expect.poll(() => shop.getByTestId('cart-total').textContent()).toBe('Total $260.00');

    // Check out: the order confirmation tracks the purchase; the NPS follows two seconds later.
    await shop.getByRole('link', { name: 'Checkout' }).click();
    await shop.getByRole('button', { name: 'Place order' }).click();
    await shop.getByRole('heading', { name: /Your order is confirmed/ }).waitFor();
    const dialog = shop.getByRole('dialog');
    await dialog.waitFor({ timeout: 15_000 });
    await expect.poll(() => dialog.textContent()).toContain('How likely are you to recommend Ridgeline');

    // Keyboard only: Tab to the 0–10 scale, arrow to 9, Tab to the follow-up, type, submit.
    for (let presses = 0; presses < 6 && (await focusedInPrompt(shop))?.role !== 'radio'; presses++) await shop.keyboard.press('Tab');
    expect(await focusedInPrompt(shop)).toMatchObject({ role: 'radio', text: '0' });
    for (let step = 0; step < 9; step++) await shop.keyboard.press('ArrowRight');
    expect(await focusedInPrompt(shop)).toMatchObject({ role: 'radio', text: '9' });
    await shop.keyboard.press('Tab');
    expect(await focusedInPrompt(shop)).toMatchObject({ tag: 'textarea' });
    await shop.keyboard.type('Quick delivery, great shoes');
    await shop.keyboard.press('Tab');
    await shop.keyboard.press('Enter');
    await expect.poll(() => dialog.textContent()).toContain('Thank you for your feedback!');

    // The collector stored the whole journey, deduplicated, in its database.
    await expect
      .poll(async () => (await stored()).some((record) => record.name === '$prompt_answered' && (record.props as { complete?: boolean }).complete), {
        timeout: 15_000,
      })
      .toBe(true);
    const names = await storedNames();
    for (const name of ['$page_view', 'product_view', 'add_to_cart', 'checkout_started', 'purchase', '$points', '$prompt_shown', '$prompt_answered']) {
      expect(names, name).toContain(name);
    }
    const records = await stored();
    const answer = records.find((record) => record.name === '$prompt_answered' && (record.props as { complete?: boolean }).complete);
    expect(answer?.props).toMatchObject({ promptId: 'nps-after-purchase', kind: 'nps', score: 9, band: 'promoter', comment: 'Quick delivery, great shoes' });
    expect(answer?.writeKey).toBe('demo-shop');
    expect(new Set(records.map((record) => record.id)).size).toBe(records.length);

    // The collector's report page (opened with the admin token the demo prints) counts it: one answer, a promoter, NPS 100.
    const report = await open(collector.reportUrl.slice(collector.url.length));
    await expect.poll(() => report.getByTestId('kpi-nps-after-purchase').textContent(), { timeout: 10_000 }).toBe('NPS 100 (n=1)');
    expect(await report.locator('[data-testid="prompt-nps-after-purchase"] svg[data-chart="columns"] rect').count()).toBe(11);
    expect(await report.locator('svg[data-chart="funnel"]').count()).toBe(1);

    // Live: another visitor's detractor answer arrives while the report is open.
    const touchpoint = (id: string, name: string, props: Record<string, unknown>) => ({
      id,
      name,
      props,
      ts: new Date().toISOString(),
      anonymousId: 'other-visitor',
      userId: null,
      sessionId: 's2',
      page: { url: `${collector.url}/shop/order`, path: '/shop/order', referrer: '', title: '' },
    });
    const body = {
      writeKey: 'demo-shop',
      sentAt: new Date().toISOString(),
      sdk: 'test',
      batch: [
        touchpoint('live-1', '$prompt_shown', { promptId: 'nps-after-purchase', kind: 'nps', submissionId: 'live' }),
        touchpoint('live-2', '$prompt_answered', { promptId: 'nps-after-purchase', kind: 'nps', submissionId: 'live', score: 2, complete: true }),
      ],
    };
    expect((await fetch(`${collector.url}/collect`, { method: 'POST', body: JSON.stringify(body) })).status).toBe(200);
    await report.reload();
    await expect.poll(() => report.getByTestId('kpi-nps-after-purchase').textContent(), { timeout: 10_000 }).toBe('NPS 0 (n=2)');

    expect(pageErrors).toEqual([]);
    await Promise.all([shop.close(), report.close()]);
  });

  it('the SPA: client-side routes are page views, and a signup asks the effort question', async () => {
    const app = await open('/spa/');
    await app.getByRole('heading', { name: /Know every visitor/ }).waitFor();
    await app.evaluate(() => ((window as { loadedOnce?: boolean }).loadedOnce = true));
    await app.getByRole('link', { name: 'Features' }).first().click();
    await app.getByRole('heading', { name: 'Features' }).waitFor();
    await app.getByRole('link', { name: 'Pricing' }).click();
    await app.getByRole('heading', { name: 'Pricing' }).waitFor();
    // Routed on the client: the page never reloaded.
    expect(await app.evaluate(() => (window as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    await expect.poll(() => app.getByTestId('stage').textContent()).toBe('journey stage: evaluating');

    await app.getByRole('link', { name: 'Sign up' }).click();
    await app.getByRole('button', { name: 'Start free trial' }).click();
    const dialog = app.getByRole('dialog');
    await dialog.waitFor({ timeout: 10_000 });
    await dialog.getByRole('radio', { name: '6' }).click();
    await dialog.getByRole('button', { name: 'Submit' }).click();

    const fromSpa = async () => (await stored()).filter((record) => record.writeKey === 'demo-spa');
    await expect.poll(async () => (await fromSpa()).some((record) => record.name === '$prompt_answered'), { timeout: 15_000 }).toBe(true);
    const spaRecords = await fromSpa();
    const paths = spaRecords.filter((record) => record.name === '$page_view').map((record) => (record.page as { path: string }).path);
    expect(paths).toEqual(expect.arrayContaining(['/spa/', '/spa/features', '/spa/pricing', '/spa/signup', '/spa/welcome']));
    const answer = spaRecords.find((record) => record.name === '$prompt_answered');
    expect(answer?.props).toMatchObject({ promptId: 'signup-effort', kind: 'rating', score: 6, metric: 'ces', max: 7 });
    expect(pageErrors).toEqual([]);
    await app.close();
  });

  it('one walk through the shop shows every prompt kind (toasts, star rating, exit survey, NPS, redeem offer, a poll from the Feedback tab), and redeeming takes $5 off the order', async () => {
    const shop = await open('/shop/');
    await sdkLoaded(shop);
    await Promise.all([shop.waitForEvent('load'), shop.getByRole('button', { name: 'Start over as a new visitor' }).click()]);
    await sdkLoaded(shop);
    const prompt = shop.locator('waymark-prompt');
    const promptText = () => shop.evaluate(() => document.querySelector('waymark-prompt')?.shadowRoot?.textContent ?? '');
    const closePrompt = async () => {
      await prompt.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => prompt.count()).toBe(0);
    };

    // Joining earns 10 points: a toast says so, with the way to the next tier.
    await shop.getByRole('button', { name: /Join the club/ }).click();
    await expect.poll(promptText).toContain('+10 points!');
    expect(await promptText()).toContain('490 more to reach Silver');
    await closePrompt();

    // The third product viewed asks for a star rating (non-modal).
    for (const product of ['Trail Runner', 'City Sneaker', 'Rain Jacket']) {
      await shop.goto(`${collector.url}/shop/`);
      await shop.getByRole('link', { name: new RegExp(product) }).click();
      await shop.getByRole('heading', { name: product }).waitFor();
      await settle(shop);
    }
    await expect.poll(promptText).toContain("How satisfied are you with finding what you're looking for?");
    await prompt.getByRole('radio', { name: '4' }).click();
    await prompt.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(promptText).toContain('Thank you!');

    // With the cart full, leaving the cart page through the top of the window asks why.
    await shop.getByRole('button', { name: 'Add to cart' }).click();
    await settle(shop);
    await shop.goto(`${collector.url}/shop/product?id=trail-runner`);
    await shop.getByRole('button', { name: 'Add to cart' }).click();
    await settle(shop);
    await shop.getByRole('link', { name: 'Cart (2)' }).click();
    await shop.getByTestId('cart-total').waitFor();
    await shop.waitForTimeout(5_500); // the exit-intent detector waits out a minimum dwell
    await shop.mouse.move(640, 400);
    await shop.mouse.move(640, 6, { steps: 5 });
    await shop.mouse.move(640, -12);
    await expect.poll(promptText).toContain('what stopped you from checking out today?');
    await prompt
      .getByRole('checkbox', { name: 'Price' })
      .or(prompt.getByRole('radio', { name: 'Price' }))
      .click();
    await prompt.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(promptText).toContain('Thank you!');

    // The purchase ($260 → 250 points) brings the NPS; dismissed this time.
    await shop.getByRole('link', { name: 'Checkout' }).click();
    await shop.getByRole('button', { name: 'Place order' }).click();
    await shop.getByRole('dialog').waitFor({ timeout: 15_000 });
    await shop.keyboard.press('Escape');
    await expect.poll(() => prompt.count()).toBe(0);
    await expect.poll(() => shop.getByTestId('loyalty').textContent()).toBe('★ 260 points · Bronze');

    // Telling a friend earns 20 more, with a second toast: the sixth prompt of the session.
    await shop.getByRole('button', { name: 'Tell a friend' }).click();
    await expect.poll(promptText).toContain('+20 points!');
    await closePrompt();
    await expect.poll(() => shop.getByTestId('loyalty').textContent()).toBe('★ 280 points · Bronze');
    await settle(shop);

    // Back on the cart with 200+ points: the redeem offer; redeeming spends 200 and the cart takes $5 off.
    await shop.goto(`${collector.url}/shop/product?id=wool-beanie`);
    await shop.getByRole('button', { name: 'Add to cart' }).click();
    await settle(shop);
    await shop.getByRole('link', { name: 'Cart (1)' }).click();
    await expect.poll(() => shop.getByTestId('cart-total').textContent()).toBe('Total $25.00');
    expect(await shop.getByTestId('cart-discount').count()).toBe(0);
    await expect.poll(promptText).toContain('Spend 200 of your 280 points on this order?');
    await prompt.getByRole('button', { name: 'Redeem' }).click();
    await expect.poll(() => shop.getByTestId('loyalty').textContent()).toBe('★ 80 points · Bronze');
    await expect.poll(() => shop.getByTestId('cart-discount').textContent()).toBe('★ Points reward: $5 off−$5.00');
    expect(await shop.getByTestId('cart-total').textContent()).toBe('Total $20.00');
    await shop.getByRole('link', { name: 'Checkout' }).click();
    expect(await shop.getByTestId('checkout-total').textContent()).toBe('To pay $20.00');

    // The Feedback tab at the page's edge opens the poll when the visitor asks; the vote shows the collector's shares.
    await shop.locator('waymark-launcher').getByRole('button', { name: 'Feedback' }).click();
    await prompt.getByRole('radio', { name: 'Just looking' }).click();
    await prompt.getByRole('button', { name: 'Vote' }).click();
    await expect.poll(promptText).toContain('Just looking 100% (your vote)');

    await expect.poll(async () => (await storedNames()).filter((name) => name === '$redeem').length, { timeout: 15_000 }).toBe(1);
    const names = await storedNames();
    const records = await stored();
    // This walk's visitor is the one who redeemed; the first test's visitor shopped too.
    const walker = records.find((record) => record.name === '$redeem')?.anonymousId;
    const shownIds = records
      .filter((record) => record.anonymousId === walker && record.name === '$prompt_shown')
      .map((record) => (record.props as { promptId: string }).promptId);
    expect(records.find((record) => record.name === '$redeem')?.writeKey).toBe('demo-shop');
    expect(new Set(shownIds)).toEqual(new Set(['nps-after-purchase', 'points-toast', 'find-rating', 'cart-exit', 'redeem-offer', 'shop-feedback']));
    // Six prompts in one session, the two toasts included (the session cap leaves room for the whole walk), and the poll the visitor opened.
    expect(shownIds).toHaveLength(7);
    expect(names).toContain('$prompt_dismissed');
    expect(pageErrors).toEqual([]);
  });
});
