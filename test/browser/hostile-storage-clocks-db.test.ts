import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, waitUntil } from './harness.js';
import { print, read, trackMany, useHostile, type Scope } from './hostile-setup.js';

const hostile = useHostile();
const waymark = (page: Page) => page.evaluate(() => (window as unknown as Scope).waymark.stats());

describe.skipIf(!hasChromium())('delivery under hostile storage', () => {
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
    print('18.13 storage blocked', { delivered: `${hostile.tally().delivered}/20`, storageErrors: storageErrors.length, codes: errors.join(',') || 'none', storage: (await waymark(page)).storage });
    expect(storageErrors).toHaveLength(1);
  });
});
