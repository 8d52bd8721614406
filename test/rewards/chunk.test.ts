import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const manifestFile = join(import.meta.dirname, '../../dist/modules.json');

/** Needs the build (npm test builds first): the ledger's bytes go only to pages whose config has rewards. */
describe('the rewards chunk', () => {
  const manifest: Record<string, string[]> = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {};
  const LEDGER = [
    'src/rewards/ledger-step.ts',
    'src/rewards/live-ledger.ts',
    'src/rewards/challenges.ts',
    'src/rewards/streaks.ts',
    'src/rewards/expiry.ts',
    'src/rewards/visitor-journeys.ts',
  ];

  it('holds the ledger and the journey rewards', () => {
    expect(manifest['waymark-rewards.js']).toEqual(expect.arrayContaining(LEDGER));
  });

  it('the core and the engine hold none of them', () => {
    for (const bundle of ['waymark.js', 'waymark.mjs', 'waymark-engine.js']) {
      expect(manifest[bundle]?.length, bundle).toBeGreaterThan(0);
      expect(
        (manifest[bundle] ?? []).filter((id) => LEDGER.includes(id)),
        bundle,
      ).toEqual([]);
    }
  });
});
