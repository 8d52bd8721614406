/**
 * Main-thread tasks from a Chromium trace, with their wall and CPU durations. The Long Tasks
 * API reports wall time only, which a busy machine stretches; the trace's thread time does not.
 */
/** Task boundaries only: the lightest category, so tracing barely touches what it measures. */
const CATEGORIES = 'toplevel';

export const startTrace = (cdp) => cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' });

/** Stops tracing; resolves the page renderer's main-thread tasks as `{ wallMs, cpuMs }`. */
export async function stopTrace(cdp) {
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  const chunks = [];
  for (let eof = false; !eof; ) {
    const read = await cdp.send('IO.read', { handle: stream });
    chunks.push(read.base64Encoded ? Buffer.from(read.data, 'base64').toString('utf8') : read.data);
    eof = read.eof;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(chunks.join(''));
  return mainThreadTasks(Array.isArray(parsed) ? parsed : parsed.traceEvents);
}

/** The tasks of the busiest renderer main thread: the bench page's (other renderers idle). */
function mainThreadTasks(events) {
  const mains = new Set(
    events.filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`),
  );
  const byThread = new Map();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    // Chromium has named the task event both ways.
    if (event.ph !== 'X' || (event.name !== 'RunTask' && event.name !== 'ThreadControllerImpl::RunTask') || !mains.has(thread)) continue;
    if (!byThread.has(thread)) byThread.set(thread, []);
    byThread.get(thread).push({ wallMs: event.dur / 1000, cpuMs: (event.tdur ?? event.dur) / 1000 });
  }
  const busy = (tasks) => tasks.reduce((sum, task) => sum + task.cpuMs, 0);
  return [...byThread.values()].sort((a, b) => busy(b) - busy(a))[0] ?? [];
}
