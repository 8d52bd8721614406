// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** What `npm pack` would put in the tarball; `npm test` builds `dist/` before it runs. */
function packedFiles(): string[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  return JSON.parse(output)[0].files.map((file: { path: string }) => file.path);
}

/** The packages a built file still imports (statically or with `import()`), Node's own modules aside. */
function bareImports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  // Static imports start a statement (a line, or after `;` in minified code); dynamic ones are `import('…')`.
  const statements = /(?:^|;)\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|(?:^|;)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
  const specifiers = [...text.matchAll(statements)].map((match) => match[1] ?? match[2] ?? match[3]!);
  const packages = specifiers
    .filter((id) => !id.startsWith('.') && !id.startsWith('node:'))
    .map((id) =>
      id
        .split('/')
        .slice(0, id.startsWith('@') ? 2 : 1)
        .join('/'),
    );
  return [...new Set(packages)].sort();
}

/** The declaration files the two entries' types reach, following relative imports. */
function reachableTypes(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...entries];
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file) || !existsSync(join(root, file))) continue;
    seen.add(file);
    for (const [, specifier] of readFileSync(join(root, file), 'utf8').matchAll(/(?:from|import\()\s*['"](\.[^'"]+)['"]/g)) {
      pending.push(normalize(join(dirname(file), specifier!.replace(/\.js$/, '.d.ts'))));
    }
  }
  return seen;
}

const ENTRY_TYPES = ['dist/types/src/index.d.ts', 'dist/types/src/server/index.d.ts'];

describe('the published package', () => {
  const files = packedFiles();

  it('ships what users run: the bundles, the CLI, the server module, the report page, the schema and the types', () => {
    const chunks = [
      'dist/waymark-config.js',
      'dist/waymark-engine.js',
      'dist/waymark-widgets.js',
      'dist/waymark-survey.js',
      'dist/waymark-rewards.js',
      'dist/waymark-tab.js',
    ];
    for (const file of [
      'dist/waymark.js',
      'dist/waymark.mjs',
      ...chunks,
      'dist/cli.mjs',
      'dist/server.mjs',
      'dist/report-page/index.html',
      'dist/waymark.schema.json',
      ...ENTRY_TYPES,
    ]) {
      expect(files).toContain(file);
    }
  });

  it('ships nothing else: no sources, source maps, demo bundle, build manifest or tests', () => {
    const shipped =
      /^(package\.json|README\.md|LICENSE|dist\/(waymark(-config|-engine|-widgets|-survey|-rewards|-tab)?\.m?js|cli\.mjs|server\.mjs|waymark\.schema\.json)|dist\/report-page\/(index\.html|report\.(js|css))|dist\/types\/.+\.d\.ts)$/;
    expect(files.filter((file) => !shipped.test(file))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.map') || file.startsWith('dist/examples/'))).toEqual([]);
    expect(files).not.toContain('dist/modules.json');
  });

  it('ships every declaration file the entries’ types reach', () => {
    const reached = reachableTypes(ENTRY_TYPES);
    expect(reached.size).toBeGreaterThan(10);
    expect([...reached].filter((file) => !files.includes(file))).toEqual([]);
  });

  it('the browser bundles import no package: preact, the signals and idb-keyval are inside', () => {
    for (const file of [
      'dist/waymark.js',
      'dist/waymark.mjs',
      'dist/waymark-config.js',
      'dist/waymark-engine.js',
      'dist/waymark-widgets.js',
      'dist/waymark-survey.js',
    ]) {
      expect(bareImports(file), file).toEqual([]);
    }
  });

  it('installs exactly what the built files import and what the types need: the database drivers and zod', () => {
    const imported = [...new Set([...bareImports('dist/server.mjs'), ...bareImports('dist/cli.mjs')])].sort();
    expect(imported).toEqual(['@electric-sql/pglite', 'pg']);
    // zod is bundled into the code; the `Config` type is written in zod's types, so users need them.
    const zodInTypes = [...reachableTypes(ENTRY_TYPES)].some((file) => /from ['"]zod/.test(readFileSync(join(root, file), 'utf8')));
    expect(zodInTypes).toBe(true);
    expect(Object.keys(pkg.dependencies ?? {}).sort()).toEqual([...imported, 'zod'].sort());
  });

  it('keeps what the build bundles among the devDependencies', () => {
    const bundled = ['preact', 'idb-keyval'];
    expect(bundled.filter((name) => !(name in (pkg.devDependencies ?? {})))).toEqual([]);
    // wm.state's signals are the SDK's own (src/state-signal.ts): neither signals package is used.
    const all = { ...pkg.dependencies, ...pkg.devDependencies };
    expect(['@preact/signals', '@preact/signals-core'].filter((name) => name in all)).toEqual([]);
  });

  it('is ESM-only, with an export for each entry the docs name', () => {
    expect(pkg.type).toBe('module');
    expect(pkg.exports['.']).not.toHaveProperty('require');
    expect(Object.keys(pkg.exports)).toEqual(expect.arrayContaining(['.', './server', './waymark.schema.json']));
  });
});
