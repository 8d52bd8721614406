// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/validate.js';

const ROOT = join(import.meta.dirname, '../..');

describe('the example configs', () => {
  it('the shop config is valid and shows every single-question kind, a poll behind a feedback tab', () => {
    const result = validateConfig(readFileSync(join(ROOT, 'examples/shop/waymark.json'), 'utf8'));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    const kinds = new Set(result.config.prompts?.map((prompt) => prompt.kind));
    expect([...kinds].sort()).toEqual(['exit', 'nps', 'poll', 'rating', 'reward']);
    // A poll behind a feedback tab, which the visitor opens when they want.
    expect(result.config.prompts?.some((prompt) => prompt.presentation?.placement === 'tab')).toBe(true);
    // A redeem offer and a points toast, both from rewards.
    expect(result.config.prompts?.some((prompt) => prompt.kind === 'reward' && prompt.offer)).toBe(true);
    expect(result.config.prompts?.some((prompt) => prompt.trigger?.on === '$points')).toBe(true);
  });

  it('points its $schema at the shipped JSON Schema', () => {
    const json = JSON.parse(readFileSync(join(ROOT, 'examples/shop/waymark.json'), 'utf8'));
    expect(join(ROOT, 'examples/shop', json.$schema)).toBe(join(ROOT, 'dist/waymark.schema.json'));
  });

  it('the SPA config object is valid', async () => {
    // A computed specifier keeps the SPA (type-checked by its own build, where `waymark` maps to
    // src/) out of this project's tsc program.
    const spa = '../../examples/spa/config.js';
    const { config } = (await import(/* @vite-ignore */ spa)) as { config: unknown };
    const result = validateConfig(config);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});
