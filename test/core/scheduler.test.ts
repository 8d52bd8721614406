import { describe, expect, it, vi } from 'vitest';
import { createScheduler } from '../../src/scheduler.js';
import type { Touchpoint } from '../../src/types.js';

const touchpoint = (name: string) => ({ id: name, name }) as Touchpoint;

describe('scheduler', () => {
  it('holds touchpoints until started, then processes them in order', async () => {
    const seen: string[] = [];
    const scheduler = createScheduler(
      (tp) => seen.push(tp.name),
      () => {},
    );
    scheduler.push(touchpoint('a'), true);
    scheduler.push(touchpoint('b'), false);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(seen).toEqual([]);
    scheduler.start();
    await vi.waitFor(() => expect(seen).toEqual(['a', 'b']));
  });

  it('shares only this tab’s own touchpoints, in batches', async () => {
    const shared: string[][] = [];
    const scheduler = createScheduler(
      () => {},
      (batch) => batch.length && shared.push(batch.map((tp) => tp.name)),
    );
    scheduler.start();
    scheduler.push(touchpoint('mine'), true);
    scheduler.push(touchpoint('theirs'), false);
    scheduler.push(touchpoint('mine2'), true);
    scheduler.drain();
    expect(shared).toEqual([['mine', 'mine2']]);
  });

  it('works in slices: a long queue does not run in one task', async () => {
    let processed = 0;
    const scheduler = createScheduler(
      () => {
        const until = performance.now() + 0.05;
        while (performance.now() < until);
        processed++;
      },
      () => {},
    );
    for (let i = 0; i < 1000; i++) scheduler.push(touchpoint(String(i)), true);
    scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(processed).toBeGreaterThan(0);
    expect(processed).toBeLessThan(1000);
    await vi.waitFor(() => expect(processed).toBe(1000), { timeout: 5000 });
  });

  it('processes what is queued while processing (derived touchpoints) in the same drain', () => {
    const seen: string[] = [];
    const scheduler = createScheduler(
      (tp) => {
        seen.push(tp.name);
        if (tp.name === 'purchase') scheduler.push(touchpoint('$points'), true);
      },
      () => {},
    );
    scheduler.start();
    scheduler.push(touchpoint('purchase'), true);
    scheduler.drain();
    expect(seen).toEqual(['purchase', '$points']);
  });
});
