import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Touchpoint } from '../../src/types.js';
import { hasChromium, launchBrowser, startServer, waitUntil, type BrowserHandle, type TestServer } from './harness.js';

/** Identity on shared devices and broken storage, and hostile arguments, in real Chromium on dist/. */
const PAGE = '/test/browser/pages/identity/index.html';
const DELIVERY_PAGE = '/test/browser/pages/delivery/index.html';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

declare global {
  interface Window {
    recorded: Touchpoint[];
    errors: string[];
    ready?: boolean;
    wm: import('../../src/api.js').Waymark;
    waymarkInit: typeof import('../../src/init.js').init;
  }
}

let server: TestServer;
let browser: BrowserHandle;
afterEach(async () => {
  await browser?.close();
  await server?.close();
});

async function start() {
  server = await startServer();
  browser = await launchBrowser();
}

async function open(query = '', page?: Page): Promise<Page> {
  page ??= await browser.context.newPage();
  await page.goto(server.url + PAGE + query);
  await page.waitForFunction(() => window.ready === true, null, { timeout: 15_000 });
  return page;
}

type SinkRecord = { id: string; name: string; props: Record<string, unknown>; anonymousId?: string; userId?: string | null; sessionId?: string };
const received = (name: string): SinkRecord[] => server.batches.flatMap((batch) => batch.body.batch as SinkRecord[]).filter((record) => record.name === name);
const points = (page: Page) => page.evaluate(() => window.wm.state.points.value);
/** The identity a tab stamps now: that of a touchpoint it records. */
const stamp = (page: Page) =>
  page.evaluate(() => {
    window.wm.track('probe');
    void window.wm.flush(); // runs the rule work now, which emits the touchpoint
    const probe = window.recorded.filter((touchpoint) => touchpoint.name === 'probe').pop()!;
    return { anonymousId: probe.anonymousId, userId: probe.userId, sessionId: probe.sessionId };
  });
const gate = (page: Page, name: string) => page.evaluate((name) => window.wm.explain('after-purchase').gates.find((gate) => gate.gate === name), name);

function print(name: string, figures: Record<string, unknown>) {
  console.log(`[hostile-identity] ${name}: ${Object.entries(figures).map(([key, value]) => `${key}=${String(value)}`).join(' ')}`);
}

describe.skipIf(!hasChromium())('identity and hostile input in Chromium', () => {
  it('18.2 a reset in one tab reaches the other tab at once: ids, points and purchases follow the new visitor', async () => {
    await start();
    const first = await open();
    const second = await open();
    await first.evaluate(() => (window.wm.identify('userA'), window.wm.track('purchase')));
    await sleep(300);
    const pointsOfA = await points(second);
    const secondA = await stamp(second); // the second tab is in use, as A

    await first.evaluate(() => (window.wm.reset(), window.wm.identify('userB'), window.wm.track('purchase')));
    await sleep(300);
    const [firstB, secondB] = [await stamp(first), await stamp(second)];
    const pointsInSecond = await points(second);

    await first.evaluate(() => (window.wm.reset(), window.wm.identify('userC')));
    await sleep(300);
    const firstC = await stamp(first);
    await second.evaluate(() => window.wm.track('purchase', { tab: 'second' }));
    await Promise.all([first, second].map((page) => page.evaluate(() => window.wm.flush())));
    const arrived = await waitUntil(() => received('purchase').some((record) => record.props.tab === 'second'), 10_000);
    const purchaseOfC = received('purchase').find((record) => record.props.tab === 'second');
    print('reset across tabs', {
      pointsOfA,
      secondWasA: secondA.userId === 'userA',
      pointsInSecondAfterB: pointsInSecond,
      secondFollowsB: secondB.anonymousId === firstB.anonymousId && secondB.userId === 'userB',
      sameSession: secondB.sessionId === firstB.sessionId,
      purchaseInSecondArrivedAs: purchaseOfC?.userId,
    });
    expect(pointsOfA).toBe(10);
    expect(arrived).toBe(true);
    expect(secondB).toEqual(firstB);
    expect(pointsInSecond).toBe(10);
    expect(purchaseOfC?.userId).toBe('userC');
    expect(purchaseOfC?.anonymousId).toBe(firstC.anonymousId);
  });

  it('18.2 records keep the identity of the moment they were made; a reset cancels prompts scheduled before it and leaves no cooldowns', async () => {
    await start();
    const first = await open();
    const second = await open();
    // A signup and its points belong to B, even when identify('userC') follows in the same task.
    await first.evaluate(() => (window.wm.identify('userB'), window.wm.track('signup'), window.wm.identify('userC')));
    await first.evaluate(() => window.wm.flush());
    await waitUntil(() => received('$points').length > 0, 10_000);
    const pointsUser = received('$points')[0]?.userId;

    // A's purchase schedules the prompt (1 s delay); the visitor changes before it opens.
    await first.evaluate(() => (window.wm.reset(), window.wm.identify('userA'), window.wm.track('purchase'), window.wm.reset()));
    await sleep(1_800);
    const shownAfterReset = await first.evaluate(() => window.recorded.filter((touchpoint) => touchpoint.name === '$prompt_shown').length);

    // A sees the prompt; after a reset in the other tab neither tab keeps A's cooldown.
    await first.evaluate(() => (window.wm.identify('userA'), window.wm.show('after-purchase')));
    await first.waitForFunction(() => window.recorded.some((touchpoint) => touchpoint.name === '$prompt_shown'), null, { timeout: 10_000 });
    await first.keyboard.press('Escape');
    await sleep(300);
    const cooldownOfA = (await gate(second, 'cooldown'))?.pass;
    await first.evaluate(() => window.wm.reset());
    await sleep(300);
    const [cooldownFirst, cooldownSecond] = [await gate(first, 'cooldown'), await gate(second, 'cooldown')];
    print('moment and prompts', {
      pointsOfPurchaseBy: pointsUser,
      promptsShownAfterReset: shownAfterReset,
      cooldownOfAInSecond: cooldownOfA,
      cooldownInFirst: cooldownFirst?.reason,
      cooldownInSecond: cooldownSecond?.reason,
    });
    expect(pointsUser).toBe('userB');
    expect(shownAfterReset).toBe(0);
    expect(cooldownOfA).toBe(false);
    expect(cooldownFirst?.pass).toBe(true);
    expect(cooldownSecond?.pass).toBe(true);
  });
});

describe.skipIf(!hasChromium())('hostile arguments in Chromium', () => {
  it('18.12 show(id, options) with throwing getters, and the other methods given hostile objects: error events, never a page error', async () => {
    await start();
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await open('', page);
    const thrownByInit = await page.evaluate(async () => {
      const boom = () => {
        throw new Error('hostile getter');
      };
      const hostile = Object.defineProperty({}, 'force', { get: boom, enumerable: true });
      const hostileText = { toString: boom };
      const hostileProps = Object.defineProperty({}, 'amount', { get: boom, enumerable: true });
      const wm = window.wm;
      wm.show('after-purchase', hostile as { force?: boolean });
      wm.show(hostileText as unknown as string, { force: true });
      wm.track('purchase', hostileProps);
      wm.page(hostileProps);
      wm.identify('userH', hostileProps);
      wm.explain(hostileText as unknown as string);
      wm.redeem(hostileText as unknown as string);
      const init = window.waymarkInit;
      let thrown = 0;
      const hostileOptions = [
        Object.defineProperty({}, 'namespace', { get: boom, enumerable: true }),
        Object.defineProperty({ namespace: 'hostile-delivery' }, 'delivery', { get: boom, enumerable: true }),
        { namespace: 'hostile-headers', endpoint: '/collect', headers: Object.defineProperty({}, 'x-key', { get: boom, enumerable: true }) },
      ];
      for (const options of hostileOptions) {
        try {
          const instance = init(options);
          instance.explain(hostileText as unknown as string);
          instance.track('hostile_init');
          await instance.flush();
        } catch {
          thrown++;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      return thrown;
    });
    const errors = await page.evaluate(() => window.errors);
    print('hostile arguments', { pageErrors: pageErrors.length, thrownByInit, errorEvents: errors.length, codes: [...new Set(errors)].join('/') });
    expect(pageErrors).toEqual([]);
    expect(thrownByInit).toBe(0);
    expect(errors.length).toBeGreaterThanOrEqual(4);
  });
});
