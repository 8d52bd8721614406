import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { createLedger } from '../../src/rewards/live-ledger.js';
import { normalizeReferralCode } from '../../src/rewards/referral-code.js';
import { createJourneyView } from '../../src/rewards/visitor-journeys.js';
import { journeyConfig, on } from './journey-fixtures.js';

const referrals: Config = { version: 1, rewards: { authority: 'server', referrals: { on: 'purchase', points: 10, param: 'invite' } } };

describe('what a page sees of the journey rewards', () => {
  it('challenge views: steps with their state, progress, and a closed window shown as not started', () => {
    const ledger = createLedger(journeyConfig());
    const view = createJourneyView(journeyConfig(), ledger);
    const first = view.challenges();
    expect(view.challenges()).toBe(first);
    for (const day of [0, 0.1]) ledger.apply(on('product_view', day));
    const started = view.challenges(Date.parse(on('x', 1).ts))['first-order']!;
    expect(started).toMatchObject({ progress: 0.4, completed: 0, open: true, startedAt: on('x', 0).ts, endsAt: on('x', 7).ts });
    expect(started.steps.map((step) => [step.count, step.required, step.done])).toEqual([
      [2, 3, false],
      [0, 1, false],
      [0, 1, false],
    ]);
    expect(view.challenges(Date.parse(on('x', 8).ts))['first-order']).toMatchObject({ progress: 0, startedAt: null });
  });

  it('prompt placeholders: {progress} for the prompt’s challenge, {expiringSoon} for all', () => {
    const config = journeyConfig({ expiry: { afterDays: 30, soonDays: 10 } });
    const ledger = createLedger(config);
    const view = createJourneyView(config, ledger);
    ledger.apply(on('purchase', 0, { amount: 50 }));
    for (const day of [0.1, 0.2, 0.3]) ledger.apply(on('product_view', day));
    const prompt = {
      id: 'card',
      kind: 'reward',
      challenge: 'first-order',
      trigger: { on: 'x' },
      content: { title: '{progress}%' },
    } as const;
    expect(view.forPrompt(prompt, Date.parse(on('x', 5).ts)).vars).toEqual({ progress: 60, expiringSoon: 0 });
    // Day 25: the challenge's 7 days are over, and the points go on day 30 (soonDays is 10).
    expect(view.forPrompt(prompt, Date.parse(on('x', 25).ts)).vars).toEqual({ progress: 0, expiringSoon: 50, expiresOn: '2026-04-01' });
    expect(view.forPrompt(undefined, Date.parse(on('x', 1).ts)).vars).toEqual({ expiringSoon: 0 });
  });

  it('referral(): one code per visitor, recorded once; ?invite= on landing is recorded once', () => {
    const ledger = createLedger(referrals);
    const view = createJourneyView(referrals, ledger);
    const first = view.referral(undefined, 'https://shop.test/p?x=1');
    expect(first.records).toEqual([{ name: '$referral_code', props: { code: first.link!.code } }]);
    expect(first.link!.url).toBe(`https://shop.test/p?x=1&invite=${first.link!.code}`);
    const again = view.referral('/join', 'https://shop.test/p');
    expect([again.link!.code, again.records, again.link!.url]).toEqual([first.link!.code, [], `https://shop.test/join?invite=${first.link!.code}`]);
    expect(view.landing('?invite=abcd-')).toEqual([]);
    expect(view.landing('?invite=ab1cd2ef')).toEqual([{ name: '$referred', props: { code: 'AB1CD2EF' } }]);
    expect(view.landing('?invite=ZZZZ9999')).toEqual([]);
    // A reload restores both.
    const restored = createJourneyView(referrals, createLedger(referrals, JSON.parse(JSON.stringify(ledger))));
    expect(restored.referral(undefined, 'https://shop.test/').link!.code).toBe(first.link!.code);
  });

  it('without referrals there is no code, and codes are read as Crockford base 32', () => {
    const view = createJourneyView(journeyConfig(), createLedger(journeyConfig()));
    expect(view.referral(undefined, 'https://shop.test/')).toEqual({ link: null, records: [] });
    expect(view.landing('?ref=ABCDEFGH')).toEqual([]);
    expect([normalizeReferralCode(' ilo12345 '), normalizeReferralCode('UUUUUUUU'), normalizeReferralCode(7)]).toEqual(['11012345', null, null]);
  });
});
