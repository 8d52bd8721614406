import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startServer, widgetClass, type BrowserHandle, type TestServer } from './harness.js';

/** Real Chromium against dist/: detectors, the prompt controller and its gates, wired by init(). */
const PAGE = '/test/browser/pages/triggers/index.html';

interface Seen {
  name: string;
  props: Record<string, unknown>;
  path: string;
}
declare global {
  interface Window {
    touchpoints: Seen[];
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

async function open(query = '', page?: Page): Promise<Page> {
  page ??= await browser.context.newPage();
  const logs: string[] = [];
  page.on('console', (message) => logs.push(message.text()));
  (page as Page & { logs: string[] }).logs = logs;
  await page.goto(`${server.url}${PAGE}${query}`);
  await page.waitForFunction(() => window.ready === true, null, { timeout: 10_000 });
  return page;
}
const logsOf = (page: Page) => (page as Page & { logs: string[] }).logs;
const seen = (page: Page, name: string) => page.evaluate((wanted) => window.touchpoints.filter((touchpoint) => touchpoint.name === wanted), name);
const waitFor = (page: Page, name: string, timeout = 5_000) =>
  page.waitForFunction((wanted) => window.touchpoints.some((touchpoint) => touchpoint.name === wanted), name, { timeout });
const promptOnScreen = (page: Page) => page.evaluate(() => document.querySelector('waymark-prompt')?.shadowRoot?.textContent ?? null);

/** The pointer goes from mid-page up and out through the top edge; Chromium sends mouseout with no related target. */
async function leaveThroughTop(page: Page) {
  await page.mouse.move(640, 400);
  await page.mouse.move(640, 6, { steps: 5 });
  await page.mouse.move(640, -12);
}

describe('triggers in Chromium', () => {
  it('exit intent fires when the pointer leaves upward through the top, not on load, a <select> or before the dwell', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}${PAGE}?dwell=4`);
    await page.waitForFunction(() => typeof window.wm === 'object');
    // Straight after load, well before the 4 s dwell (CPU may be slow): the pointer leaves through the top.
    await leaveThroughTop(page);
    await page.waitForFunction(() => window.ready === true);
    await page.waitForTimeout(4_100);
    expect(await seen(page, '$exit_intent')).toEqual([]);

    // After the dwell, a pointer that came in from the tab strip and goes straight back.
    await page.mouse.move(640, 12);
    await page.mouse.move(640, 4);
    await page.mouse.move(640, -5);
    // A <select> popup: the browser reports the pointer leaving the document while it is inside it.
    await page.mouse.move(640, 400);
    await page.click('#size');
    await page.evaluate(() => {
      const select = document.querySelector('#size')!;
      const { left, top } = select.getBoundingClientRect();
      select.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: null, clientX: left + 5, clientY: top + 5 }));
    });
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    expect(await seen(page, '$exit_intent')).toEqual([]);
    expect(await promptOnScreen(page)).toBeNull();

    await leaveThroughTop(page);
    await waitFor(page, '$prompt_shown');
    expect((await seen(page, '$exit_intent')).map((touchpoint) => touchpoint.props)).toEqual([{ reason: 'pointer-top' }]);
    expect((await seen(page, '$prompt_shown'))[0]?.props).toMatchObject({ promptId: 'exit-survey', kind: 'exit' });
    expect(await promptOnScreen(page)).toContain('What stopped you today?');
    await page.close();
  });

  it('an SPA route change emits $page_view and cancels a delayed prompt whose path no longer matches', async () => {
    const page = await open();
    await page.evaluate(() => history.pushState({}, '', 'cart'));
    await page.waitForFunction(() => window.touchpoints.some((touchpoint) => touchpoint.name === '$page_view' && touchpoint.path.endsWith('/cart')));
    await page.evaluate(() => window.wm.track('add_to_cart'));
    await page.waitForTimeout(300);
    await page.evaluate(() => history.pushState({}, '', 'products'));
    await page.waitForTimeout(1_500);
    expect(await seen(page, '$prompt_shown')).toEqual([]);
    expect(logsOf(page).some((line) => line.includes('prompt "cart-nps": delay cancelled'))).toBe(true);
    const views = await seen(page, '$page_view');
    expect(views.slice(-2).map((view) => [view.path.split('/').pop(), String(view.props.referrer).split('/').pop()])).toEqual([
      ['cart', 'index.html'],
      ['products', 'cart'],
    ]);

    // Back on the cart (popstate), the same prompt waits out its delay and shows.
    await page.evaluate(() => history.back());
    await page.waitForFunction(() => window.touchpoints.at(-1)?.path.endsWith('/cart'));
    await page.evaluate(() => window.wm.track('add_to_cart'));
    await waitFor(page, '$prompt_shown', 4_000);
    expect((await seen(page, '$prompt_shown'))[0]?.props.promptId).toBe('cart-nps');
    await page.close();
  });

  it('a prompt with cooldownDays is not shown again after a reload, and explain() says why', async () => {
    const page = await open('?ns=cooldown');
    await page.evaluate(() => window.wm.track('article_read'));
    await waitFor(page, '$prompt_shown');
    await page.keyboard.press('Escape');
    await waitFor(page, '$prompt_dismissed');
    expect((await seen(page, '$prompt_dismissed'))[0]?.props).toMatchObject({ promptId: 'helpful', reason: 'escape' });

    // The profile coalesces its IndexedDB writes to one a second; reload after that window.
    await page.waitForTimeout(1_500);
    await open('?ns=cooldown', page);
    await page.evaluate(() => window.wm.track('article_read'));
    await page.waitForTimeout(800);
    expect(await seen(page, '$prompt_shown')).toEqual([]);
    const explanation = await page.evaluate(() => window.wm.explain('helpful'));
    expect(explanation.eligible).toBe(false);
    const cooldown = explanation.gates.find((gate) => gate.gate === 'cooldown');
    expect(cooldown?.pass).toBe(false);
    expect(cooldown?.reason).toMatch(/^cooldown: shown [1-9] seconds? ago, 30 days left$/);
    await page.close();
  });

  it('two tabs never show a prompt at once; answering in one closes its copy in the other', async () => {
    const [first, second] = [await open('?ns=tabs'), await open('?ns=tabs')];
    const onScreen = async () => [await promptOnScreen(first), await promptOnScreen(second)].filter(Boolean).length;
    // Both tabs trigger at the same moment: exactly one shows.
    await Promise.all([first.evaluate(() => window.wm.track('ticket_closed')), second.evaluate(() => window.wm.track('ticket_closed'))]);
    await first.waitForTimeout(800);
    expect(await onScreen()).toBe(1);
    const [shower, other] = (await promptOnScreen(first)) ? [first, second] : [second, first];
    expect((await seen(other, '$prompt_shown')).length).toBe(0);
    const gate = (await other.evaluate(() => window.wm.explain('tabs-csat'))).gates.at(-1);
    expect(gate).toEqual({ gate: 'one at a time', pass: false, reason: 'one at a time: "tabs-csat" is showing in another tab' });

    // Forced into the other tab as well, then answered in the first: the copy closes.
    await other.evaluate(() => window.wm.show('tabs-csat', { force: true }));
    await waitFor(other, '$prompt_shown');
    expect(await onScreen()).toBe(2);
    await shower.locator('waymark-prompt [role=radio]').nth(4).click();
    await shower.locator(`waymark-prompt button${widgetClass('wm-button')}`).click();
    await waitFor(other, '$prompt_dismissed');
    expect((await seen(other, '$prompt_dismissed'))[0]?.props).toMatchObject({ promptId: 'tabs-csat', reason: 'other-tab' });
    expect(await promptOnScreen(other)).toBeNull();
    await shower.waitForFunction(() => window.touchpoints.some((touchpoint) => touchpoint.name === '$prompt_answered' && touchpoint.props.complete));
    expect((await seen(shower, '$prompt_answered')).map((answer) => answer.props)).toEqual([
      expect.objectContaining({ promptId: 'tabs-csat', score: 5, max: 5, scale: 'stars', complete: false }),
      expect.objectContaining({ promptId: 'tabs-csat', score: 5, max: 5, scale: 'stars', complete: true }),
    ]);
    await Promise.all([first.close(), second.close()]);
  });

  it('of two prompts triggered together, the second waits its turn and shows once the first is dismissed', async () => {
    const page = await open('?ns=queue');
    await page.evaluate(() => window.wm.track('order_placed'));
    await waitFor(page, '$prompt_shown');
    expect(await promptOnScreen(page)).toContain('Would you recommend our shop?');
    const trigger = (await page.evaluate(() => window.wm.explain('order-ease'))).gates[0]?.reason;
    expect(trigger).toMatch(/^trigger: on "order_placed" \(queued: waiting for "order-nps" to close, expires in \d+ seconds\)$/);

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.touchpoints.filter((touchpoint) => touchpoint.name === '$prompt_shown').length === 2, null, { timeout: 5_000 });
    expect((await seen(page, '$prompt_dismissed'))[0]?.props).toMatchObject({ promptId: 'order-nps', reason: 'escape' });
    expect((await seen(page, '$prompt_shown')).map((touchpoint) => touchpoint.props.promptId)).toEqual(['order-nps', 'order-ease']);
    expect(await promptOnScreen(page)).toContain('Was checking out easy?');
    expect(logsOf(page).some((line) => line.includes('prompt "order-ease": its turn'))).toBe(true);
    await page.close();
  });

  it('tracks data-waymark clicks and delivers them to the endpoint', async () => {
    const page = await open('?ns=clicks');
    await page.click('#cta b');
    // data-waymark="newsletter_cta" records the event newsletter_cta, as data-umami-event does (issue 11).
    await waitFor(page, 'newsletter_cta');
    expect((await seen(page, 'newsletter_cta'))[0]?.props).toEqual({ ctaPosition: 'hero' });
    await page.evaluate(() => window.wm.flush());
    await expect
      .poll(() => server.batches.flatMap((batch) => batch.body.batch).filter((record) => record.name === 'newsletter_cta').length, { timeout: 5_000 })
      .toBe(1);
    await page.close();
  });
});
