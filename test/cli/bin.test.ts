// @vitest-environment node
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli.mjs');
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

/** The built command, as `npx waymark` runs it (needs `npm run build` first; `npm test` does that). */
describe('dist/cli.mjs', () => {
  it('is the package bin, with a node shebang', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin.waymark).toBe('./dist/cli.mjs');
    expect(existsSync(CLI), 'dist/cli.mjs is missing: run npm run build').toBe(true);
    expect(readFileSync(CLI, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('exits 1 with file:line:column, path and message for an invalid config', async () => {
    const result = await run('validate', 'test/fixtures/configs/invalid/bad-sample.json');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('test/fixtures/configs/invalid/bad-sample.json:1:59  prompts[0].sample  must be ≤ 1');
  });

  it('exits 0 for the demo shop config, and prints the schema', async () => {
    const result = await run('validate', 'examples/shop/waymark.json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const schema = await run('schema');
    expect(JSON.parse(schema.stdout)).toEqual(JSON.parse(readFileSync(join(ROOT, 'dist/waymark.schema.json'), 'utf8')));
  });
});
