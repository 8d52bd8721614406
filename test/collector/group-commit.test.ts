// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { DATABASES } from './databases.js';
import { openCollector } from './open.js';
import { collect, exported, record, visitorOf } from './requests.js';

const CONFIG: Config = {
  version: 1,
  rewards: {
    authority: 'server',
    rules: [{ id: 'share', on: 'share', points: 10, limit: { perDay: 5 } }],
    offers: [{ id: 'gift', cost: 40, label: 'A gift' }],
  },
};

describe.each(DATABASES)('requests committed together on $kind', ({ fresh }) => {
  it('answers each of many concurrent requests for its own records, and a record sent in two of them is stored once', async () => {
    const collector = await openCollector(await fresh());
    const shared = record('v-shared', 'share');
    const batches = Array.from({ length: 12 }, (_, n) => [
      ...Array.from({ length: 20 }, () => record(`v${n % 4}`, '$page_view')),
      ...(n === 3 || n === 7 ? [shared] : []),
    ]);
    const answers = await Promise.all(batches.map(async (batch) => (await collect(collector, batch)).json()));
    expect(answers.reduce((sum, answer) => sum + answer.accepted, 0)).toBe(12 * 20 + 1);
    expect(answers.reduce((sum, answer) => sum + answer.duplicates, 0)).toBe(1);
    expect(answers.filter((answer) => answer.accepted === 21)).toHaveLength(1);
    expect(await exported(collector)).toHaveLength(12 * 20 + 1);
  });

  it('keeps each request’s profile and refusals apart, with the caps of a visitor counted across requests', async () => {
    const collector = await openCollector(await fresh(), { config: CONFIG });
    const requests = [
      [record('ana', 'share'), record('ana', 'share'), record('ana', 'share')],
      [record('bo', 'share'), record('bo', '$redeem', { offerId: 'gift' })],
      [record('ana', 'share'), record('ana', 'share'), record('ana', 'share')],
      [record('cy', 'share')],
    ];
    const answers = await Promise.all(requests.map(async (batch) => (await collect(collector, batch)).json()));
    expect(answers[1].profile).toEqual({ points: 10, tier: null, lifetime: 10 });
    expect(answers[1].refused).toEqual([{ id: requests[1]![1]!.id, offerId: 'gift', reason: expect.stringContaining('costs 40') }]);
    expect(answers[3].profile.points).toBe(10);
    for (const answer of [answers[0], answers[2], answers[3]]) expect(answer.refused).toBeUndefined();
    // Six shares against a cap of five a day, whichever request carried them.
    expect((await visitorOf(collector, 'ana')).profile?.points).toBe(50);
  });
});
