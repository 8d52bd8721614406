// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trustCompiled } from '../../src/config/compiled.js';
import { defaultOutput } from '../../src/cli/build.js';
import { run } from './run.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/configs');
const folder = mkdtempSync(join(tmpdir(), 'waymark-build-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('waymark build', () => {
  it('writes the compiled config to -o, which the browser trusts', async () => {
    const output = join(folder, 'shop.out.json');
    const result = await run('build', join(FIXTURES, 'valid/shop.json'), '-o', output);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/shop\.out\.json: compiled \(grammar 1, hash [0-9a-f]{16}\)/);
    expect(trustCompiled(readFileSync(output, 'utf8'))).not.toBeNull();
  });

  it('writes <name>.compiled.json beside the input by default, and prints it with -o -', async () => {
    const input = join(folder, 'minimal.json');
    writeFileSync(input, readFileSync(join(FIXTURES, 'valid/minimal.json')));
    expect((await run('build', input)).code).toBe(0);
    expect(trustCompiled(readFileSync(join(folder, 'minimal.compiled.json'), 'utf8'))).not.toBeNull();
    const printed = await run('build', input, '-o', '-');
    expect(printed.code).toBe(0);
    expect(trustCompiled(printed.out)).not.toBeNull();
    expect(defaultOutput('waymark')).toBe('waymark.compiled.json');
  });

  it('exits 1 with the problems and writes nothing for an invalid config', async () => {
    const output = join(folder, 'bad.json');
    const result = await run('build', join(FIXTURES, 'invalid/bad-sample.json'), '-o', output);
    expect(result.code).toBe(1);
    expect(result.out).toContain('bad-sample.json:1:59  prompts[0].sample  must be ≤ 1');
    expect(existsSync(output)).toBe(false);
  });

  it('exits 2 on bad usage or a missing file', async () => {
    expect((await run('build')).code).toBe(2);
    expect((await run('build', 'a.json', 'b.json')).code).toBe(2);
    expect((await run('build', 'a.json', '-o')).code).toBe(2);
    expect((await run('build', join(folder, 'missing.json'))).code).toBe(2);
  });
});
