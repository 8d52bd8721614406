/**
 * Finds the byte figures the documentation quotes for Waymark's bundles and compares them with
 * what the build measures. A line counts when it names a bundle (`waymark.js`,
 * `waymark-config.js`…): its `N KB gzip` and `N KB` figures are that bundle's gzip size, `N KB
 * raw` its raw size, `≤ N KB` its budget; bundles joined by ` + ` on one line add up.
 */

export interface Measured {
  raw: number;
  gzip: number;
}

export interface Bundles {
  /** Sizes by file name, e.g. `waymark.js`. */
  sizes: Map<string, Measured>;
  /** Budgets in gzip bytes by file name. */
  budgets: Map<string, number>;
}

export interface Figure {
  file: string;
  line: number;
  text: string;
}

const KB = 1024;
const BUNDLE = /waymark(?:-config|-engine|-widgets)?\.m?js\b/g;
const FIGURE = /(≤|≈)?\s?(\d+(?:\.\d+)?) KB(?: (gzip|raw))?/g;

/** Every line that quotes a figure for a named bundle, with where it is. */
export function quotedFigures(markdown: string, file: string): Figure[] {
  return markdown
    .split('\n')
    .map((text, index) => ({ file, line: index + 1, text }))
    .filter(({ text }) => bundlesNamed(text).length > 0 && new RegExp(FIGURE.source).test(text));
}

function bundlesNamed(text: string): string[] {
  // `dist/waymark.js` and `waymark.js` name the same file; the order of first mention is kept.
  return [...new Set(text.match(BUNDLE) ?? [])];
}

/** The problems of one line, each saying what the build measures instead. */
export function checkFigure(figure: Figure, bundles: Bundles): string[] {
  const names = bundlesNamed(figure.text);
  const summed = names.length > 1 && names.every((name, index) => index === 0 || figure.text.includes(`\` + \`${name}`));
  const where = `${figure.file}:${figure.line}`;
  const problems: string[] = [];
  for (const match of figure.text.matchAll(FIGURE)) {
    const [written, mark, number, kind] = match;
    const quoted = Number(number);
    if (mark === '≤') {
      for (const name of names) {
        const budget = bundles.budgets.get(name);
        if (budget !== quoted * KB)
          problems.push(`${where}: "${written.trim()}" for ${name}, whose budget is ${budget === undefined ? 'none' : `${budget / KB} KB`}`);
      }
      continue;
    }
    if (names.length > 1 && !summed) {
      problems.push(`${where}: "${written.trim()}" on a line naming ${names.join(', ')}: name one bundle, or join them with " + " for a sum`);
      continue;
    }
    const measured = names.reduce((total, name) => total + (bundles.sizes.get(name)?.[kind === 'raw' ? 'raw' : 'gzip'] ?? Number.NaN), 0);
    const decimals = number!.split('.')[1]?.length ?? 0;
    const expected = (measured / KB).toFixed(decimals);
    if (expected !== number) problems.push(`${where}: "${written.trim()}" for ${names.join(' + ')}, the build measures ${expected} KB ${kind ?? 'gzip'}`);
  }
  return problems;
}
