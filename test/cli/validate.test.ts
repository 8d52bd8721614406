// @vitest-environment node
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/configs');
const valid = (file: string) => join(FIXTURES, 'valid', file);
const invalid = (file: string) => join(FIXTURES, 'invalid', file);

/** Where each fixture's expected problem sits in its source, counted by hand. */
const EXPECTED_AT: Record<string, { path: string; at: string }> = {
  'bad-kind.json': { path: 'prompts[0].kind', at: '1:44' },
  'missing-trigger.json': { path: 'prompts[0].trigger', at: '1:30' }, // missing: its prompt object
  'bad-operator.json': { path: 'prompts[0].if.all[1].points.greaterThan', at: '2:69' }, // the unknown key
  'duplicate-ids.json': { path: 'prompts[1].id', at: '3:5' },
  'bad-sample.json': { path: 'prompts[0].sample', at: '1:59' },
  'unknown-stage.json': { path: 'prompts[0].if.stage.eq', at: '3:97' },
  'bad-version.json': { path: 'version', at: '1:3' },
  'bad-regex.json': { path: 'prompts[0].if.url.regex', at: '1:114' },
  'negative-points.json': { path: 'rewards.rules[0].points', at: '1:71' },
  'tiers-out-of-order.json': { path: 'rewards.tiers', at: '2:3' },
  'not-json.json': { path: '(root)', at: '1:59' }, // the "}" after a trailing comma
};

describe('waymark validate', () => {
  for (const file of readdirSync(join(FIXTURES, 'valid'))) {
    it(`accepts valid/${file} with exit 0`, async () => {
      const result = await run('validate', valid(file));
      expect(result.err).toBe('');
      expect(result.out).toMatch(/✓ .*: valid \(\d+ prompts?, \d+ stages?\)/);
      expect(result.code).toBe(0);
    });
  }

  it('has a line:column expectation for every invalid fixture', () => {
    const files = readdirSync(join(FIXTURES, 'invalid')).filter((file) => file !== 'EXPECTED.json');
    expect(Object.keys(EXPECTED_AT).sort()).toEqual(files.sort());
  });

  for (const [file, { path, at }] of Object.entries(EXPECTED_AT)) {
    it(`rejects invalid/${file} with exit 1, at ${at} ${path}`, async () => {
      const result = await run('validate', invalid(file));
      expect(result.code).toBe(1);
      const lines = result.out.trim().split('\n');
      const problem = lines.find((line) => line.startsWith(`${invalid(file)}:${at}  ${path}`) && line.length > `${invalid(file)}:${at}  ${path}  `.length);
      expect(problem, result.out).toBeDefined();
      expect(lines.at(-1)).toMatch(/^\d+ problems? in /);
    });
  }

  it('reports syntax errors with the position and the reason', async () => {
    const result = await run('validate', invalid('not-json.json'));
    expect(result.out).toContain('(root)  invalid JSON at line 1, column 59');
  });

  it('checks several files and fails if any is invalid', async () => {
    const result = await run('validate', valid('minimal.json'), invalid('bad-version.json'), valid('shop.json'));
    expect(result.code).toBe(1);
    expect(result.out.match(/: valid/g)).toHaveLength(2);
    expect(result.out).toContain('bad-version.json:1:3  version  ');
  });

  it('exits 2 when a file cannot be read or no file is given', async () => {
    const missing = await run('validate', join(FIXTURES, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.json: no such file');
    const none = await run('validate');
    expect(none.code).toBe(2);
    expect(none.err).toContain('usage: waymark validate');
  });
});

describe('waymark (other commands)', () => {
  it('prints the JSON Schema of the config', async () => {
    const result = await run('schema');
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.out);
    expect(schema.$schema).toContain('2020-12');
    expect(schema.properties.prompts).toBeDefined();
    expect(schema.required).toContain('version');
  });

  it('prints help, and exits 2 on an unknown command', async () => {
    expect((await run()).out).toContain('waymark validate <config.json>');
    const unknown = await run('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command "frobnicate"');
  });
});
