import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/server/json-schema.js';

type Node = Record<string, unknown>;

/** Every `properties` entry anywhere in the schema, with its JSON pointer. */
function properties(node: unknown, at = '#'): Array<[string, Node]> {
  if (typeof node !== 'object' || node === null) return [];
  const out: Array<[string, Node]> = [];
  for (const [key, value] of Object.entries(node as Node)) {
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [name, property] of Object.entries(value as Node)) out.push([`${at}/properties/${name}`, property as Node]);
    }
    out.push(...properties(value, `${at}/${key}`));
  }
  return out;
}

describe('configJsonSchema', () => {
  const schema = configJsonSchema();

  it('is a draft 2020-12 schema of an object with version 1', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect((schema.properties as Node).version).toMatchObject({ const: 1 });
  });

  it('describes every field', () => {
    const missing = properties(schema)
      .filter(([, property]) => typeof property.description !== 'string')
      .map(([pointer]) => pointer);
    expect(missing).toEqual([]);
  });

  it('forbids unknown keys, as the validator does', () => {
    expect(schema.additionalProperties).toBe(false);
  });

  it('defines the recursive condition grammar once', () => {
    expect(Object.keys(schema.$defs as Node)).toEqual(expect.arrayContaining(['Condition', 'Operators', 'Prompt', 'Text']));
    expect(JSON.stringify(schema).length).toBeLessThan(80_000);
  });
});
