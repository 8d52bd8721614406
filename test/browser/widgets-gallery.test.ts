import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, ROOT, startServer, type BrowserHandle, type TestServer } from './harness.js';

let browser: BrowserHandle;
let server: TestServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('the gallery shows every kind and variant in every theme, accessibly, without errors', async () => {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await page.goto(`${server.url}/examples/gallery/`);
  await page.waitForSelector('html[data-ready=true]', { timeout: 10_000 });

  const rendered = await page.evaluate(() =>
    [...document.querySelectorAll('section')].map((section) => ({
      id: section.id,
      kinds: [...section.querySelectorAll<HTMLElement>('[data-kind]')]
        .filter((host) => host.shadowRoot?.querySelector('[role=dialog] #h'))
        .map((host) => host.dataset.kind),
    })),
  );
  const variants = ['nps', 'rating', 'rating', 'rating', 'rating', 'exit', 'exit', 'reward', 'reward'];
  expect(rendered).toEqual([
    { id: 'light', kinds: variants },
    { id: 'dark', kinds: variants },
    { id: 'brand', kinds: variants },
    { id: 'locales', kinds: ['nps', 'exit', 'rating', 'reward'] },
  ]);

  await page.addScriptTag({ content: readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8') });
  await page.waitForTimeout(300); // entrance animations
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } })
      .axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] });
    return result.violations.map(({ id, nodes }) => `${id} ×${nodes.length}`);
  });
  expect(violations).toEqual([]);

  await page.locator('#light [data-kind=reward]').getByRole('button', { name: 'Redeem', exact: true }).click();
  await expect.poll(() => page.locator('#last-event').textContent()).toBe('offer: onRedeem("five-off")');
  expect(problems).toEqual([]);
  await page.close();
});
