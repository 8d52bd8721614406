#!/usr/bin/env node
// The bundle sizes the README and docs/ quote, against what the build measures. `npm test`
// checks them (byte-figures.test.ts); `npm run docs:sizes` rewrites them after a build.
//
// A line counts when it names a bundle (`waymark.js`, `waymark-config.js`…): its `N KB gzip`
// and `N KB` figures are that bundle's gzip size, `N KB raw` its raw size, `≤ N KB` its
// budget; bundles joined by ` + ` on one line add up. Figures keep the decimals written.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BUDGETS, measure } from '../size/check.mjs';
import { documentationFiles, ROOT } from './pages.mjs';

const KB = 1024;
const BUNDLE = /waymark(?:-config|-engine|-widgets|-survey)?\.m?js\b/g;
const FIGURE = /(≤|≈)?\s?(\d+(?:\.\d+)?) KB(?: (gzip|raw))?/g;
/** Sizes and budgets by file name, measured as `npm run size` measures them, on the built dist/. */
export function measureBuild() {
  const sizes = new Map();
  const budgets = new Map();
  for (const { file, budget } of BUDGETS) {
    const path = join(ROOT, file);
    if (existsSync(path)) sizes.set(basename(file), measure(path));
    budgets.set(basename(file), budget);
  }
  return { sizes, budgets };
}

/** Every line that quotes a figure for a named bundle, with where it is. */
export function quotedFigures(markdown, file) {
  return markdown
    .split('\n')
    .map((text, index) => ({ file, line: index + 1, text }))
    .filter(({ text }) => bundlesNamed(text).length > 0 && new RegExp(FIGURE.source).test(text));
}

// `dist/waymark.js` and `waymark.js` name the same file; the order of first mention is kept.
const bundlesNamed = (text) => [...new Set(text.match(BUNDLE) ?? [])];

/** Each figure of a line with what it should say, or why it cannot be checked. */
function verdicts(figure, bundles) {
  const names = bundlesNamed(figure.text);
  const summed = names.length > 1 && names.every((name, index) => index === 0 || figure.text.includes(`\` + \`${name}`));
  return [...figure.text.matchAll(FIGURE)].map((match) => {
    const [written, mark, number, kind] = match;
    if (mark === '≤') {
      const wrong = names.filter((name) => bundles.budgets.get(name) !== Number(number) * KB);
      const budgets = wrong.map((name) => `${name}, whose budget is ${bundles.budgets.has(name) ? `${bundles.budgets.get(name) / KB} KB` : 'none'}`);
      return { written, problem: wrong.length ? `for ${budgets.join('; ')}` : undefined };
    }
    if (names.length > 1 && !summed) return { written, problem: `on a line naming ${names.join(', ')}: name one bundle, or join them with " + " for a sum` };
    const measured = names.reduce((total, name) => total + (bundles.sizes.get(name)?.[kind === 'raw' ? 'raw' : 'gzip'] ?? Number.NaN), 0);
    const expected = (measured / KB).toFixed(number.split('.')[1]?.length ?? 0);
    const problem = expected === number ? undefined : `for ${names.join(' + ')}, the build measures ${expected} KB ${kind ?? 'gzip'}`;
    return { written, problem, corrected: expected === 'NaN' ? undefined : written.replace(number, expected) };
  });
}

/** The problems of one line, each saying what the build measures instead. */
export function checkFigure(figure, bundles) {
  return verdicts(figure, bundles)
    .filter(({ problem }) => problem)
    .map(({ written, problem }) => `${figure.file}:${figure.line}: "${written.trim()}" ${problem}`);
}

/** The line with each measured figure set to what the build measures (budgets and unclear lines are left). */
export function correctedLine(figure, bundles) {
  let text = figure.text;
  for (const { written, problem, corrected } of verdicts(figure, bundles)) if (problem && corrected) text = text.replace(written, corrected);
  return text;
}

const isMain = process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]));
if (isMain && process.argv.includes('--write')) {
  const bundles = measureBuild();
  for (const file of documentationFiles()) {
    const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
    const fixed = lines.map((text, index) => (quotedFigures(text, file).length ? correctedLine({ file, line: index + 1, text }, bundles) : text));
    if (fixed.some((text, index) => text !== lines[index])) {
      writeFileSync(join(ROOT, file), fixed.join('\n'));
      console.log(`updated the figures in ${file}`);
    }
  }
}
