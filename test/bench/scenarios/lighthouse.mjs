import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM } from '../lib/browser.mjs';
import { SHOP_VARIANTS, startShopServer } from '../lib/shop-server.mjs';
import { downloaded } from './bytes.mjs';

const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const isWaymark = (url) => /\/dist\/waymark[\w-]*\.m?js/.test(url ?? '');

/** One Lighthouse run (12.x defaults: the mobile preset, simulated 4× CPU slowdown and slow 4G) in a fresh Chromium. */
async function audit(url) {
  const chrome = await launchChrome({ chromePath: CHROMIUM, chromeFlags: FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    return result?.lhr;
  } finally {
    chrome.kill();
  }
}

function figuresOf(lhr, root) {
  const items = (id) => lhr.audits[id]?.details?.items ?? [];
  const requests = items('network-requests');
  const scripts = requests.filter((request) => request.resourceType === 'Script');
  const waymarkTasks = items('long-tasks').filter((task) => isWaymark(task.url));
  const bootup = items('bootup-time').filter((item) => isWaymark(item.url));
  return {
    tbtMs: lhr.audits['total-blocking-time'].numericValue,
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    scriptRawKB: scripts.reduce((sum, request) => sum + (request.resourceSize ?? 0), 0) / 1024,
    waymarkLongTasks: waymarkTasks.length,
    waymarkLongestTaskMs: Math.max(0, ...waymarkTasks.map((task) => task.duration)),
    waymarkScriptingMs: bootup.reduce((sum, item) => sum + (item.scripting ?? 0) + (item.scriptParseCompile ?? 0), 0),
    waymarkGzip: downloaded(
      root,
      requests.map((request) => request.url),
    ),
  };
}

/**
 * Figure 8: Lighthouse on the demo shop's home page without the SDK, with it and a compiled
 * config (as shipped), and with the uncompiled config. Each bench run audits each variant once,
 * so `--runs 3` gives the median of 3; the differences are taken within a run.
 */
export async function lighthouseShop({ server }) {
  const shop = await startShopServer(server.root);
  const values = {};
  const notes = [];
  try {
    const figures = {};
    for (const variant of SHOP_VARIANTS) {
      const lhr = await audit(`${shop.url}/shop/?waymark=${variant}`);
      if (lhr?.runtimeError) notes.push(`${variant}: ${lhr.runtimeError.message}`);
      figures[variant] = figuresOf(lhr, server.root);
    }
    for (const variant of SHOP_VARIANTS) {
      const { waymarkGzip, ...rest } = figures[variant];
      for (const [name, value] of Object.entries(rest)) values[`lighthouse.${variant}.${name}`] = value;
      values[`lighthouse.${variant}.fetchedGzip`] = waymarkGzip.gzip;
      if (variant !== 'none') {
        values[`lighthouse.${variant}.tbtDeltaMs`] = rest.tbtMs - figures.none.tbtMs;
        values[`lighthouse.${variant}.scriptRawDeltaKB`] = rest.scriptRawKB - figures.none.scriptRawKB;
        notes.push(`${variant} fetched ${waymarkGzip.names.join(', ') || 'no SDK file'}`);
      }
    }
  } finally {
    await shop.close();
  }
  return { values, why: {}, notes: [...new Set(notes)] };
}
