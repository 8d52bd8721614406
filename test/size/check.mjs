#!/usr/bin/env node
// Size check: prints raw and gzip bytes of every browser bundle and fails above a budget.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const KB = 1024;
/**
 * Budgets in gzip bytes. The core and the widgets budgets are the product's promise. The core's
 * is 14 KB while delivery and identity survive hostile clocks, storage and tabs (#18); taking it
 * back under 12 KB is the work of #15.
 */
export const BUDGETS = [
  { file: 'dist/waymark.js', label: 'core (script tag)', budget: 14 * KB },
  { file: 'dist/waymark.mjs', label: 'core (ESM)', budget: 14 * KB },
  { file: 'dist/waymark-widgets.js', label: 'widgets chunk (with preact)', budget: 12 * KB },
  // Lazy, fetched in parallel with the config; 16 KB since it suggests fixes and warns (#11).
  { file: 'dist/waymark-config.js', label: 'config validator chunk', budget: 16 * KB },
  { file: 'dist/waymark-engine.js', label: 'engine chunk', budget: 14 * KB },
  // Loaded only for configs with `rewards`: the ledger, challenges, streaks, expiry, referrals (#14).
  { file: 'dist/waymark-rewards.js', label: 'rewards chunk', budget: 10 * KB },
];

export function measure(file) {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop());
if (isMain) {
  let failed = false;
  console.log('bundle                          raw       gzip     budget');
  for (const { file, label, budget } of BUDGETS) {
    if (!existsSync(file)) {
      console.log(`${label.padEnd(30)}  missing: run npm run build`);
      failed = true;
      continue;
    }
    const { raw, gzip } = measure(file);
    const over = gzip > budget;
    failed ||= over;
    const kb = (n) => `${(n / KB).toFixed(2)} KB`;
    console.log(`${label.padEnd(30)}  ${kb(raw).padStart(9)}  ${kb(gzip).padStart(9)}  ${kb(budget).padStart(9)}  ${over ? 'OVER BUDGET' : 'ok'}`);
  }
  process.exit(failed ? 1 : 0);
}
