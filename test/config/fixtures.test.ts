import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/validate.js';

const OWN = join(import.meta.dirname, '../fixtures/configs/');
const SHARED = join(import.meta.dirname, '../../../shared/fixtures/configs/');

/** The project's own copies always run; the shared set too when it sits beside the repo. */
const roots = [OWN, ...(existsSync(SHARED) ? [SHARED] : [])];

for (const root of roots) {
  describe(`fixture configs in ${root.includes('shared') ? 'shared/' : 'test/'}`, () => {
    for (const file of readdirSync(`${root}valid`)) {
      it(`accepts valid/${file}`, () => {
        const result = validateConfig(readFileSync(`${root}valid/${file}`, 'utf8'));
        expect(result.ok ? [] : result.errors).toEqual([]);
      });
    }
    const expected: Record<string, string[]> = JSON.parse(readFileSync(`${root}invalid/EXPECTED.json`, 'utf8'));
    for (const [file, paths] of Object.entries(expected)) {
      if (file.startsWith('_')) continue;
      it(`rejects invalid/${file} at ${paths.join(', ')}`, () => {
        const result = validateConfig(readFileSync(`${root}invalid/${file}`, 'utf8'));
        expect(result.ok).toBe(false);
        const reported = result.ok ? [] : result.errors.map((error) => error.path);
        for (const path of paths) {
          const under = (reported_: string) => reported_ === path || reported_.startsWith(`${path}.`) || reported_.startsWith(`${path}[`);
          expect(reported.some(under), `${path} in ${JSON.stringify(reported)}`).toBe(true);
        }
      });
    }
  });
}
