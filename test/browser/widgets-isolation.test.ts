import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Prompt } from '../../widgets/contract.js';
import { widgetClass, type TestServer } from './harness.js';
import { callbackLog, openPage, PROMPTS, settled, showPrompt, useWidgetsBrowser, waitForLog } from './widgets-setup.js';

let server: TestServer;
let page: Page;
useWidgetsBrowser((opened, started) => ((page = opened), (server = started)));

/** Geometry and the computed styles that matter, for every element in the widget. */
const layout = () =>
  page.evaluate((panel) => {
    const root = document.querySelector('waymark-prompt')!.shadowRoot!;
    return [...root.querySelectorAll(`${panel}, ${panel} *`)].map((element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return [
        element.tagName,
        element.getAttribute('class'),
        ...[box.x, box.y, box.width, box.height].map(Math.round),
        style.display,
        style.visibility,
        style.fontSize,
        style.fontFamily,
        style.color,
        style.backgroundColor,
        style.letterSpacing,
        style.textTransform,
      ].join(' ');
    });
  }, widgetClass('wm-panel'));

const globals = () =>
  page.evaluate(() => ({ errors: (window as unknown as { errors: string[] }).errors, violations: (window as unknown as { violations: string[] }).violations }));

describe('a hostile host page leaves the widget intact', () => {
  it.each(Object.keys(PROMPTS))('%s looks exactly as on a plain page', async (kind) => {
    await openPage(page, server, 'index.html');
    await showPrompt(page, PROMPTS[kind]!);
    const plain = await layout();
    await openPage(page, server, 'hostile.html');
    await showPrompt(page, PROMPTS[kind]!);
    const hostile = await layout();
    expect(hostile).toEqual(plain);
    expect(plain.length).toBeGreaterThan(3);
    const close = (await page.locator(widgetClass('wm-close')).boundingBox())!;
    expect(close.width).toBeGreaterThanOrEqual(24);
  });

  it('still works there: nps completed with the keyboard', async () => {
    await openPage(page, server, 'hostile.html');
    await showPrompt(page, PROMPTS.nps!);
    for (const key of ['ArrowRight', 'ArrowRight', 'Tab', 'Tab', 'Enter']) await page.keyboard.press(key);
    await waitForLog(page, 2);
    expect((await callbackLog(page)).at(-1)).toEqual(['answer', { score: 2 }, true]);
    await expect.poll(() => page.locator(widgetClass('wm-thanks')).isVisible()).toBe(true);
  });

  it('the widget’s styles do not leak into the page', async () => {
    await openPage(page, server, 'index.html');
    const pageStyles = () =>
      page.evaluate(() =>
        ['#page-button', '#page-heading', 'main', 'body'].map((selector) => {
          const style = getComputedStyle(document.querySelector(selector)!);
          return [style.font, style.color, style.backgroundColor, style.margin, style.padding, style.border, style.display, style.position].join('|');
        }),
      );
    const before = await pageStyles();
    await showPrompt(page, PROMPTS.exit!, { modal: false });
    expect(await pageStyles()).toEqual(before);
  });
});

describe('a strict Content-Security-Policy', () => {
  const styled = () =>
    page.evaluate((panelClass) => {
      const root = document.querySelector('waymark-prompt')!.shadowRoot!;
      const panel = getComputedStyle(root.querySelector(panelClass)!);
      const selected = root.querySelector('[aria-checked=true]');
      return {
        position: panel.position,
        radius: panel.borderTopLeftRadius,
        background: panel.backgroundColor,
        selected: selected ? getComputedStyle(selected).backgroundColor : null,
        styleElements: [...root.querySelectorAll('style')].map((style) => style.nonce),
        adopted: root.adoptedStyleSheets.length,
      };
    }, widgetClass('wm-panel'));

  it("default-src 'self': constructable stylesheets and CSSOM theme values cause no violation", async () => {
    await openPage(page, server, 'csp.html');
    for (const kind of Object.keys(PROMPTS)) {
      await showPrompt(page, PROMPTS[kind]!, { theme: { accent: '#0b7a3e', radius: 6 } });
    }
    await showPrompt(page, PROMPTS.stars!, { theme: { accent: '#0b7a3e', radius: 6 } });
    await page.locator('[role=radio]').nth(2).click();
    expect(await styled()).toEqual({
      position: 'fixed',
      radius: '6px',
      background: 'rgb(255, 255, 255)',
      selected: 'rgba(0, 0, 0, 0)',
      styleElements: [],
      adopted: 1,
    });
    await showPrompt(page, PROMPTS.numeric!, { theme: { accent: '#0b7a3e' } });
    await page.locator('[role=radio]').nth(2).click();
    expect((await styled()).selected).toBe('rgb(11, 122, 62)');
    await showPrompt(page, PROMPTS.toast!);
    expect((await page.locator(`${widgetClass('wm-progress')} i`).boundingBox())!.width).toBeGreaterThan(10);
    expect(await globals()).toEqual({ errors: [], violations: [] });
  });

  it('without constructable stylesheets, a <style> with the nonce is allowed', async () => {
    await openPage(page, server, 'csp-nonce.html', '?legacy-styles&nonce=w4ym4rk-t3st');
    await showPrompt(page, PROMPTS.nps!);
    const styles = await styled();
    expect(styles).toMatchObject({ position: 'fixed', radius: '12px', adopted: 0 });
    expect(styles.styleElements).toHaveLength(1);
    expect(await globals()).toEqual({ errors: [], violations: [] });
  });

  it('the test sees violations: the same fallback without the nonce is blocked and reported', async () => {
    await openPage(page, server, 'csp-nonce.html', '?legacy-styles');
    await showPrompt(page, PROMPTS.nps!);
    expect((await globals()).violations.join()).toContain('style-src');
  });
});

describe('config text stays inert', () => {
  const IMG = '<img src=x onerror="window.__pwned=1">';
  const JS = 'javascript:window.__pwned=2';
  const hostileText = (prompt: Prompt): Prompt => {
    const text = `${IMG} ${JS}`;
    switch (prompt.kind) {
      case 'nps':
        return {
          ...prompt,
          content: {
            question: text,
            lowLabel: text,
            highLabel: IMG,
            followUp: { detractor: text, passive: text, promoter: text },
            placeholder: text,
            thanks: text,
          },
        };
      case 'rating':
        return { ...prompt, content: { question: text, lowLabel: text, highLabel: JS, followUp: { question: text }, placeholder: text, thanks: text } };
      case 'exit':
        return { ...prompt, content: { question: text, choices: [IMG, JS, { en: text }], allowOther: true, placeholder: text, thanks: text } };
      case 'reward':
        return { ...prompt, content: { title: `${text} {nextTier}`, body: text, cta: JS } };
      case 'survey':
        return {
          ...prompt,
          content: { title: text, thanks: text },
          questions: [{ id: 'q', type: 'single', text, choices: [IMG, JS], other: true, placeholder: text }],
        };
      case 'quiz':
        return {
          ...prompt,
          content: { title: text, thanks: text },
          questions: [{ id: 'q', type: 'single', text, choices: [IMG, JS], correct: [IMG], explanation: text }],
        };
      case 'poll':
        return { ...prompt, content: { question: text, choices: [IMG, JS], thanks: text } };
    }
  };

  it.each(Object.keys(PROMPTS))('%s renders markup and javascript: URLs as plain text', async (kind) => {
    await openPage(page, server);
    await showPrompt(page, hostileText(PROMPTS[kind]!), { vars: { nextTier: IMG, points: 500, toNextTier: 100 }, modal: true });
    const shownText = await page.locator('[role=dialog]').textContent();
    expect(shownText).toContain('<img src=x onerror="window.__pwned=1">');
    const options = page.locator('[role=radio],[role=checkbox]');
    if (await options.count()) {
      await options.first().click();
      await options.last().click();
      await page.locator(widgetClass('wm-button')).click();
    } else if (await page.locator(widgetClass('wm-button')).count()) await page.locator(widgetClass('wm-button')).click();
    await page.waitForTimeout(100);
    const found = await page.evaluate(() => {
      const root = document.querySelector('waymark-prompt')?.shadowRoot;
      return {
        pwned: (window as { __pwned?: number }).__pwned ?? null,
        elements: root ? [...root.querySelectorAll('img,script,a,iframe,object')].length : 0,
        urls: root ? [...root.querySelectorAll('[href],[src],[action],[formaction]')].length : 0,
      };
    });
    expect(found).toEqual({ pwned: null, elements: 0, urls: 0 });
  });
});

it('a hostile page cannot hide, move or bury the widget host element', async () => {
  await openPage(page, server, 'hostile.html');
  await showPrompt(page, PROMPTS.toast!, { theme: { zIndex: 4242 } });
  await settled(page);
  const host = await page.evaluate(() => {
    const style = getComputedStyle(document.querySelector('waymark-prompt')!);
    return [style.display, style.position, style.zIndex, style.transform, style.visibility];
  });
  expect(host).toEqual(['block', 'fixed', '4242', 'none', 'visible']);
  const box = (await page.locator('[role=dialog]').boundingBox())!;
  expect(box.width).toBeGreaterThan(200);
  expect(await page.locator('[role=dialog]').isVisible()).toBe(true);
});
