import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JourneyReport } from '../../src/collector/report/journey-report.js';
import { reportCsv } from '../../src/collector/page/csv.js';
import { hasChromium, launchBrowser, type BrowserHandle } from './harness.js';
import { SEED_ADMIN_TOKEN, startSeededCollector, type SeededCollector } from './report-seed.js';

let collector: SeededCollector;
let browser: BrowserHandle;

beforeAll(async () => {
  collector = await startSeededCollector(400);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

const api = async (query: string): Promise<JourneyReport> => {
  const response = await fetch(`${collector.url}/api/report?${query}`, { headers: { authorization: `Bearer ${SEED_ADMIN_TOKEN}` } });
  expect(response.status).toBe(200);
  return response.json();
};

describe.skipIf(!hasChromium())('the collector’s /report page in Chromium', () => {
  it('draws the charts, follows a filter change, and downloads the numbers of the API as CSV', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${collector.url}/report#token=${SEED_ADMIN_TOKEN}`);
    await page.waitForSelector('body[data-state="ready"]');
    // The token leaves the address once kept for the tab.
    expect(page.url()).not.toContain(SEED_ADMIN_TOKEN);

    const all = await api('');
    expect(await page.locator('svg[data-chart="funnel"] rect').count()).toBe(all.funnel.steps.length);
    expect(await page.locator('svg[data-chart="trend"] polyline').count()).toBe(3);
    expect(await page.locator('[data-testid="prompt-nps"] svg[data-chart="columns"] rect').count()).toBe(11);
    expect(await page.locator('[data-testid="prompt-csat"] svg[data-chart="columns"] rect').count()).toBe(5);
    expect(await page.getByTestId('total-touchpoints').textContent()).toBe(all.totals.touchpoints.toLocaleString('en'));
    const funnelRows = await page.locator('[data-testid="funnel-table"] tbody tr td:nth-child(2)').allTextContents();
    expect(funnelRows).toEqual(all.funnel.steps.map((step) => step.visitors.toLocaleString('en')));

    await page.selectOption('select[name="writeKey"]', 'key-b');
    await page.waitForSelector('body[data-state="ready"]');
    const onlyB = await api('writeKey=key-b');
    expect(onlyB.totals.touchpoints).toBeLessThan(all.totals.touchpoints);
    await expect.poll(() => page.getByTestId('total-touchpoints').textContent()).toBe(onlyB.totals.touchpoints.toLocaleString('en'));
    expect(new URL(page.url()).searchParams.get('writeKey')).toBe('key-b');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toBe(reportCsv(onlyB));
    expect(csv).toContain(`totals,range,touchpoints,${onlyB.totals.touchpoints}\r\n`);
    await page.close();
  });
});
