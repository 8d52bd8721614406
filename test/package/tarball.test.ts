// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

/** What `npm pack` would put in the tarball; `npm test` builds `dist/` before it runs. */
function packedFiles(): string[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  return JSON.parse(output)[0].files.map((file: { path: string }) => file.path);
}

describe('the published package', () => {
  const files = packedFiles();

  it('ships what users run: the bundles, the CLI, the server module, the schema and the types', () => {
    for (const file of ['dist/waymark.js', 'dist/waymark.mjs', 'dist/cli.mjs', 'dist/server.mjs', 'dist/waymark.schema.json']) {
      expect(files).toContain(file);
    }
    expect(files).toContain('dist/types/src/index.d.ts');
  });

  it('leaves out source maps, the demo bundle and the build manifest', () => {
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(files.filter((file) => file.startsWith('dist/examples/'))).toEqual([]);
    expect(files).not.toContain('dist/modules.json');
  });

  it('installs no library that the build already bundles into dist/', () => {
    const bundled = ['preact', '@preact/signals', '@preact/signals-core', 'idb-keyval'];
    expect(Object.keys(pkg.dependencies ?? {}).filter((name) => bundled.includes(name))).toEqual([]);
  });

  it('is ESM-only, with an export for each entry the docs name', () => {
    expect(pkg.type).toBe('module');
    expect(Object.keys(pkg.exports)).toEqual(expect.arrayContaining(['.', './server', './waymark.schema.json']));
  });
});
