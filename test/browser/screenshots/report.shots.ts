import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, ROOT, type BrowserHandle } from '../harness.js';
import { SEED_ADMIN_TOKEN, startSeededCollector, type SeededCollector } from '../report-seed.js';

let collector: SeededCollector;
let browser: BrowserHandle;

beforeAll(async () => {
  collector = await startSeededCollector(1_500);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

it('writes docs/images/report-*.png from the seeded collector', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${collector.url}/report/#token=${SEED_ADMIN_TOKEN}`);
  await page.waitForSelector('body[data-state="ready"]');
  await page.screenshot({ path: join(ROOT, 'docs/images/report-overview.png') });
  await page.getByTestId('stages').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ROOT, 'docs/images/report-stages-prompts.png'), fullPage: false });
  await page.getByTestId('prompts').screenshot({ path: join(ROOT, 'docs/images/report-prompts.png') });
  expect(await page.locator('svg[data-chart]').count()).toBeGreaterThan(3);
  await page.close();
});
