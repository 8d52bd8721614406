#!/usr/bin/env node
/**
 * `npm run bench`: Waymark's size and speed in real headless Chromium, against the built
 * script-tag bundle, a local static server and a sink on 127.0.0.1.
 *   node test/bench/run.mjs [--runs 3] [--only burst,close,navigate,prompt,rules,lighthouse] [--profile]
 * `--profile` also writes a CPU profile of each burst (its timings then include the profiler).
 * Every figure is measured in each run (fresh browser profile per scenario) and reported as
 * the median; the table is printed and written to test/bench/results/ as markdown and JSON.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CHROMIUM } from './lib/browser.mjs';
import { CONFIGS } from './lib/configs.mjs';
import { bytesSection, SECTIONS, summarize } from './lib/report.mjs';
import { startBenchServer } from './lib/server.mjs';
import { bytes } from './scenarios/bytes.mjs';
import { burst } from './scenarios/burst.mjs';
import { lighthouseShop } from './scenarios/lighthouse.mjs';
import { promptLatency } from './scenarios/prompt.mjs';
import { ruleEvaluation } from './scenarios/rules.mjs';
import { survival } from './scenarios/survival.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCENARIOS = {
  burst,
  close: (context) => survival(context, 'close'),
  navigate: (context) => survival(context, 'navigate'),
  prompt: promptLatency,
  rules: ruleEvaluation,
  lighthouse: lighthouseShop,
};

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, only: { type: 'string' }, profile: { type: 'boolean', default: false } },
});
const runCount = Number(args.runs);
const chosen = args.only ? args.only.split(',') : Object.keys(SCENARIOS);
if (!Number.isInteger(runCount) || runCount < 1 || chosen.some((name) => !SCENARIOS[name])) {
  console.error(`usage: node test/bench/run.mjs [--runs N] [--only ${Object.keys(SCENARIOS).join(',')}] [--profile]`);
  process.exit(2);
}
if (!existsSync(join(ROOT, 'dist/waymark.js')) || !existsSync(CHROMIUM)) {
  console.error(
    existsSync(CHROMIUM)
      ? 'dist/waymark.js is missing: run `npm run build` (npm run bench does).'
      : `No Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}
await checkConfigs();

const dir = join(ROOT, 'test/bench/results');
mkdirSync(dir, { recursive: true });
const server = await startBenchServer(ROOT, CONFIGS);
const started = Date.now();
// Other work on the machine stretches wall-clock figures (not the CPU-time ones): say how busy it was.
const loadBefore = loadavg()[0];
const size = bytes(ROOT);
const runs = [];
const notes = new Set();
try {
  for (let run = 1; run <= runCount; run++) {
    const result = { values: { ...size.values }, why: { ...size.why } };
    for (const name of chosen) {
      const tag = `${name}-${run}-${started.toString(36)}`;
      process.stderr.write(`run ${run}/${runCount}: ${name}… `);
      const begun = Date.now();
      try {
        const profileTo = args.profile && name === 'burst' ? join(dir, `burst-run${run}.cpuprofile`) : undefined;
        const outcome = await SCENARIOS[name]({ server, tag, profileTo });
        Object.assign(result.values, outcome.values);
        Object.assign(result.why, outcome.why);
        for (const note of outcome.notes ?? []) notes.add(`${name}: ${note}`);
      } catch (error) {
        // One broken scenario must not hide the other figures: its rows become n/a.
        notes.add(`${name} failed: ${String(error?.message ?? error).split('\n')[0]}`);
      }
      process.stderr.write(`${((Date.now() - begun) / 1000).toFixed(1)} s\n`);
    }
    runs.push(result);
  }
} finally {
  await server.close();
}

const { markdown, medians, reasons } = summarize(runs, [bytesSection(size.rows), ...SECTIONS]);
const machine = describeMachine();
const date = new Date().toISOString();
const header = [
  `Waymark ${readVersion()} (${gitCommit()}), ${date.slice(0, 16).replace('T', ' ')} UTC, median of ${runCount} run${runCount > 1 ? 's' : ''}, ${((Date.now() - started) / 1000).toFixed(0)} s in all.`,
  `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB, Linux ${machine.os}; ${machine.chromium}, headless; Node ${process.version}; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after.`,
  'Reproduce: `npm run bench` (or `node test/bench/run.mjs --runs N`).',
].join('\n');
const footer = [
  // Rows of scenarios left out with --only just stay n/a, without a footnote each.
  ...[...reasons].filter(([, why]) => !args.only || why !== 'not measured').map(([label, why]) => `- n/a — ${label}: ${why}`),
  ...[...notes].map((note) => `- ${note}`),
].join('\n');
const report = `${header}\n\n${markdown}\n${footer ? `\n${footer}\n` : ''}`;
console.log(`\n${report}`);

const stamp = date.replace(/[:.]/g, '-');
const json = JSON.stringify(
  { date, machine, runs: runCount, scenarios: chosen, medians, each: runs, reasons: Object.fromEntries(reasons), notes: [...notes] },
  null,
  2,
);
for (const name of [`bench-${stamp}`, 'latest']) {
  writeFileSync(join(dir, `${name}.md`), report);
  writeFileSync(join(dir, `${name}.json`), json);
}
console.log(`Written to test/bench/results/bench-${stamp}.{md,json} and latest.{md,json}.`);

/** A bench config the SDK rejects would measure nothing: stop early and say why. */
async function checkConfigs() {
  const serverBuild = join(ROOT, 'dist/server.mjs');
  if (!existsSync(serverBuild)) return;
  const { validateConfig } = await import(pathToFileURL(serverBuild).href);
  for (const [name, config] of Object.entries(CONFIGS)) {
    const result = validateConfig(config);
    if (!result.ok) {
      console.error(`bench config "${name}" is invalid:\n${result.errors.map((problem) => `  ${problem.path}: ${problem.message}`).join('\n')}`);
      process.exit(1);
    }
  }
}

function describeMachine() {
  let chromium = 'Chromium';
  try {
    chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .replace(/ built on.*/, '');
  } catch {
    // The version is only for the report header.
  }
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU', memoryGB: Math.round(totalmem() / 2 ** 30), os: release(), chromium };
}

function readVersion() {
  return JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json").version)'], { cwd: ROOT, encoding: 'utf8' }));
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'no git';
  }
}
