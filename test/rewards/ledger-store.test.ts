import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WaymarkError } from '../../src/errors.js';
import { openLedger } from '../../src/rewards/ledger-store.js';
import { shopConfig, touch } from './fixtures.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('openLedger', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('persists points and applied ids across reloads', async () => {
    const errors: WaymarkError[] = [];
    const seen: number[] = [];
    const first = await openLedger(
      shopConfig(),
      'store-reload',
      (ledger) => seen.push(ledger.points),
      (error) => errors.push(error),
    );
    const purchase = touch('purchase', { amount: 600 });
    first.apply(purchase);
    expect(seen).toEqual([600]);
    await settle();

    const reloaded = await openLedger(
      shopConfig(),
      'store-reload',
      () => {},
      (error) => errors.push(error),
    );
    expect([reloaded.points, reloaded.lifetime, reloaded.tier]).toEqual([600, 600, 'silver']);
    expect(reloaded.apply(purchase)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a reset right before the page closes is kept even if IndexedDB never commits it', async () => {
    const first = await openLedger(
      shopConfig(),
      'store-reset',
      () => {},
      () => {},
    );
    first.apply(touch('purchase', { amount: 600 }));
    await settle();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('the page is closing', 'AbortError');
    });
    first.clear();
    await settle(); // the write is attempted, and fails, as in a closing tab
    put.mockRestore();
    const next = await openLedger(
      shopConfig(),
      'store-reset',
      () => {},
      () => {},
    );
    expect([next.points, next.lifetime]).toEqual([0, 0]);
  });

  it('keeps namespaces apart', async () => {
    const shop = await openLedger(
      shopConfig(),
      'store-a',
      () => {},
      () => {},
    );
    shop.apply(touch('signup'));
    await settle();
    expect(
      (
        await openLedger(
          shopConfig(),
          'store-b',
          () => {},
          () => {},
        )
      ).points,
    ).toBe(0);
  });

  it('works in memory without IndexedDB, silently', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const report = vi.fn();
    const ledger = await openLedger(shopConfig(), 'store-none', () => {}, report);
    ledger.apply(touch('signup'));
    expect(ledger.points).toBe(10);
    expect(report).not.toHaveBeenCalled();
  });

  it('falls back to memory, reporting why, when IndexedDB fails to open', async () => {
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    const report = vi.fn();
    const ledger = await openLedger(shopConfig(), 'store-broken', () => {}, report);
    ledger.apply(touch('signup'));
    expect(ledger.points).toBe(10);
    expect(report).toHaveBeenCalledWith(expect.objectContaining({ code: 'storage_unavailable' }));
  });
});
