import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileConfig } from '../../src/config/compile.js';
import type { WaymarkError } from '../../src/errors.js';

const validations = vi.hoisted(() => ({ count: 0 }));
// Counts what the validator chunk is asked to check: a compiled config must not reach it.
vi.mock('../../src/lazy/validator.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/lazy/validator.js')>();
  return {
    ...actual,
    configVerdict: (input: unknown) => {
      validations.count++;
      return actual.configVerdict(input);
    },
  };
});
const { loadConfig } = await import('../../src/config/load.js');

const shopText = readFileSync(join(import.meta.dirname, '../fixtures/configs/valid/shop.json'), 'utf8');
const compiledShop = (() => {
  const result = compileConfig(shopText);
  if (!result.ok) throw new Error('shop.json must compile');
  return result;
})();

function served(body: string) {
  vi.stubGlobal('fetch', async () => new Response(body, { headers: { 'content-type': 'application/json' } }));
}

describe('loadConfig and compiled configs', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    validations.count = 0;
  });

  it('takes a compiled config from a URL without the validator', async () => {
    served(compiledShop.text);
    const errors: WaymarkError[] = [];
    const config = await loadConfig('/waymark.json', (error) => errors.push(error));
    expect(errors).toEqual([]);
    expect(config?.prompts?.map((prompt) => prompt.id)).toEqual(JSON.parse(shopText).prompts.map((prompt: { id: string }) => prompt.id));
    expect(validations.count).toBe(0);
  });

  it('takes a compiled config object (an imported file) without the validator', async () => {
    expect(await loadConfig(JSON.parse(compiledShop.text), () => {})).not.toBeNull();
    expect(validations.count).toBe(0);
  });

  it('validates a config without the mark, and a compiled one edited by hand', async () => {
    served(shopText);
    expect(await loadConfig('/waymark.json', () => {})).not.toBeNull();
    expect(validations.count).toBe(1);

    const edited = JSON.parse(compiledShop.text);
    edited.prompts[0].sample = 7;
    const errors: WaymarkError[] = [];
    const logged: string[] = [];
    expect(
      await loadConfig(
        edited,
        (error) => errors.push(error),
        (line) => logged.push(line),
      ),
    ).toBeNull();
    expect(validations.count).toBe(2);
    expect(errors.map((error) => error.code)).toEqual(['invalid_config']);
    expect(logged.join('\n')).toContain('config not compiled (or edited since): validating');
  });
});
