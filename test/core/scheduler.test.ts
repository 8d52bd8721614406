import { describe, expect, it, vi } from 'vitest';
import { createPipeline } from '../../src/scheduler.js';
import type { Touchpoint } from '../../src/types.js';

const touchpoint = (name: string) => ({ id: name, name }) as Touchpoint;

describe('pipeline', () => {
  it('holds touchpoints until started, then processes them in order', async () => {
    const seen: string[] = [];
    const pipeline = createPipeline(
      (tp) => seen.push(tp.name),
      () => {},
    );
    pipeline.push(touchpoint('a'), true);
    pipeline.push(touchpoint('b'), false);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(seen).toEqual([]);
    pipeline.start();
    await vi.waitFor(() => expect(seen).toEqual(['a', 'b']));
  });

  it('shares only this tab’s own touchpoints, in batches', async () => {
    const shared: string[][] = [];
    const pipeline = createPipeline(
      () => {},
      (batch) => batch.length && shared.push(batch.map((tp) => tp.name)),
    );
    pipeline.start();
    pipeline.push(touchpoint('mine'), true);
    pipeline.push(touchpoint('theirs'), false);
    pipeline.push(touchpoint('mine2'), true);
    pipeline.drain();
    expect(shared).toEqual([['mine', 'mine2']]);
  });

  it('works in slices: a long queue does not run in one task', async () => {
    let processed = 0;
    const pipeline = createPipeline(
      () => {
        const until = performance.now() + 0.05;
        while (performance.now() < until);
        processed++;
      },
      () => {},
    );
    for (let i = 0; i < 1000; i++) pipeline.push(touchpoint(String(i)), true);
    pipeline.start();
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(processed).toBeGreaterThan(0);
    expect(processed).toBeLessThan(1000);
    await vi.waitFor(() => expect(processed).toBe(1000), { timeout: 5000 });
  });

  it('processes what is queued while processing (derived touchpoints) in the same drain', () => {
    const seen: string[] = [];
    const pipeline = createPipeline(
      (tp) => {
        seen.push(tp.name);
        if (tp.name === 'purchase') pipeline.push(touchpoint('$points'), true);
      },
      () => {},
    );
    pipeline.start();
    pipeline.push(touchpoint('purchase'), true);
    pipeline.drain();
    expect(seen).toEqual(['purchase', '$points']);
  });
});
