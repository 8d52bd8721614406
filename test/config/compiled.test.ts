import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileConfig } from '../../src/config/compile.js';
import { CONFIG_GRAMMAR, trustCompiled } from '../../src/config/compiled.js';
import { canonicalJson, contentHash } from '../../src/config/content-hash.js';
import { validateConfig } from '../../src/config/validate.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/configs');
const validFiles = readdirSync(join(FIXTURES, 'valid'));
const read = (folder: string, file: string) => readFileSync(join(FIXTURES, folder, file), 'utf8');

function compiled(file: string) {
  const result = compileConfig(read('valid', file));
  if (!result.ok) throw new Error(`valid/${file} did not compile: ${JSON.stringify(result.errors)}`);
  return result;
}

/** Every key reversed at every level: what a tool that sorts or reorders keys might write. */
const reversedKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(reversedKeys)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .reverse()
            .map(([key, inner]) => [key, reversedKeys(inner)]),
        )
      : value;

describe('compiled configs', () => {
  for (const file of validFiles) {
    it(`valid/${file} compiles to what the validator accepts, minus the editor-only keys`, () => {
      const { text, config } = compiled(file);
      const validated = validateConfig(read('valid', file));
      expect(validated.ok).toBe(true);
      const { $schema: _schema, $comment: _comment, ...expected } = validated.ok ? validated.config : {};
      expect(trustCompiled(text)).toEqual(expected);
      expect(config.$compiled.grammar).toBe(CONFIG_GRAMMAR);
      // A hand-edited copy goes through the validator, which must accept the mark itself.
      expect(validateConfig(text).ok).toBe(true);
    });
  }

  it('stays trusted when re-indented or its keys reordered', () => {
    const { text } = compiled('shop.json');
    const reindented = JSON.stringify(JSON.parse(text), null, 2);
    const reordered = JSON.stringify(reversedKeys(JSON.parse(text)));
    expect(trustCompiled(reindented)).not.toBeNull();
    expect(trustCompiled(reordered)).not.toBeNull();
    expect(trustCompiled(JSON.parse(reordered))).toEqual(trustCompiled(text));
  });

  it('is not trusted once a value is edited by hand', () => {
    const edited = JSON.parse(compiled('shop.json').text);
    edited.prompts[0].sample = 2; // out of range: exactly what the validator is there to catch
    expect(trustCompiled(edited)).toBeNull();
    expect(validateConfig(edited).ok).toBe(false);
  });

  it('is not trusted without a mark, with a newer grammar, or when not JSON', () => {
    const { config } = compiled('minimal.json');
    const { $compiled, ...unmarked } = config;
    expect(trustCompiled(unmarked)).toBeNull();
    expect(trustCompiled({ ...unmarked, $compiled: { ...$compiled, grammar: CONFIG_GRAMMAR + 1 } })).toBeNull();
    expect(trustCompiled({ ...unmarked, $compiled: { grammar: CONFIG_GRAMMAR } })).toBeNull();
    expect(trustCompiled(JSON.stringify(config).slice(0, -1))).toBeNull();
    expect(trustCompiled('null')).toBeNull();
  });

  it('rejects every invalid fixture as validate does, writing nothing', () => {
    const expected: Record<string, string[]> = JSON.parse(read('invalid', 'EXPECTED.json'));
    for (const file of Object.keys(expected).filter((name) => !name.startsWith('_'))) {
      const result = compileConfig(read('invalid', file));
      expect(result.ok, file).toBe(false);
      expect(result).toEqual(validateConfig(read('invalid', file)));
    }
  });
});

describe('contentHash', () => {
  it('changes with any one character of the canonical text, not with key order', () => {
    expect(contentHash({ a: 1, b: [1, 2] })).toBe(contentHash({ b: [1, 2], a: 1 }));
    expect(canonicalJson({ b: { d: 1, c: null }, a: 'x' })).toBe('{"a":"x","b":{"c":null,"d":1}}');
    const hashes = new Set(['a', 'b', 'ab', 'ba', 'aa', '', '{}', '[]'].map((text) => contentHash({ text })));
    expect(hashes.size).toBe(8);
    expect(contentHash({ n: 1 })).not.toBe(contentHash({ n: 10 }));
    expect(contentHash({ n: 1 })).toMatch(/^[0-9a-f]{16}$/);
  });
});
