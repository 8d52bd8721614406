import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, waitUntil } from './harness.js';
import { print, read, sleep, trackMany, useHostile, type Scope } from './hostile-setup.js';

const hostile = useHostile();
const waymark = (page: Page) => page.evaluate(() => (window as unknown as Scope).waymark.stats());
const POINTS_CONFIG = { version: 1, rewards: { rules: [{ id: 'each', on: 'delivery_test', points: 1 }] } };
const delivered = (tab: string) =>
  new Set(
    hostile.server.batches
      .flatMap((batch) => batch.body.batch)
      .filter((record) => record.props.tab === tab)
      .map((record) => record.props.i),
  ).size;
/** In the page: whether the outbox database holds at least `count` records (committed, not just queued). */
async function storedRecords(count: number) {
  const [info] = (await indexedDB.databases()).filter((database) => database.name?.endsWith('-outbox'));
  if (!info?.name) return false;
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(info.name!);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const request = database.transaction('outbox').objectStore('outbox').count(IDBKeyRange.lowerBound('', true));
  const stored = await new Promise<number>((resolve) => (request.onsuccess = () => resolve(request.result)));
  database.close();
  return stored >= count;
}
/** Resolves to what `run` gives, or to 'timed out' when it does not settle in time. */
const within = <T>(ms: number, run: Promise<T>) => Promise.race([run, sleep(ms).then(() => 'timed out' as const)]);

describe.skipIf(!hasChromium())('delivery under hostile storage', () => {
  it('18.3 a database deleted from another tab is let go: new pages send, ready() and flush() resolve', async () => {
    await hostile.start();
    const old = await hostile.open({ init: { config: POINTS_CONFIG } });
    await trackMany(old, 10, 'old');
    await waitUntil(() => delivered('old') >= 10, 10_000, 100);
    // Another tab deletes every Waymark database, as a logout or a newer version may.
    const other = await hostile.browser.context.newPage();
    await other.goto(`${hostile.server.url}/package.json`);
    const deletes = await other.evaluate(async () => {
      const names = (await indexedDB.databases()).map((database) => database.name ?? '').filter((name) => name.startsWith('waymark-'));
      const outcome = (name: string) =>
        new Promise<string>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolve('deleted');
          request.onblocked = () => resolve('blocked');
        });
      return Promise.all(names.map(outcome));
    });
    const page = await hostile.open({ init: { config: POINTS_CONFIG } });
    const ready = await within(
      10_000,
      page.evaluate(() => (window as unknown as Scope).waymark.ready().then(() => 'resolved')),
    );
    await trackMany(page, 300, 'new');
    const pendingAfterTrack = (await waymark(page)).pending;
    const arrived = await waitUntil(() => delivered('new') >= 300, 20_000, 100);
    const flushed = await within(
      10_000,
      page.evaluate(() => (window as unknown as Scope).waymark.flush().then(() => 'resolved')),
    );
    const oldErrors = await read(old, 'errors');
    print('18.3 database deleted', {
      deletes: deletes.join(','),
      ready,
      flush: flushed,
      delivered: `${delivered('new')}/300`,
      lost: 300 - delivered('new'),
      pendingAfterTrack,
      oldPageErrors: oldErrors.join(',') || 'none',
    });
    expect(deletes.every((outcome) => outcome === 'deleted')).toBe(true);
    expect(ready).toBe('resolved');
    expect(pendingAfterTrack).toBeGreaterThanOrEqual(300);
    expect(arrived).toBe(true);
    expect(flushed).toBe('resolved');
    expect(oldErrors).toContain('storage_failed');
  });

  it('18.4 trimming 40,000 over-limit records takes no long task, and the drop is reported', async () => {
    await hostile.start();
    // A tab that only writes: offline, and no flush before it closes.
    const writer = await hostile.open({ offline: true, init: { delivery: { flushIntervalMs: 600_000 } } });
    for (let i = 0; i < 10; i++)
      await writer.evaluate((i) => (window as unknown as { trackMany(count: number, tab: string): number }).trackMany(5_000, `offline${i}`), i);
    for (let waited = 0; !(await writer.evaluate(storedRecords, 50_000)) && waited < 60; waited++) await sleep(1_000);
    await writer.close();
    const page = await hostile.open({ offline: true });
    const reported = await page
      .waitForFunction(() => (window as unknown as Scope).drops.reduce((sum, count) => sum + count, 0) >= 40_000, undefined, { timeout: 60_000 })
      .then(
        () => true,
        () => false,
      );
    const longTasks = await read(page, 'longTasks');
    const drops = await read(page, 'drops');
    const stored = (await waymark(page)).pending;
    print('18.4 trim 50,000 to 10,000', {
      dropped: drops.reduce((sum, count) => sum + count, 0),
      reports: drops.length,
      kept: stored,
      longTasks: longTasks.length,
      longestTaskMs: Math.round(Math.max(0, ...longTasks)),
    });
    expect(reported).toBe(true);
    expect(Math.max(0, ...longTasks)).toBeLessThan(300);
  });

  it('18.5 after "clear site data" broke IndexedDB, storage is tried again and later records survive the page', async () => {
    await hostile.start();
    // Offline, so nothing is sent and a page-hide request cannot carry records off either.
    const page = await hostile.open({ offline: true });
    await trackMany(page, 10, 'before');
    await page.evaluate(() => ((window as unknown as Scope).storageFault = 'InvalidStateError'));
    await trackMany(page, 10, 'during');
    await page.waitForFunction(() => (window as unknown as Scope).waymark.stats().storage === 'memory');
    await page.evaluate(() => ((window as unknown as Scope).storageFault = null));
    await trackMany(page, 100, 'after');
    await sleep(3_000);
    const storage = (await waymark(page)).storage;
    const errors = await read(page, 'errors');
    await page.close();
    const next = await hostile.open();
    await waitUntil(() => delivered('after') + delivered('during') >= 110, 20_000, 100);
    const drops = (await read(next, 'drops')).reduce((sum, count) => sum + count, 0);
    const lost = 110 - delivered('after') - delivered('during');
    print('18.5 storage broken, then back', {
      delivered: `${110 - lost}/110`,
      lost,
      reportedDropped: drops,
      storageBeforeClose: storage,
      errors: errors.join(',') || 'none',
    });
    expect(storage).toBe('indexeddb');
    expect(lost).toBe(0);
  });

  it('18.5 with storage full for the whole page, every record is delivered or counted as dropped', async () => {
    await hostile.start();
    // Offline, so nothing is sent and a page-hide request cannot carry records off either.
    const page = await hostile.open({ offline: true });
    await page.evaluate(() => ((window as unknown as Scope).storageFault = 'QuotaExceededError'));
    await trackMany(page, 2_000, 'full');
    await sleep(2_000);
    const errors = await read(page, 'errors');
    await page.close();
    const next = await hostile.open();
    await waitUntil(() => delivered('full') >= 2_000, 30_000, 200);
    await sleep(1_000);
    const drops = (await read(next, 'drops')).reduce((sum, count) => sum + count, 0);
    const lost = 2_000 - delivered('full');
    print('18.5 storage full', { delivered: `${delivered('full')}/2000`, lost, reportedDropped: drops, errors: errors.join(',') || 'none' });
    expect(lost).toBeLessThanOrEqual(drops);
  });

  it('18.13 a storage failure is reported once', async () => {
    await hostile.start();
    const config = { version: 1, rewards: { rules: [{ id: 'each', on: 'delivery_test', points: 1 }] } };
    const page = await hostile.open({ noIndexedDb: true, init: { config } });
    await trackMany(page, 20, 'memory');
    await waitUntil(() => hostile.tally().delivered >= 20, 10_000, 100);
    await page.waitForFunction(() => (window as unknown as Scope).waymark.state.points.value >= 20);
    await page.evaluate(() => (window as unknown as Scope).waymark.ready());
    const errors = await read(page, 'errors');
    const storageErrors = errors.filter((code) => code.startsWith('storage_'));
    print('18.13 storage blocked', {
      delivered: `${hostile.tally().delivered}/20`,
      storageErrors: storageErrors.length,
      codes: errors.join(',') || 'none',
      storage: (await waymark(page)).storage,
    });
    expect(storageErrors).toHaveLength(1);
  });
});
