import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

export default defineConfig({
  root: new URL('..', import.meta.url).pathname,
  define: { __WAYMARK_VERSION__: JSON.stringify(pkg.version) },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/browser/**', 'node_modules/**'],
    environment: 'happy-dom',
    setupFiles: ['test/setup.ts'],
    // A real Postgres for the collector suites (WAYMARK_TEST_PG, or a throwaway cluster).
    globalSetup: ['test/collector/postgres-setup.ts'],
    testTimeout: 15_000,
    // Closing embedded databases and removing their folders waits on a disk other runs share.
    hookTimeout: 60_000,
  },
});
