// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
  'survey-loop.json': { path: 'prompts[0].questions[1].next.Search', at: '10:121' },
  'survey-unknown-target.json': { path: 'prompts[0].questions[0].next.0-6', at: '9:98' },
  'poll-duplicate-choice.json': { path: 'prompts[0].content.choices[2]', at: '8:90' },
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

describe('waymark validate, for people', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-validate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('accepts a file saved with a byte-order mark, as the browser does', async () => {
    const file = write('bom.json', `\uFEFF${readFileSync(valid('minimal.json'), 'utf8')}`);
    const result = await run('validate', file);
    expect(result.out).toMatch(/✓ .*bom\.json: valid/);
    expect(result.code).toBe(0);
  });

  it('counts columns after the byte-order mark, as editors do', async () => {
    const result = await run('validate', write('bom-bad.json', '\uFEFF{ "version": 2 }'));
    expect(result.out).toContain('bom-bad.json:1:3  version  ');
  });

  it('escapes control characters in paths and messages', async () => {
    const file = write('hostile.json', JSON.stringify({ version: 1, '\u001b[2J\u001b[31mok': 1, limits: { 'a\u202eb\n': 1 } }));
    const result = await run('validate', file);
    expect(result.code).toBe(1);
    expect(result.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(result.out).toContain('\\u001b[2J\\u001b[31mok  unknown key "\\u001b[2J\\u001b[31mok"');
    expect(result.out).toContain('limits.a\\u202eb\\u000a  unknown key');
  });

  it('prints warnings with their place, and exits 0 when there is nothing else', async () => {
    const config = { version: 1, prompts: [{ id: 'p', kind: 'nps', trigger: { on: 'exit_intent' }, content: { question: 'Q?' } }] };
    const file = write('warn.json', JSON.stringify(config, null, 2));
    const result = await run('validate', file);
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      `${file}:8:9  prompts[0].trigger.on  warning: "exit_intent" fires only when the page tracks it itself; Waymark records "$exit_intent"`,
    );
    expect(result.out).toMatch(/✓ .*warn\.json: valid \(1 prompt, 0 stages\), 1 warning\n$/);
  });

  it('suggests the key that was probably meant', async () => {
    const result = await run('validate', write('typo.json', '{ "version": 1, "limits": { "maxPerSesion": 1 } }'));
    expect(result.out).toContain('typo.json:1:29  limits.maxPerSesion  unknown key "maxPerSesion"; did you mean "maxPerSession"?');
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
