import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const manifestFile = join(ROOT, 'dist/modules.json');

/** Needs the build (npm test builds first). */
describe('bundle contents', () => {
  const manifest: Record<string, string[]> = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {};

  it('has been built', () => {
    expect(Object.keys(manifest), 'run `npm run build` before the unit tests').toEqual(
      expect.arrayContaining(['waymark.js', 'waymark.mjs', 'waymark-widgets.js', 'waymark-config.js']),
    );
  });

  for (const core of ['waymark.js', 'waymark.mjs']) {
    it(`${core} never contains preact, widget code or zod`, () => {
      const modules = manifest[core] ?? [];
      expect(modules.length).toBeGreaterThan(0);
      expect(modules.filter((id) => /node_modules\/(preact|@preact\/signals\/|zod)/.test(id) || id.startsWith('widgets/'))).toEqual([]);
    });
  }

  it('the widgets chunk holds the widgets and preact', () => {
    const modules = manifest['waymark-widgets.js'] ?? [];
    expect(modules.some((id) => id.startsWith('widgets/'))).toBe(true);
    expect(modules.some((id) => id.startsWith('node_modules/preact/'))).toBe(true);
  });

  it('the engine chunk holds the rules and the prompts, the core neither', () => {
    const engine = manifest['waymark-engine.js'] ?? [];
    expect(engine).toEqual(expect.arrayContaining(['src/rules/conditions.ts', 'src/prompts/controller.ts', 'src/profile/profile.ts']));
    expect((manifest['waymark.js'] ?? []).filter((id) => /^src\/(rules|profile|prompts)\//.test(id))).toEqual([]);
  });

  it('the core loads the lazy chunks by relative URL', () => {
    const esm = readFileSync(join(ROOT, 'dist/waymark.mjs'), 'utf8');
    expect(esm).toContain('./waymark-config.js');
  });

  it('every file package.json points to exists after the build', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const targets: string[] = [pkg.main, pkg.types, ...Object.values(pkg.bin as Record<string, string>)];
    for (const entry of Object.values(pkg.exports as Record<string, string | Record<string, string>>)) {
      targets.push(...(typeof entry === 'string' ? [entry] : Object.values(entry)));
    }
    expect(targets.filter((target) => !existsSync(join(ROOT, target)))).toEqual([]);
  });
});
