import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startServer, type BrowserHandle, type TestServer } from './harness.js';

/** Real Chromium against dist/: where prompts appear (inline) and when they leave (route changes), wired by init(), down to the sink. */
const PAGE = '/test/browser/pages/placement/index.html';

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

async function open(ns: string): Promise<Page> {
  const page = await browser.context.newPage();
  const logs: string[] = [];
  page.on('console', (message) => logs.push(message.text()));
  (page as Page & { logs: string[] }).logs = logs;
  await page.goto(`${server.url}${PAGE}?ns=${ns}`);
  await page.waitForFunction(() => window.ready === true, null, { timeout: 10_000 });
  return page;
}
const logsOf = (page: Page) => (page as Page & { logs: string[] }).logs;
const waitFor = (page: Page, name: string) =>
  page.waitForFunction((wanted) => window.touchpoints.some((touchpoint) => touchpoint.name === wanted), name, { timeout: 5_000 });
/** What reached the collector's sink for one prompt, by touchpoint name. */
const atSink = (promptId: string) =>
  server.batches
    .flatMap((batch) => batch.body.batch)
    .filter((record) => record.props?.promptId === promptId)
    .map((record) => record.name);
const focused = (page: Page) =>
  page.evaluate(() => {
    const inner = document.activeElement?.shadowRoot?.activeElement ?? document.activeElement;
    return inner?.getAttribute('aria-label') ?? inner?.textContent?.trim() ?? inner?.id;
  });

describe('inline prompts in Chromium', () => {
  it('mounts into its container in the page flow, takes no focus, and is answered with the keyboard alone', async () => {
    const page = await open('inline');
    await page.focus('#before');
    await page.evaluate(() => window.wm.track('order_confirmed'));
    await waitFor(page, '$prompt_shown');
    const layout = await page.evaluate(() => {
      const host = document.querySelector('#feedback-slot > waymark-prompt') as HTMLElement;
      const panel = host.shadowRoot!.querySelector('[role=dialog]')!;
      return {
        position: getComputedStyle(host).position,
        panelPosition: getComputedStyle(panel).position,
        modal: panel.getAttribute('aria-modal'),
        // In the flow: the paragraph after the slot moved down below the prompt.
        pushedDown: document.querySelector('#after')!.getBoundingClientRect().top >= panel.getBoundingClientRect().bottom,
      };
    });
    expect(layout).toEqual({ position: 'static', panelPosition: 'relative', modal: null, pushedDown: true });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');

    await page.keyboard.press('Tab'); // into the prompt, right after the button in the page's order
    for (const key of ['End', 'Home', 'ArrowRight', ' ', 'Tab']) await page.keyboard.press(key);
    expect(await focused(page)).toBe('Submit');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.touchpoints.some((touchpoint) => touchpoint.name === '$prompt_answered' && touchpoint.props.complete === true));
    const answered = await page.evaluate(() => window.touchpoints.filter((touchpoint) => touchpoint.name === '$prompt_answered').at(-1)?.props);
    expect(answered).toMatchObject({ promptId: 'inline-csat', score: 2, complete: true });
    await page.evaluate(() => window.wm.flush());
    await expect.poll(() => atSink('inline-csat'), { timeout: 5_000 }).toEqual(['$prompt_shown', '$prompt_answered', '$prompt_answered']);
    await page.close();
  });

  it('a prompt whose target is missing is not shown, throws nothing, and explain() says why', async () => {
    const page = await open('missing');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.evaluate(() => window.wm.track('article_read'));
    await expect.poll(() => logsOf(page).some((line) => line.includes('its inline target #no-such-slot is not on the page'))).toBe(true);
    expect(await page.evaluate(() => document.querySelector('waymark-prompt'))).toBeNull();
    const gate = (await page.evaluate(() => window.wm.explain('inline-missing'))).gates.find((report) => report.gate === 'inline target');
    expect(gate?.reason).toBe('inline target: its inline target #no-such-slot is not on the page');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('page-scoped prompts in Chromium', () => {
  it('an SPA route change away from the page that triggered a prompt closes it, and the dismissal reaches the sink', async () => {
    const page = await open('route');
    await page.evaluate(() => history.pushState({}, '', 'pricing'));
    await waitFor(page, '$prompt_shown');
    expect(await page.evaluate(() => document.querySelector('waymark-prompt')?.shadowRoot?.textContent)).toContain('recommend our plans');
    await page.evaluate(() => history.pushState({}, '', 'docs'));
    await waitFor(page, '$prompt_dismissed');
    expect(await page.evaluate(() => document.querySelector('waymark-prompt'))).toBeNull();
    const trigger = (await page.evaluate(() => window.wm.explain('pricing-nps'))).gates[0]?.reason;
    expect(trigger).toMatch(/\(ended, its page was left \d+ seconds? ago\)$/);
    await page.evaluate(() => window.wm.flush());
    await expect.poll(() => atSink('pricing-nps'), { timeout: 5_000 }).toEqual(['$prompt_shown', '$prompt_dismissed']);
    const dismissed = server.batches.flatMap((batch) => batch.body.batch).find((record) => record.name === '$prompt_dismissed');
    expect(dismissed?.props).toMatchObject({ promptId: 'pricing-nps', kind: 'nps', reason: 'navigation' });
    await page.close();
  });
});
