import { writeFileSync } from 'node:fs';
import { tally } from '../lib/server.mjs';
import { heapAfterGc, openReady, sleep, withBrowser } from '../lib/browser.mjs';
import { startTrace, stopTrace } from '../lib/trace.mjs';
import { downloaded } from './bytes.mjs';

export const BURST = 10_000;
const WINDOW_MS = 10_000;

/**
 * Figures 2, 3 and 7: one synchronous loop of 10,000 track() calls on a typical page, then
 * 10 s of watching: long tasks, what reaches the sink and when, and the heap kept afterwards.
 */
export function burst({ server, tag, profileTo }) {
  return withBrowser(async ({ context }) => {
    const requested = [];
    context.on('request', (request) => requested.push(request.url()));
    const page = await openReady(context, `${server.url}/test/bench/pages/typical.html`);
    const startup = downloaded(server.root, requested);
    const cdp = await context.newCDPSession(page);
    const heapBefore = await heapAfterGc(cdp);
    // Thread CPU time too: on a busy machine, wall time also counts other processes' turns.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const cpuSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration').value;
    const cpuBefore = await cpuSeconds();
    if (!profileTo) await startTrace(cdp); // the profiler and the tracer do not run together
    if (profileTo) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
    const loop = await page.evaluate(
      ({ count, tag }) => {
        const start = performance.now();
        for (let i = 0; i < count; i++) window.waymark.track('bench_burst', { i, plan: 'pro', price: 9.99, tag });
        const end = performance.now();
        return { start, end, endedAt: Date.now(), longTasksObserved: PerformanceObserver.supportedEntryTypes.includes('longtask') };
      },
      { count: BURST, tag },
    );
    const loopCpuMs = ((await cpuSeconds()) - cpuBefore) * 1000;
    if (profileTo) {
      // The loop and the second after it: open the file in DevTools (Performance), which applies the source maps.
      await sleep(1_000);
      writeFileSync(profileTo, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    }
    await sleep(loop.endedAt + WINDOW_MS - Date.now());
    const tasks = profileTo ? null : await stopTrace(cdp);
    const longTasks = (await page.evaluate(() => window.__bench.longTasks)).filter(
      (task) => task.start + task.duration > loop.start && task.start < loop.end + WINDOW_MS,
    );
    const heapGrowth = (await heapAfterGc(cdp)) - heapBefore;

    const received = server.received('bench_burst', tag);
    const within = (ms) => tally(received.filter((record) => record.receivedAt <= loop.endedAt + ms));
    const inWindow = within(WINDOW_MS);
    const values = {
      'burst.totalMs': loop.end - loop.start,
      'burst.usPerCall': ((loop.end - loop.start) * 1000) / BURST,
      'burst.cpuMs': loopCpuMs,
      'burst.longestTaskMs': loop.longTasksObserved ? Math.max(0, ...longTasks.map((task) => task.duration)) : null,
      'burst.tbtMs': loop.longTasksObserved ? longTasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0) : null,
      'burst.longestTaskCpuMs': tasks?.length ? Math.max(...tasks.map((task) => task.cpuMs)) : null,
      'delivery.within5s': within(5_000).distinct,
      'delivery.within10s': inWindow.distinct,
      'delivery.lastMs': inWindow.distinct ? inWindow.lastAt - loop.endedAt : null,
      'delivery.duplicates': inWindow.duplicates,
      'heap.growthKB': heapGrowth / 1024,
      'download.typical': startup.gzip,
    };
    const why = {};
    if (!loop.longTasksObserved) why['burst.longestTaskMs'] = why['burst.tbtMs'] = 'this Chromium has no Long Tasks API';
    if (!inWindow.distinct) why['delivery.lastMs'] = 'nothing of the burst reached the sink within 10 s';
    if (!tasks?.length) why['burst.longestTaskCpuMs'] = profileTo ? 'not traced while profiling' : 'no main-thread tasks in the trace';
    const notes = [`the typical page fetched ${startup.names.join(', ')}`];
    // When: a long task during the loop is the loop itself; later ones are the outbox or the rules.
    for (const task of longTasks) notes.push(`a ${task.duration.toFixed(0)} ms task started ${(task.start - loop.end).toFixed(0)} ms after the loop ended`);
    return { values, why, notes };
  });
}
