import { createStore, set } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { indexedDbStore, memoryStore, recordKey, type Store } from '../../src/outbox/store.js';
import { openOutbox, touchpoint, track, useSink, wait } from './helpers.js';

const sink = useSink();
afterEach(() => vi.restoreAllMocks());

describe.each([
  ['indexeddb', () => indexedDbStore(`store-test-${Math.random()}`)],
  ['memory', () => memoryStore()],
])('%s store', (_, make: () => Store) => {
  it('reads back in key order, in pages after a key', async () => {
    const store = make();
    const records = Array.from({ length: 25 }, (_, index) => touchpoint(index));
    const entries = records.map((record): [string, string] => [recordKey(record.id, JSON.stringify(record)), JSON.stringify(record)]);
    await store.put(entries.slice(10));
    await store.put(entries.slice(0, 10)); // written late (another tab), still read in id order
    const keys = await store.keys();
    expect(keys).toEqual(entries.map(([key]) => key));
    const page = await store.read(keys[4]!, 6);
    expect(page).toEqual(entries.slice(5, 11));
    await store.del([keys[0]!, keys[5]!]);
    expect(await store.keys()).toHaveLength(23);
    await store.clear();
    expect(await store.read('', 10)).toEqual([]);
  });
});

describe('flusher lease', () => {
  it('belongs to one owner until it expires or is released', async () => {
    const store = indexedDbStore(`lease-test-${Math.random()}`);
    const now = Date.now();
    expect(await store.lease!('tab-a', now + 1000)).toBe(true);
    expect(await store.lease!('tab-b', now + 1000)).toBe(false);
    expect(await store.lease!('tab-a', now + 2000)).toBe(true); // renewal
    expect(await store.lease!('tab-a', 0)).toBe(true); // release
    expect(await store.lease!('tab-b', now + 1000)).toBe(true);
    await store.clear(); // dropping records leaves the lease alone
    expect(await store.lease!('tab-a', now + 1000)).toBe(false);
    expect(await store.keys()).toEqual([]);
  });
});

describe('outbox storage', () => {
  it('keeps the order records were tracked in, across batches', async () => {
    const { outbox } = openOutbox({ delivery: { batchSize: 20 } });
    const records = track(outbox, 230);
    await outbox.flush();
    const batches = sink.accepted().map((request) => request.body.batch.map((record) => record.id));
    for (const batch of batches) expect(batch).toEqual([...batch].sort());
    batches.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    expect(batches.flat()).toEqual(records.map((record) => record.id));
  });

  it('persists before sending: records written by an earlier page are sent by the next one', async () => {
    let endpoint: string | undefined;
    const first = openOutbox({ endpoint: () => endpoint });
    const records = track(first.outbox, 40);
    await first.outbox.flush(); // no endpoint yet: persisted, not sent
    first.outbox.destroy();
    endpoint = 'http://localhost:3000/collect';
    const next = openOutbox({ namespace: first.namespace });
    await vi.waitFor(() => expect(sink.ids()).toHaveLength(40)); // resumes on its own at start
    expect(sink.ids()).toEqual(records.map((record) => record.id));
    await expect.poll(() => next.outbox.stats().pending).toBe(0);
  });

  it('add() is synchronous and coalesces writes into one transaction per tick', async () => {
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const { outbox } = openOutbox({ endpoint: () => undefined });
    await outbox.flush();
    await wait(20); // let the start-up run finish its lease transactions
    transactions.mockClear();
    const recordPuts = () => put.mock.calls.filter(([, key]) => typeof key === 'string');
    track(outbox, 300);
    expect(recordPuts()).toHaveLength(0);
    expect(outbox.stats().pending).toBe(300);
    await wait(20);
    expect(recordPuts()).toHaveLength(300);
    expect(transactions.mock.calls.filter(([, mode]) => mode === 'readwrite')).toHaveLength(1);
  });

  it('falls back to memory when IndexedDB cannot open, says so once, keeps delivering', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    });
    const { outbox, codes } = openOutbox();
    const records = track(outbox, 60);
    expect(await outbox.flush()).toMatchObject({ sent: 60, pending: 0 });
    track(outbox, 5);
    await outbox.flush();
    expect(codes()).toEqual(['storage_unavailable']);
    expect(outbox.stats().storage).toBe('memory');
    expect(sink.ids().slice(0, 60)).toEqual(records.map((record) => record.id));
    expect(sink.ids()).toHaveLength(65);
  });

  it('falls back to memory on a quota error while writing, losing nothing', async () => {
    let endpoint: string | undefined;
    const { outbox, codes } = openOutbox({ endpoint: () => endpoint });
    track(outbox, 5);
    await outbox.flush(); // IndexedDB works at first
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    track(outbox, 7);
    await outbox.flush();
    expect(codes()).toEqual(['storage_failed']);
    expect(outbox.stats()).toMatchObject({ storage: 'memory', pending: 7 });
    endpoint = 'http://localhost:3000/collect';
    expect(await outbox.flush()).toMatchObject({ sent: 7 });
  });

  it('drops corrupted records, counts them, and sends the rest', async () => {
    const namespace = `corrupt-${Math.random()}`;
    const good = [touchpoint(1), touchpoint(2), touchpoint(3)];
    const bad = [touchpoint(4), touchpoint(5), touchpoint(6)];
    const raw = createStore(`waymark-${namespace}-outbox`, 'outbox');
    await set(recordKey(good[0]!.id, JSON.stringify(good[0])), JSON.stringify(good[0]), raw);
    await set(recordKey(bad[0]!.id, 'x'), '{"id": trunc', raw);
    await set(recordKey(bad[1]!.id, 'x'), { not: 'a string' }, raw);
    await set(recordKey(bad[2]!.id, 'x'), '{"no":"id"}', raw);
    const { outbox, codes } = openOutbox({ namespace });
    outbox.add(good[1]!);
    outbox.add(good[2]!);
    await outbox.flush();
    expect(outbox.stats()).toMatchObject({ sent: 3, dropped: 3, pending: 0 });
    expect(sink.ids()).toEqual(good.map((record) => record.id));
    expect(codes()).toEqual(['records_dropped']);
    expect(outbox.stats().storage).toBe('indexeddb');
  });

  it('clear() drops everything pending', async () => {
    let endpoint: string | undefined;
    const { outbox } = openOutbox({ endpoint: () => endpoint });
    track(outbox, 20);
    await outbox.flush();
    track(outbox, 5); // still queued in memory
    await outbox.clear();
    endpoint = 'http://localhost:3000/collect';
    expect(await outbox.flush()).toEqual({ sent: 0, retried: 0, dropped: 0, pending: 0 });
    expect(sink.requests).toHaveLength(0);
  });
});
