import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './suite-setup.js';

/** Real Chromium, the script-tag build: visitors of a prompt with two variants, each shown its own, sticky across reloads. */
const PAGE = '/test/browser/pages/variants/index.html';
const TEXTS: Record<string, string> = { plain: 'How likely are you to recommend us?', warm: 'Would you tell a friend about us?' };

const env = useBrowserAndServer();

type Sdk = { track(name: string): void; ready(): Promise<void>; close?: () => void };
/** Delivery is at least once: each record counts once, by its id. */
const delivered = () => [...new Map(env.server.batches.flatMap(({ body }) => body.batch).map((record) => [record.id, record])).values()];
const heading = (page: Page) => page.evaluate(() => document.querySelector('waymark-prompt')?.shadowRoot?.querySelector('#h')?.textContent ?? null);

/** Opens the page as visitor `ns`, fires the trigger, and reads the question shown. */
async function showAs(page: Page, ns: string): Promise<string> {
  await page.goto(`${env.server.url}${PAGE}?ns=${ns}`);
  await page.evaluate(async () => {
    const wm = (window as unknown as { waymark: Sdk }).waymark;
    await wm.ready();
    wm.track('order');
  });
  await page.waitForFunction(() => document.querySelector('waymark-prompt')?.shadowRoot?.querySelector('#h'), undefined, { timeout: 10_000 });
  return (await heading(page))!;
}

describe('prompt variants in Chromium', () => {
  it('each visitor sees their variant, keeps it after a reload, and every record says which', async () => {
    const page = await env.browser.context.newPage();
    const seen = new Map<string, string>();
    // Two variants of equal weight: a handful of visitors meets both (each new one: a coin toss).
    for (let n = 0; n < 12 && new Set(seen.values()).size < 2; n++) seen.set(`visitor-${n}`, await showAs(page, `visitor-${n}`));
    expect(new Set(seen.values())).toEqual(new Set(Object.values(TEXTS)));

    // Each visitor's impression carries the variant whose text they saw.
    await expect.poll(() => delivered().filter((record) => record.name === '$prompt_shown').length, { timeout: 10_000 }).toBe(seen.size);
    const shown = delivered().filter((record) => record.name === '$prompt_shown');
    const byVisitor = new Map(shown.map((record) => [(record as unknown as { anonymousId: string }).anonymousId, String(record.props.variant)]));
    expect(byVisitor.size).toBe(seen.size);
    expect([...byVisitor.values()].map((variant) => TEXTS[variant]).sort()).toEqual([...seen.values()].sort());

    // The last visitor answers, reloads, and is asked in the same words again.
    const [ns, text] = [...seen].at(-1)!;
    await page.locator('[role=radio]').nth(8).click();
    await page.locator('button', { hasText: 'Submit' }).click();
    expect(await showAs(page, ns)).toBe(text);
    await expect.poll(() => delivered().filter((record) => record.name === '$prompt_answered').length, { timeout: 10_000 }).toBeGreaterThan(0);
    const variant = Object.keys(TEXTS).find((key) => TEXTS[key] === text);
    for (const record of delivered().filter((record) => record.name === '$prompt_answered')) expect(record.props.variant).toBe(variant);
    await expect.poll(() => delivered().filter((record) => record.name === '$prompt_shown').length, { timeout: 10_000 }).toBe(seen.size + 1);
    expect(
      delivered()
        .filter((record) => record.name === '$prompt_shown')
        .at(-1)!.props.variant,
    ).toBe(variant);
    await page.close();
  });
});
