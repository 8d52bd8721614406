import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGETS, measure } from '../../size/check.mjs';

/**
 * Figure 1: raw and gzip bytes of every browser bundle in dist/ (the core entries and each
 * lazily loaded chunk), measured as `npm run size` does, with the size check's budgets.
 */
export function bytes(root) {
  const found = readdirSync(join(root, 'dist')).filter((name) => /^waymark(-[\w-]+)?\.m?js$/.test(name));
  const files = [...new Set([...BUDGETS.map((entry) => entry.file.replace(/^dist\//, '')), ...found.sort()])];
  const values = {};
  const why = {};
  const rows = files.map((name) => {
    const file = join(root, 'dist', name);
    const { raw, gzip } = existsSync(file) ? measure(file) : { raw: null, gzip: null };
    Object.assign(values, { [`bytes:${name}.gzip`]: gzip, [`bytes:${name}.raw`]: raw });
    if (gzip === null) why[`bytes:${name}.gzip`] = `dist/${name} is missing: run npm run build`;
    return { name, budget: BUDGETS.find((entry) => entry.file === `dist/${name}`)?.budget };
  });
  return { values, why, rows };
}

/** Gzip bytes of the dist/ files among `urls` (what a page fetched), and their names. */
export function downloaded(root, urls) {
  const names = [...new Set(urls.map((url) => new URL(url).pathname).filter((path) => /^\/dist\/[\w-]+\.m?js$/.test(path)))]
    .map((path) => path.slice(6))
    .filter((name) => existsSync(join(root, 'dist', name)));
  return { names: names.sort(), gzip: names.reduce((sum, name) => sum + measure(join(root, 'dist', name)).gzip, 0) };
}
