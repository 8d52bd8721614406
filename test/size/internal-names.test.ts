import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERNAL_PROPERTIES } from '../../build/internal-properties.mjs';

const ROOT = join(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
/** The files the public types come from (src/api.ts composes them). */
const PUBLIC_TYPES = [
  'src/api.ts',
  'src/options.ts',
  'src/instance.ts',
  'src/types.ts',
  'src/errors.ts',
  'src/outbox/public-types.ts',
  'src/prompts/explanation.ts',
  'src/track/detectors/options.ts',
];
/** Bundles built on their own: a property they read must keep its name in the core. */
const OTHER_BUNDLES = ['dist/waymark-engine.js', 'dist/waymark-widgets.js', 'dist/waymark-config.js', 'dist/waymark-rewards.js', 'dist/waymark-tab.js'];
const asProperty = (name: string) => new RegExp(`(?:\\.|\\b)${name}\\b\\s*[:(=]|\\.${name}\\b`);

/** Needs the build (npm test builds first). */
describe('property names the core build shortens', () => {
  it.each(INTERNAL_PROPERTIES)('%s is no public name and no other bundle reads it', (name) => {
    expect(PUBLIC_TYPES.filter((file) => asProperty(name).test(read(file)))).toEqual([]);
    expect(OTHER_BUNDLES.filter((bundle) => existsSync(join(ROOT, bundle)) && asProperty(name).test(read(bundle)))).toEqual([]);
  });

  it.each(['dist/waymark.js', 'dist/waymark.mjs'])('%s no longer spells any of them', (bundle) => {
    const code = read(bundle);
    expect(INTERNAL_PROPERTIES.filter((name) => asProperty(name).test(code))).toEqual([]);
  });
});
