import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WaymarkError } from '../../src/errors.js';
import { createPageExit } from '../../src/lifecycle/page-exit.js';
import { createProfileStore as createStore } from '../../src/profile/store.js';

/** A store with a page-exit owner of its own, as the SDK gives it one. */
const createProfileStore = (namespace: string, onError: (error: WaymarkError) => void) =>
  createStore(
    namespace,
    onError,
    createPageExit(() => {}),
  );
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let namespaceCount = 0;
const freshNamespace = () => `store-test-${++namespaceCount}-${Date.now()}`;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('profile store on IndexedDB', () => {
  it('loads what was saved, from another store instance (another page load)', async () => {
    const namespace = freshNamespace();
    const errors: WaymarkError[] = [];
    const store = createProfileStore(namespace, (error) => errors.push(error));
    expect(await store.load()).toBeUndefined();
    store.save({ v: 1, stage: 'decision' });
    await store.flush();
    const nextPage = createProfileStore(namespace, (error) => errors.push(error));
    expect(await nextPage.load()).toEqual({ v: 1, stage: 'decision' });
    expect(errors).toEqual([]);
    await store.close();
  });

  it('keeps namespaces apart', async () => {
    const first = createProfileStore(freshNamespace(), () => {});
    const second = createProfileStore(freshNamespace(), () => {});
    first.save({ who: 'first' });
    await first.flush();
    expect(await second.load()).toBeUndefined();
  });

  it('coalesces saves: the first writes at once, the rest within the next second as one write', async () => {
    const namespace = freshNamespace();
    const store = createProfileStore(namespace, () => {});
    const reader = createProfileStore(namespace, () => {});
    store.save({ n: 1 });
    await wait(150);
    expect(await reader.load()).toEqual({ n: 1 });
    for (let n = 2; n <= 20; n++) store.save({ n });
    await wait(150);
    // Still inside the one-second window: nothing new written yet.
    expect(await reader.load()).toEqual({ n: 1 });
    await vi.waitFor(async () => expect(await reader.load()).toEqual({ n: 20 }), { timeout: 2_000, interval: 100 });
    await store.close();
  });

  it('writes a pending save on pagehide', async () => {
    const namespace = freshNamespace();
    const store = createProfileStore(namespace, () => {});
    store.save({ n: 1 });
    await store.flush();
    store.save({ n: 2 });
    dispatchEvent(new Event('pagehide'));
    await wait(100);
    expect(await createProfileStore(namespace, () => {}).load()).toEqual({ n: 2 });
    await store.close();
  });

  it('clear forgets the profile and any pending save', async () => {
    const namespace = freshNamespace();
    const store = createProfileStore(namespace, () => {});
    store.save({ n: 1 });
    await store.flush();
    store.save({ n: 2 });
    await store.clear();
    await wait(1_100);
    expect(await createProfileStore(namespace, () => {}).load()).toBeUndefined();
  });
});

describe('profile store without IndexedDB', () => {
  it('keeps the profile in memory and reports storage_unavailable once', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const errors: WaymarkError[] = [];
    const store = createProfileStore(freshNamespace(), (error) => errors.push(error));
    expect(await store.load()).toBeUndefined();
    store.save({ n: 1 });
    await store.flush();
    store.save({ n: 2 });
    await store.flush();
    expect(await store.load()).toEqual({ n: 2 });
    expect(errors.map((error) => error.code)).toEqual(['storage_unavailable']);
    await store.clear();
    expect(await store.load()).toBeUndefined();
  });

  it('falls back when opening the database fails', async () => {
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    const errors: WaymarkError[] = [];
    const store = createProfileStore(freshNamespace(), (error) => errors.push(error));
    store.save({ n: 1 });
    await store.flush();
    expect(await store.load()).toEqual({ n: 1 });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('storage_unavailable');
  });

  it('falls back when a write fails, keeping the latest data', async () => {
    const errors: WaymarkError[] = [];
    const store = createProfileStore(freshNamespace(), (error) => errors.push(error));
    // A function cannot be stored in IndexedDB (structured clone fails).
    store.save({ n: 1, broken: () => {} });
    await store.flush();
    expect(errors.map((error) => error.code)).toEqual(['storage_unavailable']);
    store.save({ n: 2 });
    await store.flush();
    expect(await store.load()).toEqual({ n: 2 });
    expect(errors).toHaveLength(1);
  });
});

describe('the last word of a closing page', () => {
  it('a page that hides leaves its newest profile in localStorage; the next page prefers it to an older IndexedDB one', async () => {
    const namespace = freshNamespace();
    const store = createProfileStore(namespace, () => {});
    store.save({ n: 1 });
    await store.flush();
    store.save({ n: 2 });
    const aborted = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('the page is closing', 'AbortError');
    });
    dispatchEvent(new Event('pagehide'));
    await wait(20); // the write is attempted, and fails, as in a closing tab
    aborted.mockRestore();
    expect(JSON.parse(localStorage.getItem(`waymark:${namespace}:profile`)!).data).toEqual({ n: 2 });
    const next = createProfileStore(namespace, () => {});
    expect(await next.load()).toEqual({ n: 2 });
    await next.flush();
    await vi.waitFor(() => expect(localStorage.getItem(`waymark:${namespace}:profile`)).toBeNull());
  });

  it('forgetting (reset) wins over a stored profile even if the delete never commits', async () => {
    const namespace = freshNamespace();
    const store = createProfileStore(namespace, () => {});
    store.save({ visitor: 'old' });
    await store.flush();
    const stuck = vi.spyOn(indexedDB, 'open').mockImplementation(() => ({}) as IDBOpenDBRequest);
    void createProfileStore(namespace, () => {}).clear(); // a fresh instance: its delete hangs
    stuck.mockRestore();
    expect(await createProfileStore(namespace, () => {}).load()).toBeUndefined();
  });
});
