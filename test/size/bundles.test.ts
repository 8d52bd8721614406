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

  it('the survey chunk holds the survey alone: preact and the shell come from the widgets chunk at run time', () => {
    const modules = manifest['waymark-survey.js'] ?? [];
    expect(modules).toEqual(expect.arrayContaining(['widgets/survey/survey.tsx', 'widgets/survey/flow.ts', 'waymark-shell-lib']));
    expect(modules.filter((id) => id.includes('node_modules/') || id.startsWith('widgets/shell/') || id === 'widgets/index.tsx')).toEqual([
      'widgets/shell/ui-index.ts',
    ]);
    // No import at all: a failed fetch of the shell cannot stick to it (HTML module map).
    expect(readFileSync(join(ROOT, 'dist/waymark-survey.js'), 'utf8')).not.toMatch(/\bimport\s*[{(*"']|\bfrom\s*["']/);
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

/**
 * A module bundled into two browser files is downloaded twice by a page that loads both. The
 * lazily loaded chunks share nothing; the core and the engine still share the modules below,
 * each to be handed from the core to the engine instead (#15). The list may only shrink.
 */
const SHARED_BY_CORE_AND_ENGINE = ['node_modules/idb-keyval/dist/index.js', 'src/clock.ts', 'src/errors.ts', 'src/storage/indexed-db.ts', 'src/types.ts'];
/**
 * Constants only (reserved and journey event names, the storage names inlined where used),
 * smaller than an import between chunks would be.
 */
const CONSTANTS_EVERYWHERE = [
  'src/types.ts',
  'src/rewards/journey-records.ts',
  'src/storage/names.ts',
  'widgets/shell/ui-index.ts',
  'src/config/survey-end.ts',
];

describe('no module downloaded twice', () => {
  const manifest: Record<string, string[]> = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {};
  const modulesOf = (file: string) => new Set((manifest[file] ?? []).filter((id) => !CONSTANTS_EVERYWHERE.includes(id)));
  const lazyChunks = ['waymark-engine.js', 'waymark-config.js', 'waymark-widgets.js', 'waymark-survey.js', 'waymark-rewards.js', 'waymark-tab.js'];

  it('no two lazily loaded chunks bundle the same module, but the regex check', () => {
    const owners = new Map<string, string[]>();
    for (const chunk of lazyChunks) for (const id of modulesOf(chunk)) owners.set(id, [...(owners.get(id) ?? []), chunk]);
    // The validator and the rules both refuse unsafe regexes; a page with a compiled config never
    // loads the validator, and importing the engine's copy would tie config/ to the engine in a cycle.
    // The NPS band rule is one line, smaller than an import between two chunks would be.
    // The feedback tab draws its launchers before the widgets load, with its own copies of their
    // locale and colour-scheme helpers (a few hundred bytes, only on pages with a tab).
    const twice = [...owners].filter(([, chunks]) => chunks.length > 1);
    expect(twice).toEqual([
      ['src/rules/safe-regex.ts', ['waymark-engine.js', 'waymark-config.js']],
      ['src/prompts/nps-band.ts', ['waymark-engine.js', 'waymark-widgets.js']],
      ['src/config/localize.ts', ['waymark-widgets.js', 'waymark-tab.js']],
      ['widgets/shell/i18n.ts', ['waymark-widgets.js', 'waymark-tab.js']],
      ['widgets/shell/theme.ts', ['waymark-widgets.js', 'waymark-tab.js']],
    ]);
  });

  it('the core shares with the lazy chunks only what is listed, and the list is exact', () => {
    for (const core of ['waymark.js', 'waymark.mjs']) {
      const inCore = modulesOf(core);
      expect(inCore.size).toBeGreaterThan(0);
      const shared = lazyChunks.flatMap((chunk) => [...modulesOf(chunk)].filter((id) => inCore.has(id)));
      expect(shared.sort()).toEqual(SHARED_BY_CORE_AND_ENGINE.filter((id) => !CONSTANTS_EVERYWHERE.includes(id)));
    }
  });
});

describe('names compacted by the build', () => {
  it('the widgets chunk carries no `wm-` class, custom property or keyframes name: the build shortened them all', () => {
    const widgets = readFileSync(join(ROOT, 'dist/waymark-widgets.js'), 'utf8');
    expect(widgets.match(/(?<![\w-])(--)?wm-[a-z\d-]+/g) ?? []).toEqual([]);
    // …and the stylesheet still styles what the markup names: the panel class is in both.
    expect(widgets).toMatch(/all:initial/);
  });
});

describe('each kind’s bytes (npm run size)', () => {
  it('names a source of every kind that is in a chunk, and adds up to the chunks', async () => {
    const { KIND_SOURCES, kindSizes } = await import('./kinds.mjs');
    const manifest: Record<string, string[]> = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const bundled = [...(manifest['waymark-widgets.js'] ?? []), ...(manifest['waymark-survey.js'] ?? [])];
    for (const [kind, sources] of Object.entries(KIND_SOURCES))
      expect(
        sources.filter((source) => !bundled.includes(source)),
        kind,
      ).toEqual([]);
    const sizes = kindSizes();
    for (const { kind, raw } of sizes) expect(raw, kind).toBeGreaterThan(0);
    const chunks = ['dist/waymark-widgets.js', 'dist/waymark-survey.js'].reduce((sum, file) => sum + readFileSync(join(ROOT, file)).length, 0);
    const counted = sizes.reduce((sum, { raw }) => sum + raw, 0);
    // Every mapped byte is counted once; only the chunks' unmapped glue is left out.
    expect(counted).toBeLessThanOrEqual(chunks);
    expect(counted).toBeGreaterThan(chunks * 0.9);
  });
});
