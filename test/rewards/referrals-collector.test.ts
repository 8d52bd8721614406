// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { DATABASES } from '../collector/databases.js';
import { openCollector } from '../collector/open.js';
import { collect, record, visitorOf } from '../collector/requests.js';

const CONFIG: Config = {
  version: 1,
  rewards: {
    authority: 'server',
    rules: [{ id: 'spend', on: 'purchase', points: { every: 10, of: 'amount', award: 1 } }],
    referrals: { on: 'purchase', where: { amount: { gte: 20 } }, points: 50, limit: { lifetime: 2 } },
  },
};

const referralPoints = async (collector: Parameters<typeof visitorOf>[0], anonymousId: string) =>
  (await visitorOf(collector, anonymousId)).ledger.filter((entry) => entry.rule === '$referral').map((entry) => entry.delta);

describe.each(DATABASES)('referrals verified by the collector on $kind', ({ fresh }) => {
  it('the referrer earns once, when the referred visitor first does the configured thing', async () => {
    const collector = await openCollector(await fresh(), { config: CONFIG });
    await collect(collector, [record('alice', '$referral_code', { code: 'ALICE12345' })]);
    await collect(collector, [record('bob', '$referred', { code: 'alice12345' }), record('bob', 'purchase', { amount: 10 })]);
    expect(await referralPoints(collector, 'alice')).toEqual([]);
    await collect(collector, [record('bob', 'purchase', { amount: 30 })]);
    await collect(collector, [record('bob', 'purchase', { amount: 40 }), record('bob', '$referred', { code: 'ALICE12345' })]);
    expect(await referralPoints(collector, 'alice')).toEqual([50]);
    expect((await visitorOf(collector, 'alice')).profile).toEqual({ points: 50, tier: null, lifetime: 50 });
    // Bob earns his own purchases only.
    expect((await visitorOf(collector, 'bob')).profile?.points).toBe(8);
  });

  it('refuses self-referral (same browser or same user) and loops, and pays no more than the limit', async () => {
    const collector = await openCollector(await fresh(), { config: CONFIG });
    await collect(collector, [
      record('carol', '$referral_code', { code: 'CAROL12345' }),
      record('carol', '$referred', { code: 'CAROL12345' }),
      record('carol', 'purchase', { amount: 50 }),
    ]);
    expect(await referralPoints(collector, 'carol')).toEqual([]);

    const signedIn = (anonymousId: string, name: string, props: Record<string, unknown>) => ({
      ...record(anonymousId, name, props),
      userId: 'user-7',
    });
    await collect(collector, [signedIn('dave-laptop', '$referral_code', { code: 'DAVE123456' })]);
    await collect(collector, [signedIn('dave-phone', '$referred', { code: 'DAVE123456' }), signedIn('dave-phone', 'purchase', { amount: 50 })]);
    expect(await referralPoints(collector, 'dave-laptop')).toEqual([]);

    // Erin refers Frank, then Frank's code is used by Erin: a loop.
    await collect(collector, [record('erin', '$referral_code', { code: 'ERIN123456' }), record('frank', '$referral_code', { code: 'FRANK12345' })]);
    await collect(collector, [record('frank', '$referred', { code: 'ERIN123456' }), record('frank', 'purchase', { amount: 20 })]);
    await collect(collector, [record('erin', '$referred', { code: 'FRANK12345' }), record('erin', 'purchase', { amount: 20 })]);
    expect(await referralPoints(collector, 'erin')).toEqual([50]);
    expect(await referralPoints(collector, 'frank')).toEqual([]);

    for (const friend of ['g1', 'g2', 'g3'])
      await collect(collector, [record(friend, '$referred', { code: 'ERIN123456' }), record(friend, 'purchase', { amount: 25 })]);
    expect(await referralPoints(collector, 'erin')).toEqual([50, 50]);
  });

  it('a code whose owner is not known yet is settled when the referred visitor qualifies', async () => {
    const collector = await openCollector(await fresh(), { config: CONFIG });
    await collect(collector, [record('hana', '$referred', { code: 'IVAN123456' })]);
    await collect(collector, [record('ivan', '$referral_code', { code: 'IVAN123456' })]);
    await collect(collector, [record('hana', 'purchase', { amount: 20 })]);
    expect(await referralPoints(collector, 'ivan')).toEqual([50]);
    // A second browser claiming the same code later changes nothing.
    await collect(collector, [
      record('mallory', '$referral_code', { code: 'IVAN123456' }),
      record('jo', '$referred', { code: 'IVAN123456' }),
      record('jo', 'purchase', { amount: 20 }),
    ]);
    expect(await referralPoints(collector, 'mallory')).toEqual([]);
    expect(await referralPoints(collector, 'ivan')).toEqual([50, 50]);
  });
});
