import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, startServer, waitUntil, type BrowserHandle, type TestServer } from './harness.js';

const PAGE = '/test/browser/pages/hostile-close/index.html';
const CONFIG = { version: 1, rewards: { rules: [{ id: 'spend', on: 'purchase', points: { every: 50, of: 'amount', award: 50 } }] } };
const RUNS_PER_WAY = 3;

let server: TestServer;
let browser: BrowserHandle;
afterEach(async () => {
  await browser?.close();
  await server?.close();
});

type Scope = { waymark: { setConsent(granted: boolean): void; ready(): Promise<unknown>; track(name: string, props: object): void } };

async function open(consentAtLoad: boolean): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}${PAGE}#${encodeURIComponent(JSON.stringify({ config: CONFIG, consent: consentAtLoad }))}`);
  await page.waitForFunction(() => typeof (window as { trackMany?: unknown }).trackMany === 'function');
  return page;
}

/** Purchases with their `$points` (matched by `source`), by run. */
function tally() {
  const records = server.batches.flatMap((batch) => batch.body.batch) as Array<{ id: string; name: string; props: { run?: string; source?: string } }>;
  const purchases = records.filter((record) => record.name === 'purchase');
  const points = new Set(records.filter((record) => record.name === '$points').map((record) => record.props.source));
  return {
    purchases: new Set(purchases.map((record) => record.props.run)).size,
    points: new Set(purchases.filter((record) => points.has(record.id)).map((record) => record.props.run)).size,
  };
}

describe.skipIf(!hasChromium())('issue 18 in Chromium: the last moment of a page', () => {
  for (const consentAtLoad of [true, false]) {
    it(`finding 10: a purchase followed at once by a close or a navigation delivers the purchase and its $points (consent ${consentAtLoad ? 'at' : 'after'} load)`, async () => {
      server = await startServer();
      browser = await launchBrowser();
      const runs = 2 * RUNS_PER_WAY;
      for (let run = 0; run < runs; run++) {
        const page = await open(consentAtLoad);
        await page.evaluate(
          async ([run, consentAtLoad]) => {
            const { waymark } = window as unknown as Scope;
            if (!consentAtLoad) waymark.setConsent(true);
            await waymark.ready();
            waymark.track('purchase', { amount: 120, run });
          },
          [`run${run}`, consentAtLoad] as const,
        );
        if (run % 2) await page.goto(`${server.url}/test/browser/pages/delivery/index.html`);
        await page.close();
      }
      // A record saved but not sent goes out with the next page load.
      const sentBeforeReopen = tally();
      const reopened = await open(true);
      await waitUntil(() => tally().points >= runs && tally().purchases >= runs, 15_000, 100);
      await reopened.close();
      const figures = tally();
      console.log(
        `[hostile] finding 10 consent ${consentAtLoad ? 'at' : 'after'} load: purchases=${figures.purchases}/${runs} points=${figures.points}/${runs} ` +
          `sentAtClose=${sentBeforeReopen.purchases}+${sentBeforeReopen.points} lost=${2 * runs - figures.purchases - figures.points}`,
      );
      expect(figures).toEqual({ purchases: runs, points: runs });
    });
  }
});
