import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Prompt, Theme } from '../../widgets/contract.js';
import { contrastRatio } from '../../widgets/shell/theme.js';
import { ROOT, widgetClass, type TestServer } from './harness.js';
import { runAxe } from './axe.js';
import { openPage, PROMPTS, showPrompt, SURVEY_TYPES, THEMES, useWidgetsBrowser } from './widgets-setup.js';

let server: TestServer;
let page: Page;
useWidgetsBrowser((opened, started) => ((page = opened), (server = started)));

/** axe-core over the whole page, open shadow roots included, WCAG 2.2 A/AA plus best practices. */
const axe = () => runAxe(page);

/** Every interactive element of the widget, with its size. */
const targets = () =>
  page.evaluate(() => {
    const root = document.querySelector('waymark-prompt')!.shadowRoot!;
    return [...root.querySelectorAll<HTMLElement>('button,[role=radio],[role=checkbox],textarea,input')].map((element) => {
      const { width, height } = element.getBoundingClientRect();
      return { label: element.getAttribute('aria-label') ?? element.textContent ?? element.tagName, width, height };
    });
  });

const kinds = Object.keys(PROMPTS);

// The demo shop's accent, picked for a light page: 2.45:1 on the dark panel as given (issue 11).
const DEMO_ACCENT = JSON.parse(readFileSync(join(ROOT, 'examples/shop/waymark.json'), 'utf8')).theme.accent as string;
const SCHEMES: Record<string, Theme> = {
  light: THEMES.light!,
  dark: THEMES.dark!,
  'light, demo accent': { ...THEMES.light, accent: DEMO_ACCENT },
  'dark, demo accent': { ...THEMES.dark, accent: DEMO_ACCENT },
};

describe.each(Object.keys(SCHEMES))('axe finds no violations (%s)', (scheme) => {
  for (const modal of [true, false]) {
    it.each(kinds)(`%s, ${modal ? 'modal' : 'non-modal'}`, async (kind) => {
      await openPage(page, server);
      await showPrompt(page, PROMPTS[kind]!, { theme: SCHEMES[scheme]!, modal });
      expect(await axe()).toEqual([]);
      // Answered state too: the follow-up field and Submit button.
      const first = page.locator('[role=radio],[role=checkbox]').first();
      if (await first.count()) {
        await first.click();
        expect(await axe()).toEqual([]);
      }
      for (const target of await targets()) {
        expect(target.width, `${kind}: ${target.label}`).toBeGreaterThanOrEqual(24);
        expect(target.height, `${kind}: ${target.label}`).toBeGreaterThanOrEqual(24);
      }
    });
  }
});

describe.each(['light', 'dark'])('axe finds no violations on each survey question type (%s)', (scheme) => {
  it('nps, single choice with "Other" open, long text, info; 24 px targets', async () => {
    await openPage(page, server);
    await showPrompt(page, SURVEY_TYPES, { theme: THEMES[scheme]! });
    for (const question of ['How likely are you to recommend us?', 'Which plan are you on?', 'What could be better?', "That's all!"]) {
      expect(await page.locator('waymark-prompt #h').textContent()).toBe(question);
      const options = page.locator('[role=radio],[role=checkbox]');
      if (await options.count()) await options.last().click(); // a score, or "Other" with its text field
      expect(await axe()).toEqual([]);
      for (const target of await targets()) {
        expect(target.width, `${question}: ${target.label}`).toBeGreaterThanOrEqual(24);
        expect(target.height, `${question}: ${target.label}`).toBeGreaterThanOrEqual(24);
      }
      if (question !== "That's all!") await page.locator(widgetClass('wm-button')).last().click();
    }
  });
});

describe.each(['light', 'dark'])('axe finds no violations on a poll’s results (%s)', (scheme) => {
  it('voted with the keyboard, the shares are read from the focused heading; 24 px targets', async () => {
    await openPage(page, server);
    await showPrompt(page, PROMPTS.poll!, { theme: THEMES[scheme]!, pollVotes: { votes: 3, choices: { Hazelnut: 1, Caramel: 2 } } });
    await page.locator('[role=radio]').first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator(widgetClass('wm-shares')).waitFor({ timeout: 5000 });
    await page.waitForFunction(() => document.activeElement?.shadowRoot?.activeElement?.id === 'h', undefined, { timeout: 5000 });
    expect(await page.locator(`${widgetClass('wm-shares')} li`).allTextContents()).toEqual(['Hazelnut 50% (your vote)', 'Caramel 50%', 'Cardamom 0%']);
    expect(await axe()).toEqual([]);
    for (const target of await targets()) {
      expect(target.width, target.label).toBeGreaterThanOrEqual(24);
      expect(target.height, target.label).toBeGreaterThanOrEqual(24);
    }
  });
});

/** Computed `rgb(…)` of a widget element's colour, and of the panel's background. */
const colours = (selector: string) =>
  page.evaluate((target) => {
    const root = document.querySelector('waymark-prompt')!.shadowRoot!;
    return { fore: getComputedStyle(root.querySelector(target)!).color, panel: getComputedStyle(root.querySelector('[role=dialog]')!).backgroundColor };
  }, selector);
const hex = (rgb: string) =>
  `#${rgb
    .match(/\d+/g)!
    .slice(0, 3)
    .map((channel) => Number(channel).toString(16).padStart(2, '0'))
    .join('')}`;

// axe checks neither graphical controls (1.4.11) nor symbol-only text such as star glyphs.
describe.each(Object.keys(SCHEMES))('star glyphs contrast with the panel (%s)', (scheme) => {
  it('at least 4.5:1 for the stars, empty and filled (issue 11)', async () => {
    await openPage(page, server);
    await showPrompt(page, PROMPTS.stars!, { theme: SCHEMES[scheme]! });
    for (const filled of [false, true]) {
      if (filled) await page.locator('[role=radio]').nth(2).click();
      const { fore, panel } = await colours(`${widgetClass('wm-stars')} [role=radio]`);
      expect(contrastRatio(hex(fore), hex(panel)), `${fore} on ${panel}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('axe on other layouts', () => {
  it('sees inside the widget: a marketer theme with unreadable text is flagged', async () => {
    await openPage(page, server);
    await showPrompt(page, PROMPTS.nps!, { theme: { text: '#d0d0d0', background: '#ffffff' } });
    expect((await axe()).map((violation) => violation.id)).toContain('color-contrast');
  });

  it('Arabic, right to left', async () => {
    await openPage(page, server);
    const arabic: Prompt = {
      id: 'nps-ar',
      kind: 'nps',
      trigger: { on: 'test' },
      content: { question: { en: 'Recommend us?', ar: 'ما مدى احتمال أن توصي بنا لصديق؟' } },
    };
    await showPrompt(page, arabic, { locale: 'ar' });
    expect(await page.locator('[role=dialog]').getAttribute('dir')).toBe('rtl');
    expect(await axe()).toEqual([]);
  });

  it('a mobile bottom sheet under 480 px', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      await openPage(page, server);
      await showPrompt(page, PROMPTS.nps!);
      const box = (await page.locator('[role=dialog]').boundingBox())!;
      expect(box.x).toBe(0);
      expect(box.width).toBe(360);
      expect(Math.round(box.y + box.height)).toBe(740);
      expect(await axe()).toEqual([]);
      for (const target of await targets()) expect(Math.min(target.width, target.height), target.label).toBeGreaterThanOrEqual(24);
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it('the thank-you state', async () => {
    await openPage(page, server);
    await showPrompt(page, PROMPTS.thumbs!, { theme: THEMES.dark! });
    await page.locator('[role=radio]').last().click();
    await page.locator(widgetClass('wm-button')).click();
    await page.locator(widgetClass('wm-thanks')).waitFor();
    expect(await axe()).toEqual([]);
  });
});
