import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import ts from 'typescript';
import type { Offer, PollResults, Prompt, Theme } from '../../widgets/contract.js';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, ROOT, startServer, waitUntil, type BrowserHandle, type TestServer } from './harness.js';

/**
 * The test server, plus `/src-js/<path>.js`: `src/<path>.ts` transpiled on the fly, so pages
 * drive the real prompt host before the SDK wires it.
 */
export async function startWidgetsServer(): Promise<TestServer> {
  const server = await startServer();
  server.route = (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (!path.startsWith('/src-js/')) return false;
    const file = join(ROOT, 'src', path.slice('/src-js/'.length).replace(/\.js$/, '.ts'));
    if (!file.startsWith(join(ROOT, 'src')) || !existsSync(file)) return (void response.writeHead(404).end(), true);
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    });
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
    response.end(outputText);
    return true;
  };
  return server;
}

/** One Chromium and one widgets server for a test file, handed over once both are up. */
export function useWidgetsBrowser(ready: (page: Page, server: TestServer) => void): void {
  let browser: BrowserHandle | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWidgetsServer()]);
    ready(await browser.context.newPage(), server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

export const PAGES = '/test/browser/pages/widgets';

export async function openPage(page: Page, server: TestServer, file = 'index.html', query = '') {
  await page.goto(`${server.url}${PAGES}/${file}${query}`);
  await page.waitForFunction(() => (window as { pageReady?: boolean }).pageReady === true, undefined, { timeout: 10_000 });
}

const trigger = { on: 'test' };
export const OFFER: Offer = { id: 'five-off', cost: 200, label: '$5 off your next order', description: 'On any order over $20' };

/** One prompt of every kind and variant. */
export const PROMPTS: Record<string, Prompt> = {
  nps: {
    id: 'nps',
    kind: 'nps',
    trigger,
    content: {
      question: 'How likely are you to recommend us to a friend or colleague?',
      followUp: { detractor: 'What went wrong?', passive: 'What would make it a 10?', promoter: 'What do you love most?' },
      placeholder: 'Optional',
    },
  },
  stars: {
    id: 'stars',
    kind: 'rating',
    scale: 'stars',
    max: 5,
    metric: 'csat',
    trigger,
    content: { question: 'How did we do?', followUp: { below: 4, question: 'What could be better?' } },
  },
  thumbs: { id: 'thumbs', kind: 'rating', scale: 'thumbs', trigger, content: { question: 'Was this page helpful?' } },
  emoji: { id: 'emoji', kind: 'rating', scale: 'emoji', max: 5, trigger, content: { question: 'How was checkout?' } },
  numeric: {
    id: 'numeric',
    kind: 'rating',
    scale: 'numeric',
    max: 7,
    metric: 'ces',
    trigger,
    content: { question: 'How easy was it to find the right size?' },
  },
  exit: {
    id: 'exit',
    kind: 'exit',
    trigger,
    content: { question: 'What stopped you today?', choices: ['Price', 'Shipping cost', 'Just browsing'], allowOther: true, placeholder: 'Tell us' },
  },
  exitMultiple: {
    id: 'exit-multiple',
    kind: 'exit',
    trigger,
    content: { question: 'What would you like to see?', choices: ['More sizes', 'More colours', 'Faster delivery'], multiple: true },
  },
  toast: { id: 'toast', kind: 'reward', trigger, content: { title: '+{delta} points!', body: '{toNextTier} points to {nextTier}.' } },
  offer: {
    id: 'offer',
    kind: 'reward',
    offer: 'five-off',
    trigger,
    content: { title: 'You can redeem $5 off', body: 'Use 200 of your {points} points on this order?' },
  },
  survey: {
    id: 'survey',
    kind: 'survey',
    trigger,
    content: { title: 'Two minutes?' },
    questions: [
      { id: 'features', type: 'multiple', text: 'Which do you use?', choices: ['Search', 'Checkout', 'Wishlist'], other: true },
      { id: 'why', type: 'text', text: 'What should we build next?', placeholder: 'Optional' },
    ],
  },
  quiz: {
    id: 'quiz',
    kind: 'quiz',
    trigger,
    content: { title: 'Coffee quiz' },
    questions: [
      {
        id: 'origin',
        type: 'single',
        text: 'Where was coffee first drunk?',
        choices: ['Brazil', 'Ethiopia'],
        correct: ['Ethiopia'],
        explanation: 'A goatherd noticed.',
      },
    ],
  },
  poll: {
    id: 'poll',
    kind: 'poll',
    trigger,
    content: { question: 'Which flavour should we roast next?', choices: ['Hazelnut', 'Caramel', 'Cardamom'] },
  },
};
/** The question types the gallery's survey does not show: NPS with end labels, single choice with "Other", a long text, a statement. */
export const SURVEY_TYPES: Prompt = {
  id: 'survey-types',
  kind: 'survey',
  trigger,
  content: { title: 'Two minutes?' },
  questions: [
    { id: 'score', type: 'nps', text: 'How likely are you to recommend us?', lowLabel: 'Not likely', highLabel: 'Very likely' },
    { id: 'plan', type: 'single', text: 'Which plan are you on?', choices: ['Free', 'Team', 'Enterprise'], other: true },
    { id: 'why', type: 'text', text: 'What could be better?', long: true, maxLength: 500, placeholder: 'Optional' },
    { id: 'bye', type: 'info', text: "That's all!", body: 'We read every answer.', button: 'Finish' },
  ],
};
export const VARS = { delta: 50, points: 1250, toNextTier: 250, nextTier: 'Gold' };

export const THEMES: Record<string, Theme> = { light: { colorScheme: 'light' }, dark: { colorScheme: 'dark' } };

/** Shows a prompt through the host; `modal` overrides the kind's default presentation. */
export async function showPrompt(
  page: Page,
  prompt: Prompt,
  extra: { theme?: Theme; modal?: boolean; locale?: string; vars?: Record<string, string | number>; pollVotes?: PollResults } = {},
) {
  const withPresentation = extra.modal === undefined ? prompt : { ...prompt, presentation: { ...prompt.presentation, modal: extra.modal } };
  const shown = await page.evaluate((props) => (window as unknown as { showPrompt(props: unknown): Promise<boolean> }).showPrompt(props), {
    prompt: withPresentation,
    theme: extra.theme ?? {},
    vars: extra.vars ?? VARS,
    locale: extra.locale ?? 'en',
    ...(prompt.kind === 'reward' && prompt.offer ? { offer: OFFER } : {}),
    ...(extra.pollVotes ? { pollVotes: extra.pollVotes } : {}),
  });
  if (!shown) throw new Error(`prompt ${prompt.id} did not show: ${JSON.stringify(await page.evaluate(() => (window as { errors?: unknown }).errors))}`);
  await page.locator('[role=dialog]').waitFor({ state: 'visible', timeout: 5000 });
  await settled(page);
}

/** Waits out the entrance animation, so measurements and contrast see the final frame. */
export const settled = (page: Page) =>
  page.waitForFunction(
    () =>
      document
        .querySelector('waymark-prompt')
        ?.shadowRoot?.getAnimations()
        .every((animation) => animation.playState === 'finished') ?? true,
    undefined,
    {
      timeout: 5000,
    },
  );

export const callbackLog = (page: Page) => page.evaluate(() => (window as unknown as { log: unknown[][] }).log);

/** The element focused inside the widget's shadow root, described for assertions. */
export const focusedInWidget = (page: Page) =>
  page.evaluate(() => {
    const inner = document.activeElement?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    return inner
      ? {
          tag: inner.tagName,
          role: inner.getAttribute('role'),
          label: inner.getAttribute('aria-label'),
          text: inner.textContent ?? '',
          className: inner.className,
        }
      : null;
  });

export async function waitForLog(page: Page, count: number) {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if ((await callbackLog(page)).length >= count) return;
    await page.waitForTimeout(50);
  }
}

export { waitUntil };
