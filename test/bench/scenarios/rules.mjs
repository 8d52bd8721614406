import { DONE_EVENT, DONE_STAGE, RULE_EVENTS } from '../lib/configs.mjs';
import { openReady, withBrowser } from '../lib/browser.mjs';

const COUNT = 3_000;
const DONE_TIMEOUT_MS = 15_000;

/** In the page: track COUNT events and the end marker, then wait until the marker's stage holds. */
const trackAndWait = async ({ events, count, tag, doneEvent, doneStage, timeoutMs }) => {
  const start = performance.now();
  for (let i = 0; i < count; i++) window.waymark.track(events[i % events.length], { amount: i % 200, sku: `sku-${i % 50}`, tag });
  window.waymark.track(doneEvent, { tag });
  const tracked = performance.now();
  const finished = await new Promise((resolve) => {
    const check = () => {
      if (window.waymark.state?.stage?.value === doneStage) resolve(performance.now());
      else if (performance.now() - start > timeoutMs) resolve(null);
      else setTimeout(check, 10);
    };
    check();
  });
  return { trackMs: tracked - start, wallMs: finished === null ? null : finished - start };
};

/** Main-thread CPU time in tasks (CDP TaskDuration) from before the calls until the pipeline is done. */
function pipelineCost({ server, tag }, page) {
  return withBrowser(async ({ context }) => {
    const tab = await openReady(context, `${server.url}/test/bench/pages/${page}.html`, { settleMs: 1_000 });
    const cdp = await context.newCDPSession(tab);
    // Thread CPU time, not wall time: other processes on a shared machine do not count.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration').value;
    const before = await taskSeconds();
    const run = await tab.evaluate(trackAndWait, {
      events: RULE_EVENTS,
      count: COUNT,
      tag,
      doneEvent: DONE_EVENT,
      doneStage: DONE_STAGE,
      timeoutMs: DONE_TIMEOUT_MS,
    });
    const busyMs = ((await taskSeconds()) - before) * 1000;
    return { values: { busyMs: run.wallMs === null ? null : busyMs, wallMs: run.wallMs, trackMs: run.trackMs } };
  });
}

/**
 * Figure 6: µs of rule work per touchpoint with 100 prompts and 10 stages. The same calls
 * run on a page whose config has only the end-marker stage; the difference in main-thread
 * busy time, divided by the touchpoints, is what the rules cost (outbox, profile and track()
 * itself cancel out).
 */
export async function ruleEvaluation(context) {
  const full = await pipelineCost(context, 'rules');
  const baseline = await pipelineCost(context, 'rules-baseline');
  const touchpoints = COUNT + 1;
  const perTouchpoint = (ms) => (ms === null ? null : (ms * 1000) / touchpoints);
  const values = {
    'rules.usPerTouchpoint': full.values.busyMs === null || baseline.values.busyMs === null ? null : perTouchpoint(full.values.busyMs - baseline.values.busyMs),
    'rules.totalUsPerTouchpoint': perTouchpoint(full.values.busyMs),
    'rules.baselineUsPerTouchpoint': perTouchpoint(baseline.values.busyMs),
    'rules.wallMs': full.values.wallMs,
  };
  const missing = `stage "${DONE_STAGE}" never held within ${DONE_TIMEOUT_MS / 1000} s of tracking "${DONE_EVENT}" (stage rules not evaluated?)`;
  const fullWhy = full.values.busyMs === null ? missing : undefined;
  const baselineWhy = baseline.values.busyMs === null ? `one-stage config: ${missing}` : undefined;
  const why = {
    'rules.usPerTouchpoint': fullWhy ?? baselineWhy,
    'rules.totalUsPerTouchpoint': fullWhy,
    'rules.wallMs': fullWhy,
    'rules.baselineUsPerTouchpoint': baselineWhy,
  };
  return { values, why, notes: [...full.notes, ...baseline.notes] };
}
