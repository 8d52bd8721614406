import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The same flags as the browser suite: no background traffic, no sandbox as root. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh Chromium with a fresh profile: no HTTP cache, no IndexedDB left by an earlier scenario. */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'waymark-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  const problems = [];
  // SDK warnings and page errors end up in the report: they often explain an "n/a".
  context.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning' || message.text().includes('[waymark]')) problems.push(message.text().slice(0, 300));
  });
  context.on('weberror', (error) => problems.push(String(error.error()).slice(0, 300)));
  return {
    context,
    problems,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a bench page and waits until the script tag has replaced the stub queue and
 * `ready()` resolved (config and stored profile loaded), then lets start-up work settle.
 */
export async function openReady(context, url, { page, settleMs = 500 } = {}) {
  page ??= await context.newPage();
  await page.goto(url);
  await whenReady(page, settleMs);
  return page;
}

export async function whenReady(page, settleMs = 500) {
  await page.waitForFunction(() => typeof window.waymark?.ready === 'function', null, { timeout: 10_000 });
  // SDK errors (widget_failed, invalid_config…) explain most n/a rows: surface them as warnings.
  await page.evaluate(() => window.waymark.on('error', (error) => console.warn(`[waymark] ${error.code}: ${error.message}`)));
  await page.evaluate(() => window.waymark.ready());
  await page.waitForTimeout(settleMs);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it is true or `timeoutMs` passed; returns whether it became true. */
export async function waitFor(check, timeoutMs, intervalMs = 50) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await sleep(intervalMs);
  }
  return check();
}

/** Runs `body` with a fresh browser and always closes it; its console problems join the notes. */
export async function withBrowser(body) {
  const browser = await launch();
  try {
    const result = await body(browser);
    return { ...result, notes: [...(result.notes ?? []), ...new Set(browser.problems)] };
  } finally {
    await browser.close();
  }
}

/** JS heap in use after a full garbage collection, in bytes (CDP, exact where performance.memory is bucketed). */
export async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}
