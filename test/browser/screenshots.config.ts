import { defineConfig } from 'vitest/config';

/** `npm run screenshots`: regenerates docs/images/ from real Chromium; not part of the test suites. */
export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  test: { include: ['test/browser/screenshots/*.shots.ts'], environment: 'node', fileParallelism: false, testTimeout: 180_000, hookTimeout: 180_000 },
});
