import { createStore, set } from 'idb-keyval';
import { HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LEASE_MS } from '../../src/outbox/role.js';
import { recordKey } from '../../src/outbox/store.js';
import { openOutbox, touchpoint, track, useSink, wait, type Received } from './helpers.js';

const sink = useSink();

/** A minimal Web Locks API with `ifAvailable`, as Chromium implements it for one origin. */
function fakeLocks() {
  const held = new Set<string>();
  let requests = 0;
  const locks = {
    requests: () => requests,
    async request(name: string, _options: { ifAvailable: boolean }, callback: (lock: { name: string } | null) => Promise<unknown>) {
      requests++;
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  };
  Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
  return locks;
}
afterEach(() => {
  delete (navigator as { locks?: unknown }).locks;
  vi.useRealTimers();
});

/** Requests of different senders (told apart by writeKey) never overlap in time. */
function overlaps(requests: Received[]) {
  const ended = requests.filter((request) => request.endedAt);
  return ended.some((a) => ended.some((b) => a.body.writeKey !== b.body.writeKey && a.startedAt < b.endedAt && b.startedAt < a.endedAt));
}

describe.each([
  ['a lease in IndexedDB (no Web Locks)', () => undefined],
  ['Web Locks', fakeLocks],
])('one flusher across tabs with %s', (_, setUp) => {
  it('lets one tab send at a time; together they deliver every record once', async () => {
    setUp();
    sink.respond = async () => (await wait(15), new HttpResponse(null, { status: 200 }));
    const namespace = `tabs-${Math.random()}`;
    const tabs = ['A', 'B', 'C'].map((writeKey) => openOutbox({ namespace, writeKey, delivery: { batchSize: 25 } }));
    const tracked = tabs.flatMap(({ outbox }) => track(outbox, 150));
    await Promise.all(tabs.map(({ outbox }) => outbox.flush()));
    for (let round = 0; round < 5 && sink.ids().length < tracked.length; round++) {
      await Promise.all(tabs.map(({ outbox }) => outbox.flush()));
    }
    expect(new Set(sink.ids())).toEqual(new Set(tracked.map((record) => record.id)));
    expect(sink.ids()).toHaveLength(tracked.length);
    expect(overlaps(sink.requests)).toBe(false);
  });
});

describe('a tab that dies mid-flush', () => {
  it('does not strand its batch: another tab takes over once the lease expires', async () => {
    const namespace = `dead-${Math.random()}`;
    const raw = createStore(`waymark-${namespace}-outbox`, 'outbox');
    const stranded = [touchpoint(1), touchpoint(2), touchpoint(3)];
    for (const record of stranded) await set(recordKey(record.id, JSON.stringify(record)), JSON.stringify(record), raw);
    await set(0, { owner: 'dead-tab', until: Date.now() + LEASE_MS }, raw);

    const { outbox } = openOutbox({ namespace });
    expect(await outbox.flush()).toMatchObject({ sent: 0, pending: 3 });
    expect(sink.requests).toHaveLength(0);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + LEASE_MS + 1);
    expect(await outbox.flush()).toMatchObject({ sent: 3, pending: 0 });
    expect(sink.ids()).toEqual(stranded.map((record) => record.id));
  });

  it('with Web Locks, the next holder re-sends what the dead holder never saw confirmed', async () => {
    const locks = fakeLocks();
    let answer: (() => void) | undefined;
    sink.respond = (received) =>
      received.body.writeKey === 'dying' ? new Promise<Response>(() => (answer = () => {})) : new HttpResponse(null, { status: 200 });
    const namespace = `dead-lock-${Math.random()}`;
    const dying = openOutbox({ namespace, writeKey: 'dying' });
    const records = track(dying.outbox, 10);
    void dying.outbox.flush();
    await vi.waitFor(() => expect(answer).toBeDefined());
    dying.outbox.destroy(); // the page is gone; its request never completes
    // The browser releases a dead page's locks: model it by releasing on the next request.
    const survivor = openOutbox({ namespace, writeKey: 'survivor' });
    const request = locks.request.bind(locks);
    locks.request = (name, options, callback) => request(`${name}-after-death`, options, callback);
    await survivor.outbox.flush();
    expect(sink.ids()).toEqual(records.map((record) => record.id));
  });
});

describe('backoff across tabs', () => {
  it('a Retry-After one tab received quiets the other tabs too', async () => {
    sink.respond = () => new HttpResponse(null, { status: 429, headers: { 'retry-after': '60' } });
    const namespace = `quiet-${Math.random()}`;
    const first = openOutbox({ namespace });
    const second = openOutbox({ namespace });
    await wait(5);
    await Promise.all([first.outbox.flush(), second.outbox.flush()]); // start-up runs done: first gets the role below
    track(first.outbox, 3);
    expect(await first.outbox.flush()).toMatchObject({ retried: 3 });
    sink.respond = () => new HttpResponse(null, { status: 200 });
    track(second.outbox, 2);
    expect(await second.outbox.flush()).toMatchObject({ sent: 0, retried: 0, pending: 5 });
    expect(Date.parse(second.outbox.stats().nextAttemptAt!) - Date.now()).toBeGreaterThan(59_000);
    expect(sink.requests).toHaveLength(1);
    expect(second.codes()).toEqual([]); // one report per failing streak, from the tab that saw it

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61_000);
    expect(await second.outbox.flush()).toMatchObject({ sent: 5, pending: 0 });
  });
});
