// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Bundles, checkFigure, type Measured, quotedFigures } from './byte-figures.js';
import { documentationFiles, ROOT } from './snippets.js';

interface SizeCheck {
  BUDGETS: { file: string; budget: number }[];
  measure(file: string): Measured;
}

/** Measured exactly as `npm run size` measures: its own code, on the `dist/` that `npm test` built. */
async function measureBuild(): Promise<Bundles> {
  const { BUDGETS, measure } = (await import(`${ROOT}test/size/check.mjs` as string)) as SizeCheck;
  const sizes = new Map<string, Measured>();
  const budgets = new Map<string, number>();
  for (const { file, budget } of BUDGETS) {
    const path = join(ROOT, file);
    if (existsSync(path)) sizes.set(basename(file), measure(path));
    budgets.set(basename(file), budget);
  }
  return { sizes, budgets };
}

// The README and docs/ quote bundle sizes; a change that moves a size must move the text with it.
describe('byte figures in the README and docs/', async () => {
  const bundles = await measureBuild();
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

  it('quotes each figure as npm run size measures it, rounded as written', () => {
    expect(figures.flatMap((figure) => checkFigure(figure, bundles))).toEqual([]);
  });

  it('names the line and the measured value when a figure is wrong', () => {
    const gzip = ((bundles.sizes.get('waymark.js')?.gzip ?? 0) / 1024).toFixed(1);
    const budget = (bundles.budgets.get('waymark.js') ?? 0) / 1024;
    const wrong = { file: 'wrong.md', line: 3, text: 'The core, `waymark.js`, is 99.9 KB gzip, within ≤ 99 KB.' };
    expect(checkFigure(wrong, bundles)).toEqual([
      `wrong.md:3: "99.9 KB gzip" for waymark.js, the build measures ${gzip} KB gzip`,
      `wrong.md:3: "≤ 99 KB" for waymark.js, whose budget is ${budget} KB`,
    ]);
  });
});
