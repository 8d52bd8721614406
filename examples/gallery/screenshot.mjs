#!/usr/bin/env node
// Writes the gallery's PNG screenshots (referenced from the README) with the local Chromium:
//   npm run build && node examples/gallery/screenshot.mjs
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = fileURLToPath(new URL('./screenshots/', import.meta.url));
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname));
  const file = join(ROOT, path.endsWith('/') ? `${path}index.html` : path);
  const allowed = path.startsWith('/dist/') || path.startsWith('/examples/gallery/');
  if (!allowed || !existsSync(file) || !statSync(file).isFile()) return void response.writeHead(404).end();
  response.writeHead(200, { 'content-type': `${TYPES[extname(file)] ?? 'application/octet-stream'}; charset=utf-8` });
  createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/examples/gallery/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  mkdirSync(OUT, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1320, height: 900 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  await page.goto(url);
  await page.waitForSelector('html[data-ready=true]');
  for (const id of ['light', 'dark', 'brand', 'locales']) {
    await page.locator(`section#${id}`).screenshot({ path: join(OUT, `${id}.png`) });
    console.log(`wrote examples/gallery/screenshots/${id}.png`);
  }
  const phone = await browser.newPage({ viewport: { width: 390, height: 760 }, deviceScaleFactor: 2, reducedMotion: 'reduce' });
  await phone.goto(`${url}#live`);
  await phone.waitForSelector('html[data-ready=true]');
  await phone.locator('waymark-prompt [role=radio]').nth(6).click();
  await phone.screenshot({ path: join(OUT, 'mobile-sheet.png') });
  console.log('wrote examples/gallery/screenshots/mobile-sheet.png');
} finally {
  await browser.close();
  server.close();
}
