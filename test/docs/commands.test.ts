// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../vitest.config.js';
import { ROOT } from './pages.mjs';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };

/** Whether vitest's include and exclude globs (the simple forms this project uses) select a file. */
function selected(file: string, include: string[], exclude: string[]): boolean {
  const regex = (glob: string) =>
    new RegExp(
      `^${glob
        .replace(/[.+^$()|[\]\\]/g, '\\$&')
        .replace(/\{([^}]*)\}/g, (_, list: string) => `(${list.split(',').join('|')})`)
        .replace(/\*\*\//g, '(.*/)?')
        .replace(/\*\*/g, '.*')
        .replace(/\*/g, '[^/]*')}$`,
    );
  return include.some((glob) => regex(glob).test(file)) && !exclude.some((glob) => regex(glob).test(file));
}

// The README's first lines are the commands a newcomer runs (issue 16): they must be the real ones.
describe('the commands at the top of the README', () => {
  const firstBlock = read('README.md').split('```')[1] ?? '';

  it('are the demo and the tests, each after an install', () => {
    expect(firstBlock).toContain('npm install && npm start');
    expect(firstBlock).toContain('npm install && npm test');
    expect(pkg.scripts.start).toContain('examples/collector/server.mjs');
  });

  it('the test command is the one CI runs, with the build, the types, the linter, the unit tests and the byte budgets', () => {
    expect(read('.ci/run').split('\n')).toContain('npm test');
    expect(pkg.scripts.test).toMatch(/npm run build && npm run typecheck && npm run lint && vitest run .*&& node test\/size\/check\.mjs/);
    expect(pkg.scripts.lint).toBe('biome check .');
  });

  it('the unit tests include the structure tests (import cycles, public types) and the docs tests', () => {
    const { include = [], exclude = [] } = config.test ?? {};
    for (const file of ['test/structure/import-cycles.test.ts', 'test/structure/public-types.test.ts', 'test/docs/byte-figures.test.ts']) {
      expect(selected(file, include, exclude), file).toBe(true);
    }
    expect(selected('test/browser/demo.test.ts', include, exclude)).toBe(false);
  });
});
