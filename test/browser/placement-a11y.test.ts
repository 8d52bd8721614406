import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Prompt } from '../../widgets/contract.js';
import { runAxe } from './axe.js';
import type { TestServer } from './harness.js';
import { openPage, PROMPTS, showPrompt, THEMES, useWidgetsBrowser } from './widgets-setup.js';

/** Real Chromium: prompts placed inline, through the real host, are as accessible as the popups. */
let server: TestServer;
let page: Page;
useWidgetsBrowser((opened, started) => ((page = opened), (server = started)));

const inline = (prompt: Prompt): Prompt => ({ ...prompt, presentation: { placement: 'inline', target: '#slot' } });

describe.each(Object.keys(THEMES))('inline prompts (%s)', (scheme) => {
  it.each(Object.keys(PROMPTS))('%s: axe finds no violations, inside the page flow, focus left on the page', async (kind) => {
    await openPage(page, server);
    await page.evaluate(() => document.body.prepend(Object.assign(document.createElement('section'), { id: 'slot', ariaLabel: 'Feedback' })));
    await page.focus('#page-button');
    await showPrompt(page, inline(PROMPTS[kind]!), { theme: THEMES[scheme]! });
    expect(await page.evaluate(() => document.querySelector('#slot > waymark-prompt') !== null)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-button');
    expect(await runAxe(page)).toEqual([]);
  });
});
