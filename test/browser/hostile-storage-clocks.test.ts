import type { ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, waitUntil } from './harness.js';
import { crash, DAY_MS, print, read, sleep, trackMany, useHostile, type Scope } from './hostile-setup.js';

const hostile = useHostile();
const YEAR_MS = 365 * DAY_MS;

/** A page whose clock runs ahead meets one 503 and closes, leaving its retry time behind. */
async function leaveRetryFromTheFuture(clockAheadMs: number) {
  const { server } = hostile;
  server.respond = () => ({ status: 503 });
  const ahead = await hostile.open({ clockAheadMs });
  await trackMany(ahead, 20, 'ahead');
  await waitUntil(() => server.requests > 0, 10_000);
  await ahead.waitForFunction(() => Object.keys(localStorage).some((key) => key.endsWith(':retry')));
  await ahead.close();
  server.respond = () => ({ status: 200 });
}

/** A cooldown, a per-session cap and a points rule: each keeps a stored time. */
const CLOCKED_CONFIG = {
  version: 1,
  prompts: [
    {
      id: 'rate',
      kind: 'rating',
      scale: 'stars',
      max: 5,
      trigger: { on: 'never_tracked' },
      frequency: { cooldownDays: 90 },
      content: { question: 'How did we do?' },
    },
  ],
  limits: { maxPerSession: 1 },
  rewards: { rules: [{ id: 'each', on: 'delivery_test', points: 1 }] },
};

const points = (page: Page) => page.evaluate(() => (window as unknown as Scope).waymark.state.points.value);
const sessionsOf = (tab: string) =>
  new Set(
    hostile.server.batches
      .flatMap((batch) => batch.body.batch)
      .filter((record) => record.props.tab === tab)
      .map((record) => (record as { sessionId?: string }).sessionId),
  );

describe.skipIf(!hasChromium())('delivery under wrong clocks', () => {
  it('18.1 a clock a year ahead does not stop later pages from sending', async () => {
    await hostile.start();
    await leaveRetryFromTheFuture(YEAR_MS);
    const page = await hostile.open();
    await trackMany(page, 20, 'now');
    const arrived = await waitUntil(() => hostile.tally().delivered >= 40, 15_000, 100);
    const flushed = await page.evaluate(() => (window as unknown as Scope).waymark.flush());
    const figures = hostile.tally();
    print('18.1 clock a year ahead', {
      delivered: `${figures.delivered}/40`,
      lost: 40 - figures.delivered,
      duplicates: figures.duplicates,
      lastFlushSent: flushed.sent,
    });
    expect(arrived).toBe(true);
  });

  it('18.1 a retry time 25 days ahead (past 2³¹ ms) neither spins the timer nor stops sending', async () => {
    await hostile.start();
    await leaveRetryFromTheFuture(25 * DAY_MS);
    const page = await hostile.open();
    await trackMany(page, 20, 'now');
    const arrived = await waitUntil(() => hostile.tally().delivered >= 40, 10_000, 100);
    await sleep(3_000);
    const before = await read(page, 'transactions');
    await sleep(5_000);
    const transactionsIn5s = (await read(page, 'transactions')) - before;
    const figures = hostile.tally();
    print('18.1 retry 25 days ahead', {
      delivered: `${figures.delivered}/40`,
      lost: 40 - figures.delivered,
      duplicates: figures.duplicates,
      idleTransactionsIn5s: transactionsIn5s,
    });
    expect(arrived).toBe(true);
    // Idle, the outbox wakes once a flush interval (3 s) for a few transactions; a spinning timer makes thousands.
    expect(transactionsIn5s).toBeLessThan(50);
  });

  it('18.1 after a page a year ahead, the session ends, a 90-day cooldown stays 90 days and points are awarded', async () => {
    await hostile.start();
    const ahead = await hostile.open({ clockAheadMs: YEAR_MS, init: { config: CLOCKED_CONFIG } });
    await trackMany(ahead, 5, 'ahead');
    await ahead.evaluate(() => (window as unknown as Scope).waymark.show('rate', { force: true }));
    await ahead.waitForFunction(() => (window as unknown as Scope).waymark.explain('rate').gates.some((gate) => gate.gate === 'cooldown' && !gate.pass));
    await ahead.waitForFunction(() => (window as unknown as Scope).waymark.state.points.value === 5);
    await waitUntil(() => hostile.tally().delivered >= 5, 10_000, 100);
    await ahead.close();

    const page = await hostile.open({ init: { config: CLOCKED_CONFIG } });
    await page.evaluate(() => (window as unknown as Scope).waymark.ready());
    await trackMany(page, 5, 'now');
    await waitUntil(() => hostile.tally().delivered >= 10, 10_000, 100);
    await sleep(500);
    const gates = await page.evaluate(() => (window as unknown as Scope).waymark.explain('rate').gates);
    const cooldown = gates.find((gate) => gate.gate === 'cooldown')!;
    const sessionCap = gates.find((gate) => gate.gate === 'session cap')!;
    const sameSession = [...sessionsOf('now')].some((id) => sessionsOf('ahead').has(id));
    const balance = await points(page);
    print('18.1 profile a year ahead', { points: `${balance}/10`, sameSession, cooldown: cooldown.reason, sessionCap: sessionCap.reason });
    expect(sameSession).toBe(false);
    expect(sessionCap.pass).toBe(true);
    expect(cooldown.reason).toContain('90 days left');
    expect(balance).toBe(10);
  });

  it('18.6 without Web Locks, a lease left by a dead tab whose clock ran a year ahead is taken over', async () => {
    await hostile.start();
    const { server } = hostile;
    const stalled: ServerResponse[] = [];
    server.route = (request, response) => {
      if (request.method !== 'POST' || !request.url?.startsWith('/collect')) return false;
      stalled.push(response);
      return true;
    };
    const dead = await hostile.open({ clockAheadMs: YEAR_MS, noWebLocks: true });
    await trackMany(dead, 20, 'dead');
    await dead.evaluate(() => void (window as unknown as Scope).waymark.flush());
    await waitUntil(() => stalled.length > 0, 10_000);
    await crash(dead);
    for (const response of stalled.splice(0)) response.writeHead(503).end();
    server.route = () => false;
    const startedAt = Date.now();
    const page = await hostile.open({ noWebLocks: true });
    const arrived = await waitUntil(() => hostile.tally().delivered >= 20, 20_000, 100);
    const errors = await read(page, 'errors');
    const figures = hostile.tally();
    print('18.6 lease from the future', {
      delivered: `${figures.delivered}/20`,
      lost: 20 - figures.delivered,
      duplicates: figures.duplicates,
      seconds: ((Date.now() - startedAt) / 1000).toFixed(1),
      errors: errors.join(',') || 'none',
    });
    expect(arrived).toBe(true);
  });
});
