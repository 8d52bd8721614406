import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '../../examples/collector/listen.mjs';
import { trustCompiled } from '../../src/config/compiled.js';
import { launchBrowser, ROOT, widgetClass, type BrowserHandle } from './harness.js';

/** The marketer's playground, served by the demo collector, on the npm ESM build in dist/. */
let collector: RunningCollector;
let browser: BrowserHandle;
let dataDir: string;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'waymark-playground-'));
  collector = await startCollector({ root: ROOT, dataDir, port: 0 });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${collector.url}/playground/`);
  await page.getByTestId('valid').waitFor({ timeout: 10_000 });
});
afterAll(async () => {
  await browser?.close();
  await collector?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const editor = () => page.getByRole('textbox', { name: 'Config JSON' });
const problems = () => page.getByTestId('problem').allTextContents();
/** Text inside the preview's shadow root (the widget renders there). */
const previewText = () => page.evaluate(() => document.querySelector('[data-testid="preview"] > div')?.shadowRoot?.textContent ?? '');

describe('the playground', () => {
  it('lists validation errors by path while the config is edited, and clears them when fixed', async () => {
    const original = await editor().inputValue();
    expect(await page.getByTestId('valid').textContent()).toBe('✓ Valid: 6 prompts, 5 stages, 3 reward rules.');

    // An unknown prompt kind and a negative session cap: both reported, each at its path.
    const broken = original.replace('"kind": "nps"', '"kind": "slideshow"').replace('"maxPerSession": 8', '"maxPerSession": -1');
    await editor().fill(broken);
    await expect
      .poll(problems)
      .toEqual([expect.stringMatching(/^prompts\[0\]\.kindexpected one of "nps"/), expect.stringMatching(/^limits\.maxPerSessionmust be ≥ 0/)]);
    expect(await editor().getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText(/the SDK would reject this config as a whole/).count()).toBe(1);

    // A JSON syntax error is reported at (root) with its line and column.
    await editor().fill(original.replace('"version": 1,', '"version": 1'));
    await expect.poll(problems).toEqual([expect.stringMatching(/^\(root\)invalid JSON at line \d+, column \d+/)]);

    await editor().fill(original);
    await page.getByTestId('valid').waitFor();
    expect(await problems()).toEqual([]);
    expect(await editor().getAttribute('aria-invalid')).toBe('false');
  });

  it('previews any prompt in any language and theme', async () => {
    await page.locator('#preview-prompt').selectOption('nps-after-purchase');
    await page.locator('#preview-locale').selectOption('fr');
    await expect.poll(previewText).toContain('Quelle est la probabilité que vous recommandiez Ridgeline');
    await page.locator('#preview-locale').selectOption('de');
    await expect.poll(previewText).toContain('Wie wahrscheinlich ist es');
    await page.locator('#preview-prompt').selectOption('cart-exit');
    await page.locator('#preview-theme').selectOption('dark');
    await expect.poll(previewText).toContain('what stopped you from checking out today?');
    const dark = await page.evaluate(
      (selector) => Boolean(document.querySelector('[data-testid="preview"] > div')?.shadowRoot?.querySelector(selector)),
      widgetClass('wm-dark'),
    );
    expect(dark).toBe(true);
  });

  it('previews a quiz and a poll, the poll with made-up results after the vote', async () => {
    const original = await editor().inputValue();
    const config = JSON.parse(original);
    config.prompts.push(
      {
        id: 'coffee-quiz',
        kind: 'quiz',
        trigger: { on: 'x' },
        questions: [{ id: 'q', type: 'single', text: 'First drunk where?', choices: ['Brazil', 'Ethiopia'], correct: ['Ethiopia'] }],
      },
      { id: 'flavour-poll', kind: 'poll', trigger: { on: 'x' }, content: { question: 'Which flavour next?', choices: ['Hazelnut', 'Caramel'] } },
    );
    await editor().fill(JSON.stringify(config, null, 2));
    await page.getByTestId('valid').waitFor();
    await page.locator('#preview-locale').selectOption('en');
    await page.locator('#preview-prompt').selectOption('coffee-quiz');
    await expect.poll(previewText).toContain('First drunk where?');
    await page.locator('#preview-prompt').selectOption('flavour-poll');
    await expect.poll(previewText).toContain('Which flavour next?');
    await page.locator('[data-testid="preview"] [role=radio]').nth(1).click();
    await page
      .locator(`[data-testid="preview"] ${widgetClass('wm-button')}`)
      .last()
      .click();
    // 20 and 10 made-up votes, and this one for Caramel: 20 of 31, 11 of 31.
    await expect.poll(previewText).toContain('Hazelnut 65%Caramel 35% (your vote)');
    await editor().fill(original);
    await page.getByTestId('valid').waitFor();
  });

  it('previews each variant of a prompt', async () => {
    const original = await editor().inputValue();
    const config = JSON.parse(original);
    config.prompts.push({
      id: 'recommend',
      kind: 'nps',
      trigger: { on: 'x' },
      content: { question: 'How likely are you to recommend us?' },
      variants: [{ id: 'plain' }, { id: 'warm', content: { question: 'Would you tell a friend about us?' } }],
    });
    await editor().fill(JSON.stringify(config, null, 2));
    await page.getByTestId('valid').waitFor();
    await page.locator('#preview-locale').selectOption('en');
    await page.locator('#preview-prompt').selectOption('recommend/warm');
    await expect.poll(previewText).toContain('Would you tell a friend about us?');
    await page.locator('#preview-prompt').selectOption('recommend/plain');
    await expect.poll(previewText).toContain('How likely are you to recommend us?');
    await editor().fill(original);
    await page.getByTestId('valid').waitFor();
  });

  it('fires touchpoints and shows stage, points, tier and explain() as they change', async () => {
    const fire = (name: string) => page.locator(`#fire button[data-event="${name}"]`).click();
    await fire('product_view');
    await fire('product_view');
    await expect.poll(() => page.locator('#stage').textContent()).toBe('consideration');
    await fire('purchase');
    await expect.poll(() => page.locator('#stage').textContent()).toBe('retention');
    await expect.poll(() => page.locator('#points').textContent()).toBe('100');
    await expect.poll(() => page.locator('#tier').textContent()).toBe('bronze');
    const nps = page.getByTestId('explain-nps-after-purchase');
    await expect.poll(() => nps.textContent()).toMatch(/if: holds/);
    // The redeem offer waits for 200 points and the cart page: explain() says which gate fails.
    await expect.poll(() => page.getByTestId('explain-redeem-offer').textContent()).toMatch(/not eligible.*points/);
    expect(pageErrors).toEqual([]);
  });

  it('downloads the config compiled, which the SDK takes without its validator', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
    expect(download.suggestedFilename()).toBe('waymark.json');
    const path = await download.path();
    const compiled = trustCompiled(readFileSync(path, 'utf8'));
    expect(compiled?.prompts?.length).toBeGreaterThan(0);
    expect(await page.locator('#download-status').textContent()).toMatch(/Compiled \(hash [0-9a-f]{16}\)/);
  });
});
