// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { tierLabel } from '../../src/server/tier-label.js';

const config = (label: unknown, defaultLocale?: string) =>
  ({ version: 1, ...(defaultLocale ? { defaultLocale } : {}), rewards: { tiers: [{ id: 'gold', minPoints: 100, label }] } }) as unknown as Config;

describe('a tier as reports name it', () => {
  it('takes a plain label as it is, and an id without a label', () => {
    expect(tierLabel(config('Gold'), 'gold')).toBe('Gold');
    expect(tierLabel(config(undefined), 'gold')).toBe('gold');
    expect(tierLabel(null, 'none')).toBe('No tier');
  });

  it('falls back as every config text does: the default locale, its language, then the first entry', () => {
    expect(tierLabel(config({ en: 'Gold', fr: 'Or' }, 'fr'), 'gold')).toBe('Or');
    expect(tierLabel(config({ en: 'Gold', fr: 'Or' }, 'fr-CA'), 'gold')).toBe('Or');
    expect(tierLabel(config({ de: 'Gold (de)' }), 'gold')).toBe('Gold (de)');
  });
});
