import { describe, expect, it } from 'vitest';
import { stateSignal } from '../../src/state-signal.js';

describe('stateSignal (wm.state)', () => {
  it('calls a subscriber now and on every change, not on an equal value, until unsubscribed', () => {
    const points = stateSignal(0);
    const seen: number[] = [];
    const stop = points.subscribe((value) => seen.push(value));
    points.value = 10;
    points.value = 10;
    points.value = 25;
    stop();
    points.value = 40;
    expect(seen).toEqual([0, 10, 25]);
    expect([points.value, points.peek()]).toEqual([40, 40]);
  });

  it('keeps the same function subscribed twice as two subscriptions', () => {
    const tier = stateSignal<string | null>(null);
    const seen: (string | null)[] = [];
    const listener = (value: string | null) => seen.push(value);
    const first = tier.subscribe(listener);
    tier.subscribe(listener);
    first();
    tier.value = 'gold';
    expect(seen).toEqual([null, null, 'gold']);
  });

  it('never lets a throwing subscriber stop the others or the setter', async () => {
    const stage = stateSignal('awareness');
    const seen: string[] = [];
    const thrown = new Promise<unknown>((resolve) => {
      const original = globalThis.queueMicrotask;
      globalThis.queueMicrotask = (task) =>
        original(() => {
          try {
            task();
          } catch (error) {
            resolve(error);
          }
        });
      stage.subscribe((value) => {
        if (value === 'decision') throw new Error('page bug');
      });
      stage.subscribe((value) => seen.push(value));
      stage.value = 'decision';
      globalThis.queueMicrotask = original;
    });
    expect(seen).toEqual(['awareness', 'decision']);
    expect(String(await thrown)).toContain('page bug');
  });
});
