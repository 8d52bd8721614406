/** The rows of the bench table: which figure, how it is shown, and its target. */

const KB = 1024;
const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
const ms = (value) => `${value.toFixed(value >= 100 ? 0 : 1)} ms`;
const us = (value) => `${value.toFixed(2)} µs`;
const count = (value) => Math.round(value).toLocaleString('en-US');
const percent = (value) => `${value.toFixed(2)} %`;
const longest = (value) => (value === 0 ? 'none ≥ 50 ms' : ms(value));

/** One row per bundle in dist/, in the order the bytes scenario found them. */
export function bytesSection(rows) {
  const label = (name) =>
    name === 'waymark.js' ? 'core, script tag (`dist/waymark.js`)' : name === 'waymark.mjs' ? 'core, ESM (`dist/waymark.mjs`)' : `lazy chunk \`dist/${name}\``;
  return [
    '1. Bytes',
    [
      ...rows.map(({ name, budget }) => ({
        key: `bytes:${name}.gzip`,
        label: label(name),
        once: true,
        format: (gzip, values) => `${kb(gzip)} gzip (${kb(values[`bytes:${name}.raw`])} raw)`,
        ...(budget ? { target: `≤ ${kb(budget)} gzip`, pass: (gzip) => gzip <= budget } : {}),
      })),
      { key: 'download.typical', label: 'fetched by a page with a config, before any prompt', format: (value) => `${kb(value)} gzip` },
      { key: 'download.prompt', label: 'fetched by a page once a prompt has shown', format: (value) => `${kb(value)} gzip` },
    ],
  ];
}

export const SECTIONS = [
  [
    '2. Burst of 10,000 `track()` calls',
    [
      { key: 'burst.totalMs', label: 'one synchronous loop, total', format: ms, target: '≤ 20 ms', pass: (value) => value <= 20 },
      { key: 'burst.usPerCall', label: 'per call', format: us },
      { key: 'burst.cpuMs', label: 'main-thread CPU time of the task that ran the loop', format: ms },
      { key: 'burst.longestTaskMs', label: 'longest task, from the loop to 10 s after', format: longest, target: '≤ 50 ms', pass: (value) => value <= 50 },
      { key: 'burst.tbtMs', label: 'total blocking time, from the loop to 10 s after', format: ms, target: '0 ms', pass: (value) => value === 0 },
      {
        key: 'burst.longestTaskCpuMs',
        label: 'longest task in main-thread CPU time (trace), same window',
        format: ms,
        target: '≤ 50 ms',
        pass: (value) => value <= 50,
      },
    ],
  ],
  [
    '3. Delivery of the burst',
    [
      { key: 'delivery.within5s', label: 'distinct records at the sink within 5 s', format: count, target: '10,000', pass: (value) => value >= 10_000 },
      { key: 'delivery.within10s', label: 'distinct records at the sink within 10 s', format: count, target: '10,000', pass: (value) => value >= 10_000 },
      { key: 'delivery.lastMs', label: 'last distinct record arrived, after the loop', format: ms, target: '≤ 5,000 ms', pass: (value) => value <= 5_000 },
      { key: 'delivery.duplicates', label: 'duplicate records within 10 s', format: count, target: '< 100 (1 %)', pass: (value) => value < 100 },
    ],
  ],
  ...['close', 'navigate'].map((how) => [
    `4. 200 tracked, then ${how === 'close' ? 'the tab closed' : 'navigated away'} at once`,
    [
      { key: `${how}.before`, label: 'arrived before the page is opened again', format: count },
      { key: `${how}.after`, label: 'arrived in all, after it is opened again', format: count, target: '200', pass: (value) => value >= 200 },
      { key: `${how}.lost`, label: 'lost', format: count, target: '0', pass: (value) => value === 0 },
      { key: `${how}.duplicatesPct`, label: 'duplicates', format: percent, target: '< 1 %', pass: (value) => value < 1 },
    ],
  ]),
  [
    '5. Prompt latency, `track()` to widget painted',
    [
      { key: 'prompt.coldMs', label: 'first prompt (loads the widgets chunk)', format: ms, target: '≤ 300 ms', pass: (value) => value <= 300 },
      { key: 'prompt.warmMs', label: 'second prompt (chunk loaded)', format: ms, target: '≤ 100 ms', pass: (value) => value <= 100 },
    ],
  ],
  [
    '6. Rule evaluation, 100 prompts and 10 stages',
    [
      { key: 'rules.usPerTouchpoint', label: 'rule work per touchpoint', format: us, target: '≤ 50 µs', pass: (value) => value <= 50 },
      { key: 'rules.totalUsPerTouchpoint', label: 'all main-thread work per touchpoint, with the rules', format: us },
      { key: 'rules.baselineUsPerTouchpoint', label: 'all main-thread work per touchpoint, one-stage config', format: us },
      { key: 'rules.wallMs', label: '3,001 touchpoints tracked until processed, wall time', format: ms },
    ],
  ],
  [
    '7. Memory',
    [
      {
        key: 'heap.growthKB',
        label: 'JS heap kept after the burst (post-GC)',
        format: (value) => kb(value * KB),
        target: '≤ 1 MB',
        pass: (value) => value <= 1024,
      },
    ],
  ],
  [
    '8. Lighthouse 12 (mobile preset), demo shop home page',
    [
      { key: 'lighthouse.none.tbtMs', label: 'total blocking time without the SDK', format: ms },
      {
        key: 'lighthouse.compiled.tbtDeltaMs',
        label: 'total blocking time added by the SDK, compiled config',
        format: ms,
        target: '≤ 10 ms',
        pass: (value) => value <= 10,
      },
      { key: 'lighthouse.uncompiled.tbtDeltaMs', label: 'total blocking time added by the SDK, uncompiled config', format: ms },
      {
        key: 'lighthouse.compiled.waymarkLongTasks',
        label: 'long tasks attributed to Waymark, compiled config',
        format: count,
        target: '0',
        pass: (value) => value === 0,
      },
      { key: 'lighthouse.compiled.waymarkLongestTaskMs', label: 'longest Waymark task (slowed CPU), compiled config', format: longest },
      { key: 'lighthouse.uncompiled.waymarkLongTasks', label: 'long tasks attributed to Waymark, uncompiled config', format: count },
      { key: 'lighthouse.compiled.waymarkScriptingMs', label: 'Waymark script evaluation and compile (slowed CPU), compiled config', format: ms },
      { key: 'lighthouse.compiled.scriptRawDeltaKB', label: 'raw script added by the SDK, compiled config', format: (value) => kb(value * KB) },
      { key: 'lighthouse.compiled.fetchedGzip', label: 'Waymark files fetched, compiled config (gzip)', format: kb },
      { key: 'lighthouse.uncompiled.fetchedGzip', label: 'Waymark files fetched, uncompiled config (gzip)', format: kb },
      { key: 'lighthouse.none.score', label: 'performance score without the SDK', format: count },
      { key: 'lighthouse.compiled.score', label: 'performance score with the SDK, compiled config', format: count },
    ],
  ],
];

export function median(values) {
  const sorted = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * `runs`: one `{ values, why }` per run; `sections`: [title, rows] pairs. Returns the table as markdown, a one-line verdict per
 * row, and the medians by key.
 */
export function summarize(runs, sections) {
  const medians = {};
  const lines = ['| Figure | Median | Each run | Target | |', '|---|---|---|---|---|'];
  const reasons = new Map();
  for (const [section, rows] of sections) {
    lines.push(`| **${section}** | | | | |`);
    for (const row of rows) {
      const each = runs.map((run) => run.values[row.key] ?? null);
      const value = median(each);
      medians[row.key] = value;
      // The raw half of a bytes row is the median of its own key.
      const context = Object.fromEntries(Object.keys(runs[0]?.values ?? {}).map((key) => [key, median(runs.map((run) => run.values[key]))]));
      const why = [...new Set(runs.map((run) => run.why[row.key]).filter(Boolean))];
      if (value === null) reasons.set(row.label, why.length ? why.join('; ') : 'not measured');
      const shown = value === null ? 'n/a' : row.format(value, context);
      const perRun = row.once ? 'the build' : each.map((one) => (one === null ? 'n/a' : row.format(one, context).replace(/ \(.*\)$/, ''))).join(', ');
      const status = value === null ? 'n/a' : row.pass ? (row.pass(value) ? 'ok' : '**missed**') : '';
      lines.push(`| ${row.label} | ${shown} | ${perRun} | ${row.target ?? ''} | ${status} |`);
    }
  }
  return { markdown: lines.join('\n'), medians, reasons };
}
