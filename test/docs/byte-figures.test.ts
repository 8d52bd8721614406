// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFigure, correctedLine, measureBuild, quotedFigures } from './byte-figures.mjs';
import { documentationFiles, ROOT } from './pages.mjs';

// The README and docs/ quote bundle sizes; a change that moves a size must move the text with it
// (`npm run docs:sizes` rewrites them after a build).
describe('byte figures in the README and docs/', () => {
  const bundles = measureBuild();
  const figures = documentationFiles().flatMap((file) => quotedFigures(readFileSync(join(ROOT, file), 'utf8'), file));

  it('has the build to measure', () => {
    expect([...bundles.sizes.keys()], 'run `npm run build` before the unit tests').toEqual(
      expect.arrayContaining(['waymark.js', 'waymark.mjs', 'waymark-config.js', 'waymark-engine.js', 'waymark-widgets.js']),
    );
  });

  it('finds the figures: the README, the table of sizes and the sums a page fetches', () => {
    expect(figures.length).toBeGreaterThanOrEqual(12);
    expect(figures.some(({ file }) => file === 'README.md')).toBe(true);
    expect(figures.some(({ text }) => text.includes('` + `waymark-widgets.js`'))).toBe(true);
  });

  it('quotes each figure as npm run size measures it, rounded as written (npm run docs:sizes fixes them)', () => {
    expect(figures.flatMap((figure) => checkFigure(figure, bundles))).toEqual([]);
  });

  it('names the line and the measured value when a figure is wrong, and can correct it', () => {
    const gzip = ((bundles.sizes.get('waymark.js')?.gzip ?? 0) / 1024).toFixed(1);
    const budget = (bundles.budgets.get('waymark.js') ?? 0) / 1024;
    const wrong = { file: 'wrong.md', line: 3, text: 'The core, `waymark.js`, is 99.9 KB gzip, within ≤ 99 KB.' };
    expect(checkFigure(wrong, bundles)).toEqual([
      `wrong.md:3: "99.9 KB gzip" for waymark.js, the build measures ${gzip} KB gzip`,
      `wrong.md:3: "≤ 99 KB" for waymark.js, whose budget is ${budget} KB`,
    ]);
    expect(correctedLine(wrong, bundles)).toBe(`The core, \`waymark.js\`, is ${gzip} KB gzip, within ≤ 99 KB.`);
  });
});
