#!/usr/bin/env node
// Size check: prints raw and gzip bytes of every browser bundle and of what each kind of page
// fetches, and fails above a budget.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { kindSizes } from './kinds.mjs';
import { PAGES } from './pages.mjs';

const KB = 1024;
/**
 * Budgets in gzip bytes. The core and the widgets budgets are the product's promise. The core
 * went under 12 KB with #15 (the compiled-config check rides in the engine, `wm.state` needs no
 * signals library), then over again with the page-exit owner (#18): its budget is 13 KB and
 * 12 KB its printed target.
 */
export const BUDGETS = [
  // 13 KB since the page-exit owner and the keepalive marks (#18) came in; #15 aims at 12 KB.
  { file: 'dist/waymark.js', label: 'core (script tag)', budget: 13 * KB, target: 12 * KB },
  { file: 'dist/waymark.mjs', label: 'core (ESM)', budget: 13 * KB, target: 12 * KB },
  // The shell and the four single-question kinds; 12.25 KB since it lends preact and its parts
  // to kind chunks (#17) so they bundle no copy; 12.5 KB since a prompt opened from its feedback tab
  // shows by the tab's edge and takes focus (#17).
  { file: 'dist/waymark-widgets.js', label: 'widgets chunk (with preact)', budget: 12.5 * KB },
  // Fetched beside the widgets only when a survey, a quiz or a poll shows (#17).
  { file: 'dist/waymark-survey.js', label: 'survey, quiz and poll chunk', budget: 4 * KB },
  // Lazy, and only for a config that is not compiled (#15): 17 KB since it also checks the
  // journey rewards (#14) and carries the messages the core used to hold; 18 KB with surveys and quizzes (#17);
  // 18.25 KB with the feedback tab's `tabLabel` and `edge`, and a trigger optional for tabs only (#17).
  { file: 'dist/waymark-config.js', label: 'config validator chunk', budget: 18.25 * KB },
  // 14.5 KB since surveys and quizzes (#17): it records their answers and scores and resumes them after a reload;
  // 15 KB since it places prompts inline, closes page-scoped ones on a route change and assigns variants (#17);
  // 15.25 KB since it keeps feedback tabs in step with the gates (#17); their launchers are a chunk of their own.
  { file: 'dist/waymark-engine.js', label: 'engine chunk', budget: 15.25 * KB },
  // Loaded only for configs with `rewards`: the ledger, challenges, streaks, expiry, referrals (#14).
  { file: 'dist/waymark-rewards.js', label: 'rewards chunk', budget: 6 * KB },
  // Loaded only for configs with a feedback tab (`placement: "tab"`): the launcher buttons (#17).
  { file: 'dist/waymark-tab.js', label: 'feedback tab chunk', budget: 1.75 * KB },
];

export function measure(file) {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const kb = (n) => `${(n / KB).toFixed(2)} KB`;

function checkBundles() {
  let failed = false;
  console.log('bundle                          raw       gzip     budget');
  for (const { file, label, budget, target } of BUDGETS) {
    if (!existsSync(file)) {
      console.log(`${label.padEnd(30)}  missing: run npm run build`);
      failed = true;
      continue;
    }
    const { raw, gzip } = measure(file);
    const over = gzip > budget;
    failed ||= over;
    const aim = target !== undefined ? `  target ${kb(target)}${gzip > target ? ' (not yet)' : ''}` : '';
    console.log(`${label.padEnd(30)}  ${kb(raw).padStart(9)}  ${kb(gzip).padStart(9)}  ${kb(budget).padStart(9)}  ${over ? 'OVER BUDGET' : 'ok'}${aim}`);
  }
  return failed;
}

/** Each page's files are gzipped one by one, as a server sends them, and summed. */
function checkPages() {
  let failed = false;
  console.log('\npage fetches (gzip, each file compressed alone)');
  for (const { label, files, budget, target } of PAGES) {
    const missing = files.filter((file) => !existsSync(file));
    if (missing.length) {
      console.log(`${label.padEnd(62)}  missing ${missing.join(', ')}: run npm run build`);
      failed = true;
      continue;
    }
    const gzip = files.reduce((sum, file) => sum + measure(file).gzip, 0);
    const over = budget !== undefined && gzip > budget;
    failed ||= over;
    const limit = budget === undefined ? 'printed only' : `budget ${kb(budget)}`;
    const aim = target !== undefined && target !== budget ? `, target ${kb(target)}${gzip > target ? ' (not yet)' : ''}` : '';
    console.log(`${label.padEnd(62)}  ${kb(gzip).padStart(9)}  ${limit}${aim}  ${over ? 'OVER BUDGET' : 'ok'}`);
  }
  return failed;
}

/** What each kind's own code weighs inside the chunks (kinds.mjs): printed, the chunk budgets hold them. */
function printKinds() {
  console.log("\neach kind's own code in the widgets chunks (minified; gzip of that code alone)");
  for (const { kind, raw, gzip } of kindSizes()) console.log(`${kind.padEnd(40)}  ${kb(raw).padStart(9)}  ${kb(gzip).padStart(9)}`);
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop());
if (isMain) {
  const bundlesFailed = checkBundles();
  const pagesFailed = checkPages();
  if (!bundlesFailed) printKinds();
  process.exit(bundlesFailed || pagesFailed ? 1 : 0);
}
