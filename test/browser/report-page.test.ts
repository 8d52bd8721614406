import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JourneyReport } from '../../src/collector/report/journey-report.js';
import { reportCsv } from '../../src/collector/page/csv.js';
import { hasChromium, launchBrowser, type BrowserHandle } from './harness.js';
import { SEED_ADMIN_TOKEN, startSeededCollector, type SeededCollector } from './report-seed.js';
import { record } from '../collector/requests.js';

let collector: SeededCollector;
let browser: BrowserHandle;

beforeAll(async () => {
  collector = await startSeededCollector(400);
  browser = await launchBrowser();
  // A prompt with two variants, each shown twice and answered once.
  const props = (visitor: string, variant: string) => ({ promptId: 'tested-nps', kind: 'nps', submissionId: `${visitor}-t`, variant });
  const batch = ['a', 'b', 'c', 'd'].flatMap((visitor, n) => {
    const variant = n % 2 ? 'short' : 'long';
    const shown = record(`v-${visitor}`, '$prompt_shown', props(visitor, variant));
    return n < 2 ? [shown, record(`v-${visitor}`, '$prompt_answered', { ...props(visitor, variant), score: 9 + n, complete: true })] : [shown];
  });
  const sent = await fetch(`${collector.url}/collect`, {
    method: 'POST',
    body: JSON.stringify({ writeKey: 'key-a', sentAt: new Date().toISOString(), batch }),
  });
  expect(sent.status).toBe(200);
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
    const variants = await page
      .locator('[data-testid="variants-tested-nps"] tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent)));
    expect(variants).toEqual([
      ['long', '2', '1', '50%', '100 (n=1)', '–', '–'],
      ['short', '2', '1', '50%', '100 (n=1)', '–', '–'],
    ]);
    expect(all.prompts.find((prompt) => prompt.promptId === 'tested-nps')?.variants?.map((row) => [row.variant, row.shown, row.answered])).toEqual([
      ['long', 2, 1],
      ['short', 2, 1],
    ]);
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
