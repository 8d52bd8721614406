import { defineConfig } from 'vitest/config';

/** Real Chromium against the built dist/: one file at a time, 2 cores are shared. */
export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
