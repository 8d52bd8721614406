import type { Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportRecords, postBatch } from '../collector-load/records.mjs';
import { hasChromium, widgetClass } from './harness.js';
import { E2E_ADMIN_TOKEN, E2E_WRITE_KEY, useServedCollector } from './suite-setup.js';

const e2e = useServedCollector('poll', 'test/browser/pages/poll/waymark.json');

/** Another visitor's vote, as their SDK would have sent it. */
const vote = (choice: string) => {
  const anonymousId = randomUUID();
  const submissionId = randomUUID();
  const base = {
    ts: new Date().toISOString(),
    anonymousId,
    userId: null,
    sessionId: `${anonymousId}-s`,
    page: { url: '', path: '/blog', referrer: '', title: '' },
  };
  return [
    { ...base, id: randomUUID(), name: '$prompt_shown', props: { promptId: 'next-flavour', kind: 'poll', submissionId } },
    { ...base, id: randomUUID(), name: '$prompt_answered', props: { promptId: 'next-flavour', kind: 'poll', submissionId, complete: true, choices: [choice] } },
  ];
};

/** The stored `$prompt_answered` records of a prompt, once there are `count` of them (delivery is at-least-once: by id). */
async function answersOf(promptId: string, count: number): Promise<Array<Record<string, unknown>>> {
  let answers: Array<Record<string, unknown>> = [];
  for (const deadline = Date.now() + 20_000; answers.length < count && Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    const rows = (await exportRecords(e2e.collector.url, E2E_ADMIN_TOKEN)).filter(
      (row) => row.name === '$prompt_answered' && (row.props as { promptId: string }).promptId === promptId,
    );
    answers = [...new Map(rows.map((row) => [row.id, row])).values()];
  }
  return answers;
}

describe.skipIf(!hasChromium())('a poll in Chromium, with the results from waymark serve on another origin', () => {
  it('is voted on with the keyboard, then shows each choice’s share with the visitor’s vote in it', async () => {
    expect((await postBatch(e2e.collector.url, [...vote('Hazelnut'), ...vote('Caramel'), ...vote('Caramel')], E2E_WRITE_KEY)).status).toBe(200);
    const page = await e2e.browser.context.newPage();
    await page.goto(`${e2e.pages.url}/test/browser/pages/poll/index.html?collector=${encodeURIComponent(e2e.collector.url)}`);
    await page.waitForFunction(() => typeof (window as { waymark?: { ready?: unknown } }).waymark?.ready === 'function');
    await page.evaluate(async () => {
      const wm = (window as unknown as { waymark: { ready(): Promise<void>; track(name: string): void } }).waymark;
      await wm.ready();
      wm.track('article_read');
    });
    await page.locator('[role=dialog]').waitFor({ timeout: 10_000 });
    // Keyboard only: into the choices, the second one, then Vote.
    await page.locator('[role=radio]').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const shares = page.locator(`${widgetClass('wm-shares')} li`);
    await shares.first().waitFor({ timeout: 10_000 });
    // Two of three voted Caramel before; with this visitor, three of four.
    expect(await shares.allTextContents()).toEqual(['Hazelnut 25%', 'Caramel 75% (your vote)', 'Cardamom 0%']);
    expect(await page.locator('[role=status]').textContent()).toBe('Votes: 4');

    const answers = await answersOf('next-flavour', 4);
    const own = answers.filter((row) => (row.props as { choices: string[] }).choices[0] === 'Caramel');
    expect(answers).toHaveLength(4);
    expect(own).toHaveLength(3);
  });
});

/** What has focus inside the widget, as `role:text`; Tab until it is `wanted`. */
async function tabTo(page: Page, wanted: string) {
  const focused = () =>
    page.evaluate(() => {
      const active = document.querySelector('waymark-prompt')?.shadowRoot?.activeElement as HTMLElement | null | undefined;
      return active ? `${active.getAttribute('role') ?? active.tagName.toLowerCase()}:${active.textContent?.trim() ?? ''}` : null;
    });
  for (let step = 0; step < 20 && (await focused()) !== wanted; step++) await page.keyboard.press('Tab');
  expect(await focused()).toBe(wanted);
}

describe.skipIf(!hasChromium())('a hosted survey link, /s/<promptId> on waymark serve', () => {
  it('shows the survey at once, whatever its trigger and `if`, and records the answers given with the keyboard', async () => {
    const page = await e2e.browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${e2e.collector.url}/s/after-delivery`);
    expect(await page.title()).toBe('Your delivery');
    // Inline in the page, below its heading: the visitor tabs into it, picks a 9 and goes on.
    await page.locator('#survey waymark-prompt [role=radio]').first().waitFor({ timeout: 10_000 });
    await tabTo(page, 'radio:0');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await tabTo(page, 'button:Next');
    await page.keyboard.press('Enter');
    await page.locator('waymark-prompt #h', { hasText: 'What should we improve?' }).waitFor({ timeout: 5000 });
    await page.keyboard.press('Tab');
    await page.keyboard.type('Faster delivery');
    await tabTo(page, 'button:Submit');
    await page.keyboard.press('Enter');
    await page.locator('[role=status]', { hasText: 'Thank you!' }).waitFor({ timeout: 5000 });
    const answers = await answersOf('after-delivery', 2);
    expect(answers.map((row) => row.props)).toEqual([
      expect.objectContaining({ questionId: 'score', score: 9, complete: false }),
      expect.objectContaining({ questionId: 'why', comment: 'Faster delivery', complete: true }),
    ]);
    // Strict CSP, and nothing blocked by it.
    expect(errors).toEqual([]);
  });
});
