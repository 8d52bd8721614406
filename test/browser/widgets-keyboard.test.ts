import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestServer } from './harness.js';
import { callbackLog, focusedInWidget, openPage, PROMPTS, showPrompt, useWidgetsBrowser, waitForLog } from './widgets-setup.js';

let server: TestServer;
let page: Page;
useWidgetsBrowser((opened, started) => ((page = opened), (server = started)));
beforeEach(async () => {
  await openPage(page, server);
  await page.focus('#page-button');
});

const press = async (...keys: string[]) => {
  for (const key of keys) await page.keyboard.press(key);
};
const pageFocus = () => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName);

describe('each kind can be completed with the keyboard alone', () => {
  it('nps: arrows to a score, Tab to the follow-up, type, Tab, Enter; the thank-you holds focus, then gives it back', async () => {
    await showPrompt(page, PROMPTS.nps!);
    expect(await focusedInWidget(page)).toMatchObject({ role: 'radio', text: '0' });
    await press(...Array<string>(8).fill('ArrowRight'));
    expect(await focusedInWidget(page)).toMatchObject({ role: 'radio', text: '8' });
    await press('Tab');
    expect(await focusedInWidget(page)).toMatchObject({ tag: 'TEXTAREA' });
    await page.keyboard.type('Faster delivery');
    await press('Tab');
    expect(await focusedInWidget(page)).toMatchObject({ tag: 'BUTTON', text: 'Submit' });
    await press('Enter');
    await waitForLog(page, 2);
    const log = await callbackLog(page);
    expect(log[0]).toEqual(['answer', { score: 1 }, false]);
    expect(log.at(-1)).toEqual(['answer', { score: 8, comment: 'Faster delivery' }, true]);
    await expect.poll(() => focusedInWidget(page), { timeout: 2000 }).toMatchObject({ role: 'status' }); // the thank-you line;
    await page.locator('waymark-prompt').waitFor({ state: 'detached', timeout: 8000 });
    expect(await pageFocus()).toBe('page-button');
    expect((await callbackLog(page)).some(([type]) => type === 'dismiss')).toBe(false);
  });

  it('rating stars: Space picks, End/Home jump, Enter submits', async () => {
    await showPrompt(page, PROMPTS.stars!);
    await press('End', 'Home', 'ArrowRight', ' ', 'Tab', 'Tab');
    expect(await focusedInWidget(page)).toMatchObject({ text: 'Submit' });
    await press('Enter');
    await waitForLog(page, 2);
    expect((await callbackLog(page)).at(-1)).toEqual(['answer', { score: 2 }, true]);
  });

  it('rating thumbs: arrow to thumbs up, Tab, Space', async () => {
    await showPrompt(page, PROMPTS.thumbs!);
    await press('ArrowRight', 'Tab', ' ');
    await waitForLog(page, 2);
    expect(await callbackLog(page)).toEqual([
      ['answer', { score: 2 }, false],
      ['answer', { score: 2 }, true],
    ]);
  });

  it('exit: arrow up to "Other", type the reason, submit', async () => {
    await showPrompt(page, PROMPTS.exit!);
    await press('ArrowUp', 'Tab');
    expect(await focusedInWidget(page)).toMatchObject({ tag: 'INPUT' });
    await page.keyboard.type('No PayPal');
    await press('Tab', 'Enter');
    await waitForLog(page, 2);
    expect((await callbackLog(page)).at(-1)).toEqual(['answer', { choices: [], other: 'No PayPal' }, true]);
  });

  it('exit, multiple: Space toggles each box, Tab moves between them', async () => {
    await showPrompt(page, PROMPTS.exitMultiple!);
    await press(' ', 'Tab', 'Tab', ' ', 'Tab', 'Enter');
    await waitForLog(page, 2);
    expect((await callbackLog(page)).at(-1)).toEqual(['answer', { choices: ['More sizes', 'Faster delivery'] }, true]);
  });

  it('reward offer (non-modal): focus stays on the page; Tab reaches the card; Enter redeems', async () => {
    await showPrompt(page, PROMPTS.offer!);
    expect(await pageFocus()).toBe('page-button');
    expect(await focusedInWidget(page)).toBeNull();
    await press('Tab');
    expect(await focusedInWidget(page)).toMatchObject({ tag: 'BUTTON', text: 'Redeem' });
    await press('Enter');
    await waitForLog(page, 1);
    expect(await callbackLog(page)).toEqual([['redeem', 'five-off']]);
  });

  it('reward toast: reachable with Tab, dismissed with Escape, focus returns', async () => {
    await showPrompt(page, PROMPTS.toast!);
    expect(await pageFocus()).toBe('page-button');
    await press('Tab');
    expect(await focusedInWidget(page)).toMatchObject({ tag: 'BUTTON', label: 'Close' });
    await press('Escape');
    await waitForLog(page, 1);
    expect(await callbackLog(page)).toEqual([['dismiss', 'escape']]);
    expect(await page.locator('waymark-prompt').count()).toBe(0);
    expect(await pageFocus()).toBe('page-button');
  });
});

describe('modal focus', () => {
  it('Tab and Shift+Tab cycle inside the dialog; the page behind is inert', async () => {
    await showPrompt(page, PROMPTS.exitMultiple!);
    const seen = new Set<string>();
    for (let step = 0; step < 8; step++) {
      await press('Tab');
      const focused = await focusedInWidget(page);
      expect(focused, `step ${step}`).not.toBeNull();
      seen.add(`${focused!.tag}:${focused!.text}`);
    }
    // three boxes and the close button (Submit is disabled until a choice)
    expect(seen.size).toBe(4);
    await press('Shift+Tab');
    expect(await focusedInWidget(page)).not.toBeNull();
    await page.mouse.click(5, 5); // a click on the backdrop does not reach the page
    expect(await pageFocus()).not.toBe('page-button');
  });

  it('Escape dismisses and gives focus back to where it was', async () => {
    await showPrompt(page, PROMPTS.nps!);
    expect(await focusedInWidget(page)).not.toBeNull();
    await press('Escape');
    await waitForLog(page, 1);
    expect(await callbackLog(page)).toEqual([['dismiss', 'escape']]);
    expect(await pageFocus()).toBe('page-button');
  });

  it('the page does not see the Escape key', async () => {
    await page.evaluate(() => document.addEventListener('keydown', (event) => ((window as unknown as { pageKeys: string[] }).pageKeys ??= []).push(event.key)));
    await showPrompt(page, PROMPTS.stars!);
    await press('Escape');
    expect(await page.evaluate(() => (window as unknown as { pageKeys?: string[] }).pageKeys ?? [])).toEqual([]);
  });
});
