import type { Touchpoint } from './types.js';

/** Longest slice of rule work per task: well under the 50 ms that makes a long task. */
const SLICE_MS = 8;

export interface Scheduler {
  /** Queue a touchpoint for the rules; `own` is false for one shared by another tab. */
  push(touchpoint: Touchpoint, own: boolean): void;
  /** Process everything queued now, synchronously (page hide, flush, tests). */
  drain(): void;
  start(): void;
  stop(): void;
}

/**
 * track() only stamps a touchpoint and hands it to the outbox; the profile, rules and prompt
 * work run here afterwards, in short slices, so a burst of calls never blocks the page.
 * Nothing is processed before `start()` (config and stored profile loaded).
 */
export function createScheduler(process: (touchpoint: Touchpoint, own: boolean) => void, share: (own: Touchpoint[]) => void): Scheduler {
  let queue: Array<[Touchpoint, boolean]> = [];
  let next = 0;
  let started = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    if (started && timer === undefined && next < queue.length) timer = setTimeout(() => run(SLICE_MS), 0);
  };

  const run = (budgetMs: number) => {
    timer = undefined;
    if (!started) return;
    const startedAt = performance.now();
    const shared: Touchpoint[] = [];
    while (next < queue.length) {
      const [touchpoint, own] = queue[next++]!;
      if (own) shared.push(touchpoint);
      process(touchpoint, own);
      if (performance.now() - startedAt > budgetMs) break;
    }
    if (next >= queue.length) (queue = []), (next = 0);
    share(shared);
    schedule();
  };

  return {
    push(touchpoint, own) {
      queue.push([touchpoint, own]);
      schedule();
    },
    drain: () => run(Infinity),
    start() {
      started = true;
      schedule();
    },
    stop() {
      started = false;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
