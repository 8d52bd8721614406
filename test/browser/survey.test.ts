import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startServer, type BrowserHandle, type TestServer } from './harness.js';

/** Real Chromium, the script-tag build: a survey triggered, answered with the keyboard alone, delivered to the sink. */
const PAGE = '/test/browser/pages/survey/index.html';

let server: TestServer;
let browser: BrowserHandle;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Sdk = { track(name: string): void; ready(): Promise<void> };
const sdk = (page: Page) => page.evaluate(() => (window as unknown as { waymark: Sdk }).waymark.ready());
/** Delivery is at least once (a reload may resend a batch): each record counts once, by its id. */
const delivered = () => [...new Map(server.batches.flatMap(({ body }) => body.batch).map((record) => [record.id, record])).values()];
const answered = () => delivered().filter((record) => record.name === '$prompt_answered' && record.props.promptId === 'onboarding');
const heading = (page: Page) => page.evaluate(() => document.querySelector('waymark-prompt')?.shadowRoot?.querySelector('#h')?.textContent ?? null);
/** What has focus inside the widget: its role or tag, and its text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector('waymark-prompt')?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    return active ? `${active.getAttribute('role') ?? active.tagName.toLowerCase()}:${active.textContent?.trim() ?? ''}` : null;
  });
async function tabTo(page: Page, wanted: string) {
  for (let step = 0; step < 20 && (await focused(page)) !== wanted; step++) await page.keyboard.press('Tab');
  expect(await focused(page)).toBe(wanted);
}

describe('a survey in Chromium', () => {
  it('four questions with a branch, completed with the keyboard only: one answer per question at the sink', async () => {
    const page = await browser.context.newPage();
    server.batches.length = 0;
    await page.goto(`${server.url}${PAGE}?ns=keys`);
    await sdk(page);
    await page.evaluate(() => (window as unknown as { waymark: Sdk }).waymark.track('signup'));
    await page.waitForFunction(() => document.querySelector('waymark-prompt')?.shadowRoot?.querySelector('#h'), undefined, { timeout: 10_000 });
    expect(await heading(page)).toBe('How likely are you to recommend us?');
    // A detractor (3): Home then three steps to the right, then Next.
    await tabTo(page, 'radio:0');
    await page.keyboard.press('Home');
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight');
    await tabTo(page, 'button:Next');
    await page.keyboard.press('Enter');
    // The branch: a detractor is asked why; focus is on the new question.
    expect(await heading(page)).toBe('What went wrong?');
    await expect.poll(() => focused(page)).toBe('h2:What went wrong?');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Too slow');
    await tabTo(page, 'button:Next');
    await page.keyboard.press('Enter');
    expect(await heading(page)).toBe('Which do you use?');
    // Each new question takes focus once it has rendered; Tab only from there.
    await expect.poll(() => focused(page)).toBe('h2:Which do you use?');
    await tabTo(page, 'checkbox:Checkout');
    await page.keyboard.press(' ');
    await tabTo(page, 'button:Next');
    await page.keyboard.press('Enter');
    expect(await heading(page)).toBe('How was checkout?');
    await expect.poll(() => focused(page)).toBe('h2:How was checkout?');
    await tabTo(page, 'radio:☆');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await tabTo(page, 'button:Submit');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('waymark-prompt')?.shadowRoot?.textContent?.includes('Thanks for helping!'));

    await expect.poll(() => answered().length, { timeout: 10_000 }).toBe(4);
    expect(answered().map(({ props }) => [props.questionId, props.complete])).toEqual([
      ['score', false],
      ['why', false],
      ['features', false],
      ['stars', true],
    ]);
    const [score, why, features, stars] = answered().map(({ props }) => props);
    expect(score).toMatchObject({ kind: 'survey', score: 3, band: 'detractor' });
    expect(why).toMatchObject({ comment: 'Too slow' });
    expect(features).toMatchObject({ choices: ['Checkout'] });
    expect(stars).toMatchObject({ score: 3, scale: 'stars', max: 5, metric: 'csat' });
    expect(new Set(answered().map(({ props }) => props.submissionId)).size).toBe(1);
    await page.close();
  });

  it('a reload mid-survey resumes it where the visitor was, as the same submission', async () => {
    const page = await browser.context.newPage();
    server.batches.length = 0;
    await page.goto(`${server.url}${PAGE}?ns=resume`);
    await sdk(page);
    await page.evaluate(() => (window as unknown as { waymark: Sdk }).waymark.track('signup'));
    await page.waitForFunction(() => document.querySelector('waymark-prompt')?.shadowRoot?.querySelector('[role=radio]'));
    await page.locator('[role=radio]').nth(9).click();
    await page.locator('button', { hasText: 'Next' }).click();
    expect(await heading(page)).toBe('Which do you use?');
    await page.reload();
    await sdk(page);
    await page.waitForFunction(
      () => document.querySelector('waymark-prompt')?.shadowRoot?.querySelector('#h')?.textContent === 'Which do you use?',
      undefined,
      {
        timeout: 10_000,
      },
    );
    await page.locator('[role=checkbox]', { hasText: 'Search' }).click();
    await page.locator('button', { hasText: 'Next' }).click();
    await page.locator('[role=radio]').nth(4).click();
    await page.locator('button', { hasText: 'Submit' }).click();
    const mine = answered;
    await expect.poll(() => mine().length, { timeout: 10_000 }).toBe(3);
    expect(mine().map(({ props }) => props.questionId)).toEqual(['score', 'features', 'stars']);
    expect(new Set(mine().map(({ props }) => props.submissionId)).size).toBe(1);
    const shown = server.batches
      .flatMap(({ body }) => body.batch)
      .filter(({ name, props }) => name === '$prompt_shown' && props.submissionId === mine()[0]!.props.submissionId);
    expect(shown).toHaveLength(1);
    await page.close();
  });

  it('a page fetches the survey code only when a survey shows, and a failed fetch is tried again', async () => {
    const page = await browser.context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname + new URL(request.url()).search));
    let failures = 1;
    await page.route('**/dist/waymark-survey.js*', (route) => (failures-- > 0 ? route.abort() : route.continue()));
    await page.goto(`${server.url}${PAGE}?ns=fetch`);
    await sdk(page);
    expect(fetched.filter((path) => path.includes('waymark-survey'))).toEqual([]);
    await page.evaluate(() => (window as unknown as { waymark: Sdk }).waymark.track('signup'));
    await expect.poll(() => fetched.filter((path) => path.includes('waymark-survey')).length).toBe(1);
    expect(await heading(page)).toBeNull();
    // The next time the survey's trigger fires, a fresh URL is asked for and the survey shows.
    await page.evaluate(() => (window as unknown as { waymark: Sdk }).waymark.track('signup'));
    await page.waitForFunction(() => document.querySelector('waymark-prompt')?.shadowRoot?.querySelector('#h'), undefined, { timeout: 10_000 });
    expect(fetched.filter((path) => path.includes('waymark-survey'))).toEqual(['/dist/waymark-survey.js', '/dist/waymark-survey.js?retry=1']);
    // No prompt of this config is a feedback tab: the launchers' chunk is never asked for.
    expect(fetched.filter((path) => path.includes('waymark-tab'))).toEqual([]);
    await page.close();
  });

  it('a quiz answered right awards the points its reward rule gives for the score', async () => {
    const page = await browser.context.newPage();
    server.batches.length = 0;
    await page.goto(`${server.url}${PAGE}?ns=quiz`);
    await sdk(page);
    await page.evaluate(() => (window as unknown as { waymark: Sdk }).waymark.track('article_read'));
    await page.waitForFunction(() => document.querySelector('waymark-prompt')?.shadowRoot?.querySelector('[role=radio]'), undefined, { timeout: 10_000 });
    await page.locator('[role=radio]', { hasText: 'Ethiopia' }).click();
    await page.locator('button', { hasText: 'Check' }).click();
    await page.locator('[role=status]', { hasText: 'Correct!' }).waitFor();
    await page.locator('button', { hasText: 'Next' }).click();
    await page.locator('[role=checkbox]', { hasText: 'Latte' }).click();
    await page.locator('[role=checkbox]', { hasText: 'Cortado' }).click();
    await page.locator('button', { hasText: 'Check' }).click();
    await page.locator('[role=status]', { hasText: '2 of 2 right' }).waitFor();
    const records = delivered;
    await expect.poll(() => records().filter(({ name }) => name === '$points').length, { timeout: 10_000 }).toBe(1);
    expect(records().find(({ name }) => name === '$quiz_completed')?.props).toMatchObject({ promptId: 'coffee-quiz', score: 2, max: 2 });
    expect(records().find(({ name }) => name === '$points')?.props).toMatchObject({ delta: 50, rule: 'quiz-ace' });
    await page.close();
  });
});
