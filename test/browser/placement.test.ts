import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from './axe.js';
import { settled } from './widgets-setup.js';
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

async function open(ns: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme });
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
/** Delivery is at least once (a retry may resend a batch): each record counts once, by its id. */
const delivered = () => [...new Map(server.batches.flatMap(({ body }) => body.batch).map((record) => [record.id, record])).values()];
/** What reached the collector's sink for one prompt, by touchpoint name. */
const atSink = (promptId: string) => delivered().filter((record) => record.props?.promptId === promptId);
const namesAtSink = (promptId: string) => atSink(promptId).map((record) => record.name);
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
    await expect.poll(() => namesAtSink('inline-csat'), { timeout: 5_000 }).toEqual(['$prompt_shown', '$prompt_answered', '$prompt_answered']);
    await page.close();
  });

  it('a survey placed inline: its chunk loads, it sits in the page flow, and each answer reaches the sink', async () => {
    const page = await open('inline-survey');
    await page.focus('#before');
    await page.evaluate(() => window.wm.track('survey_asked'));
    await waitFor(page, '$prompt_shown');
    const inSlot = () => page.evaluate(() => document.querySelector('#feedback-slot > waymark-prompt')?.shadowRoot?.querySelector('#h')?.textContent);
    await expect.poll(inSlot).toBe('How likely are you to recommend us?');
    const panel = await page.evaluate(() => {
      const dialog = document.querySelector('#feedback-slot > waymark-prompt')!.shadowRoot!.querySelector('[role=dialog]')!;
      return {
        modal: dialog.getAttribute('aria-modal'),
        pushedDown: document.querySelector('#after')!.getBoundingClientRect().top >= dialog.getBoundingClientRect().bottom,
      };
    });
    expect(panel).toEqual({ modal: null, pushedDown: true });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');

    await page.keyboard.press('Tab'); // into the survey, right after the button in the page's order
    expect(await focused(page)).toBe('0');
    await page.keyboard.press('End'); // 10
    for (let step = 0; step < 20 && (await focused(page)) !== 'Next'; step++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(inSlot).toBe('What could we do better?');
    for (let step = 0; step < 20 && !(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.tagName === 'INPUT')); step++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('Nothing');
    for (let step = 0; step < 20 && (await focused(page)) !== 'Submit'; step++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#feedback-slot > waymark-prompt')?.shadowRoot?.textContent?.includes('Thanks for helping!'));
    await page.evaluate(() => window.wm.flush());
    await expect.poll(() => namesAtSink('inline-survey'), { timeout: 5_000 }).toEqual(['$prompt_shown', '$prompt_answered', '$prompt_answered']);
    const answers = atSink('inline-survey')
      .filter((record) => record.name === '$prompt_answered')
      .map(({ props }) => props);
    expect(answers).toMatchObject([
      { questionId: 'score', score: 10, complete: false },
      { questionId: 'why', comment: 'Nothing', complete: true },
    ]);
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

describe('the feedback tab in Chromium', () => {
  const launcher = (page: Page) =>
    page.evaluate(() => {
      const button = document.querySelector('waymark-launcher')?.shadowRoot?.querySelector('button');
      if (!button) return null;
      const { width, height, right } = button.getBoundingClientRect();
      return { name: button.textContent, hidden: button.hidden, width, height, atRightEdge: Math.round(right) === document.documentElement.clientWidth };
    });
  const launcherFocused = (page: Page) =>
    page.evaluate(() => document.activeElement?.tagName === 'WAYMARK-LAUNCHER' && document.activeElement.shadowRoot?.activeElement?.tagName === 'BUTTON');

  it('opens from its launcher with the keyboard, is answered, gives focus back to the launcher, and the answer reaches the sink', async () => {
    const page = await open('tab');
    await expect.poll(() => launcher(page)).toMatchObject({ name: 'Feedback', hidden: false, atRightEdge: true });
    const { width, height } = (await launcher(page))!;
    expect(Math.min(width, height)).toBeGreaterThanOrEqual(24);
    await page.evaluate(() => document.querySelector('waymark-launcher')!.shadowRoot!.querySelector('button')!.focus());
    await page.keyboard.press('Enter');
    await waitFor(page, '$prompt_shown');
    await expect.poll(() => launcher(page)).toMatchObject({ hidden: true, width: 0 }); // while its prompt is open
    for (const key of ['End', 'Home', 'ArrowRight', ' ', 'Tab']) await page.keyboard.press(key);
    expect(await focused(page)).toBe('Submit');
    await page.keyboard.press('Enter');
    await expect.poll(() => launcherFocused(page), { timeout: 10_000 }).toBe(true);
    await page.evaluate(() => window.wm.flush());
    await expect.poll(() => namesAtSink('feedback-tab'), { timeout: 5_000 }).toEqual(['$prompt_shown', '$prompt_answered', '$prompt_answered']);
    expect(atSink('feedback-tab').at(-1)?.props).toMatchObject({ promptId: 'feedback-tab', score: 2, complete: true });
    await page.close();
  });

  it.each(['light', 'dark'] as const)('%s: axe finds no violations in the launcher or the prompt it opens; its code is a chunk of its own', async (scheme) => {
    const fetched: string[] = [];
    browser.context.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    const page = await open(`tab-axe-${scheme}`, scheme);
    await expect.poll(() => launcher(page)).toMatchObject({ name: 'Feedback', hidden: false });
    expect(fetched).toContain('/dist/waymark-tab.js');
    expect(await runAxe(page, 'waymark-launcher')).toEqual([]);
    await page.evaluate(() => document.querySelector('waymark-launcher')!.shadowRoot!.querySelector('button')!.click());
    await page.waitForFunction(() => document.querySelector('waymark-prompt')?.shadowRoot?.querySelector('button'));
    await settled(page);
    expect(await runAxe(page)).toEqual([]);
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
    await expect.poll(() => namesAtSink('pricing-nps'), { timeout: 5_000 }).toEqual(['$prompt_shown', '$prompt_dismissed']);
    const dismissed = atSink('pricing-nps').find((record) => record.name === '$prompt_dismissed');
    expect(dismissed?.props).toMatchObject({ promptId: 'pricing-nps', kind: 'nps', reason: 'navigation' });
    await page.close();
  });
});
