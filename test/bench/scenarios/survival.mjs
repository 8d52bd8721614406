import { tally } from '../lib/server.mjs';
import { openReady, sleep, waitFor, withBrowser } from '../lib/browser.mjs';

const COUNT = 200;
const BEFORE_REOPEN_MS = 3_000;
const AFTER_REOPEN_MS = 10_000;

/**
 * Figure 4: 200 track() calls, then at once the tab is closed (`how: 'close'`) or the page
 * navigates away (`how: 'navigate'`, in the same task as the calls). Counted at the sink
 * before the page is opened again in the same profile, and after.
 */
export function survival({ server, tag }, how) {
  return withBrowser(async ({ context }) => {
    const url = `${server.url}/test/bench/pages/typical.html`;
    const name = `bench_${how}`;
    const page = await openReady(context, url);
    const track = ({ count, name, tag, away }) => {
      for (let i = 0; i < count; i++) window.waymark.track(name, { i, tag });
      if (away) location.href = away;
    };
    if (how === 'close') {
      await page.evaluate(track, { count: COUNT, name, tag, away: null });
      await page.close();
    } else {
      // The navigation may tear the page's context down before evaluate() answers.
      await page.evaluate(track, { count: COUNT, name, tag, away: '/test/bench/pages/away.html' }).catch(() => {});
      await page.waitForURL('**/away.html');
    }
    await sleep(BEFORE_REOPEN_MS);
    const before = tally(server.received(name, tag));

    const reopened = how === 'close' ? await context.newPage() : page;
    await reopened.goto(url);
    await waitFor(() => tally(server.received(name, tag)).distinct >= COUNT, AFTER_REOPEN_MS);
    await sleep(1_000); // late retries would show up as duplicates
    const after = tally(server.received(name, tag));
    return {
      values: {
        [`${how}.before`]: before.distinct,
        [`${how}.after`]: after.distinct,
        [`${how}.lost`]: COUNT - after.distinct,
        [`${how}.duplicatesPct`]: (after.duplicates / COUNT) * 100,
      },
      why: {},
    };
  });
}
