#!/usr/bin/env node
// Writes the demo's PNG screenshots (referenced from the README) with the local Chromium:
//   npm run build && node examples/screenshots/capture.mjs
// It walks the shop as a visitor would, against a collector on a throwaway data folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startCollector } from '../collector/listen.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = fileURLToPath(new URL('./', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'waymark-screenshots-'));
const collector = await startCollector({ root: ROOT, dataDir, port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const shot = async (page, name) => {
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`wrote examples/screenshots/${name}.png`);
};

try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 760 }, reducedMotion: 'reduce' });
  if (process.env.DEBUG) page.on('console', (message) => console.log(message.text()));
  await page.goto(`${collector.url}/shop/`);
  for (const product of ['Trail Runner', 'Day Pack']) {
    await page.getByRole('link', { name: new RegExp(product) }).click();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('link', { name: '← Keep browsing' }).click();
  }
  await page.getByRole('link', { name: /^Cart/ }).click();
  await page.getByRole('link', { name: 'Checkout' }).click();
  await page.getByRole('button', { name: 'Place order' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ timeout: 15_000 });
  await dialog.getByRole('radio', { name: '9' }).click();
  await dialog.locator('textarea').fill('Fast delivery and the shoes fit perfectly.');
  await shot(page, 'shop-nps');
  await dialog.getByRole('button', { name: 'Submit' }).click();

  // The report's own screenshots (docs/images/) come from `npm run screenshots`, on a seeded collector.

  const playground = await browser.newPage({ viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' });
  await playground.goto(`${collector.url}/playground/`);
  await playground.getByTestId('valid').waitFor();
  await playground.locator('#preview-locale').selectOption('fr');
  await playground.locator('#fire button[data-event="product_view"]').click();
  await playground.locator('#fire button[data-event="product_view"]').click();
  await playground.waitForTimeout(500);
  await shot(playground, 'playground');
} finally {
  await browser.close();
  await collector.close();
  rmSync(dataDir, { recursive: true, force: true });
}
