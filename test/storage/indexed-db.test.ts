import { get, set } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { createYieldingStore } from '../../src/storage/indexed-db.js';
import { openOutbox, track, useSink } from '../outbox/helpers.js';

const sink = useSink();

const deleteDatabase = (name: string) =>
  new Promise<string>((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve('deleted');
    request.onblocked = () => resolve('blocked');
  });

describe('a connection that yields to other tabs (issue 18.3)', () => {
  it('lets another tab delete the database, then opens it again on next use', async () => {
    const name = `yield-${Math.random()}`;
    const onVersionChange = vi.fn();
    const store = createYieldingStore(name, 'items', onVersionChange);
    await set('a', 1, store);
    expect(await deleteDatabase(name)).toBe('deleted');
    expect(onVersionChange).toHaveBeenCalledOnce();
    expect(await get('a', store)).toBeUndefined();
    await set('b', 2, store);
    expect(await get('b', store)).toBe(2);
  });

  it('an outbox whose database another tab deleted reports it once and keeps delivering', async () => {
    const { outbox, namespace, codes } = openOutbox();
    track(outbox, 3);
    await outbox.flush();
    expect(await deleteDatabase(`waymark-${namespace}-outbox`)).toBe('deleted');
    const later = track(outbox, 4);
    await outbox.flush();
    expect(codes()).toEqual(['storage_failed']);
    expect(sink.ids().slice(-4)).toEqual(later.map((record) => record.id));
    expect(outbox.stats().storage).toBe('indexeddb');
  });
});
