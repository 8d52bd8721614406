import { openReady, withBrowser } from '../lib/browser.mjs';
import { downloaded } from './bytes.mjs';

const PAINT_TIMEOUT_MS = 5_000;

/** In the page: track the trigger, then wait for the first frame that paints widget content. */
const triggerAndWait = async ({ event, tag, timeoutMs }) => {
  let shownAt = null;
  const unsubscribe = window.waymark.on('prompt:shown', () => (shownAt ??= performance.now()));
  const start = performance.now();
  window.waymark.track(event, { tag });
  const paintedAt = await window.__bench.painted(timeoutMs);
  unsubscribe();
  return { painted: paintedAt === null ? null : paintedAt - start, shown: shownAt === null ? null : shownAt - start };
};

/**
 * Figure 5: from the triggering track() to the widget painted. Cold: the first prompt of a
 * fresh profile, which loads the widgets chunk. Warm: a second prompt after the first was
 * dismissed with Escape, chunk already loaded.
 */
export function promptLatency({ server, tag }) {
  return withBrowser(async ({ context }) => {
    const requested = [];
    context.on('request', (request) => requested.push(request.url()));
    const page = await openReady(context, `${server.url}/test/bench/pages/prompt.html`);
    const why = {};
    const notes = [];
    const cold = await page.evaluate(triggerAndWait, { event: 'bench_prompt_cold', tag, timeoutMs: PAINT_TIMEOUT_MS });
    let warm = { painted: null, shown: null };
    if (cold.painted === null) {
      why['prompt.coldMs'] =
        `no widget painted within ${PAINT_TIMEOUT_MS / 1000} s of track('bench_prompt_cold')${cold.shown === null ? ' and no prompt:shown event' : ` (prompt:shown after ${cold.shown.toFixed(0)} ms)`}`;
      why['prompt.warmMs'] = 'needs a first prompt on screen';
    } else if (!(await dismiss(page))) {
      why['prompt.warmMs'] = 'the first prompt did not close on Escape or its close button';
    } else {
      warm = await page.evaluate(triggerAndWait, { event: 'bench_prompt_warm', tag, timeoutMs: PAINT_TIMEOUT_MS });
      if (warm.painted === null) why['prompt.warmMs'] = `no second widget painted within ${PAINT_TIMEOUT_MS / 1000} s`;
    }
    if (cold.shown !== null || warm.shown !== null) notes.push(`prompt:shown event after ${fmt(cold.shown)} ms cold, ${fmt(warm.shown)} ms warm`);
    const fetched = downloaded(server.root, requested);
    if (cold.painted !== null) notes.push(`the prompt page fetched ${fetched.names.join(', ')}`);
    const values = { 'prompt.coldMs': cold.painted, 'prompt.warmMs': warm.painted, 'download.prompt': cold.painted === null ? null : fetched.gzip };
    if (cold.painted === null) why['download.prompt'] = 'no prompt was shown';
    return { values, why, notes };
  });
}

const fmt = (ms) => (ms === null ? 'n/a' : ms.toFixed(1));

/** Escape first, as a visitor would; the widget's own close button if Escape is not handled. */
async function dismiss(page) {
  await page.keyboard.press('Escape');
  if (await page.evaluate(() => window.__bench.gone(1_000))) return true;
  await page.evaluate(() => {
    for (const host of document.body.children) {
      const close = [...(host.shadowRoot?.querySelectorAll('button') ?? [])].find((button) =>
        /close|dismiss/i.test(`${button.getAttribute('aria-label')} ${button.textContent}`),
      );
      if (close) return close.click();
    }
  });
  return page.evaluate(() => window.__bench.gone(1_000));
}
