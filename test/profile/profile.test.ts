import { describe, expect, it } from 'vitest';
import { createProfile } from '../../src/profile/profile.js';
import { RESERVED } from '../../src/types.js';
import { DAY, env, HOUR, journeyConfig, START, touchpoint } from './touchpoints.js';

describe('event history', () => {
  it('counts every event name, lifetime and per calendar day', () => {
    const profile = createProfile(journeyConfig);
    profile.apply(touchpoint('product_view', {}, START - 10 * DAY));
    profile.apply(touchpoint('product_view', {}, START - 2 * DAY));
    profile.apply(touchpoint('product_view', {}, START));
    const facts = profile.facts(env(START));
    expect(facts.countEvents({ event: 'product_view' })).toBe(3);
    expect(facts.countEvents({ event: 'product_view', withinDays: 1 })).toBe(1);
    expect(facts.countEvents({ event: 'product_view', withinDays: 3 })).toBe(2);
    expect(facts.countEvents({ event: 'product_view', withinDays: 11 })).toBe(3);
    expect(facts.countEvents({ event: 'nothing' })).toBe(0);
  });

  it('windows are local calendar days: yesterday 23:59 is outside "within 1 day" at 00:01', () => {
    const midnight = new Date(2026, 0, 10, 0, 0, 0).getTime();
    const profile = createProfile(null);
    profile.apply(touchpoint('visit', {}, midnight - 60_000));
    expect(profile.facts(env(midnight - 30_000)).countEvents({ event: 'visit', withinDays: 1 })).toBe(1);
    expect(profile.facts(env(midnight + 60_000)).countEvents({ event: 'visit', withinDays: 1 })).toBe(0);
    expect(profile.facts(env(midnight + 60_000)).countEvents({ event: 'visit', withinDays: 2 })).toBe(1);
  });

  it('keeps a tally for each where-filtered condition of the config', () => {
    const profile = createProfile(journeyConfig);
    profile.apply(touchpoint('purchase', { amount: 150 }, START - 40 * DAY));
    profile.apply(touchpoint('purchase', { amount: 20 }, START - DAY));
    profile.apply(touchpoint('purchase', { amount: 100 }, START));
    const facts = profile.facts(env(START));
    const where = journeyConfig.prompts![0]!.if!.where!;
    expect(facts.countEvents({ event: 'purchase', where })).toBe(2);
    expect(facts.countEvents({ event: 'purchase', where, withinDays: 30 })).toBe(1);
    // An equal `where` built elsewhere finds the same tally; an unknown one counts nothing.
    expect(facts.countEvents({ event: 'purchase', where: { amount: { gte: 100 } } })).toBe(2);
    expect(facts.countEvents({ event: 'purchase', where: { amount: { gte: 10 } } })).toBe(0);
  });

  it('applies a touchpoint once, even when it arrives again', () => {
    const profile = createProfile(null);
    const once = touchpoint('share');
    profile.apply(once);
    profile.apply(once);
    profile.apply({ ...once });
    expect(profile.facts(env(START)).countEvents({ event: 'share' })).toBe(1);
    const restored = createProfile(null, JSON.parse(JSON.stringify(profile.toJSON())));
    restored.apply(once);
    expect(restored.facts(env(START)).countEvents({ event: 'share' })).toBe(1);
  });

  it('names like __proto__ and constructor are ordinary names', () => {
    const profile = createProfile(null);
    profile.apply(touchpoint('__proto__'));
    profile.apply(touchpoint('constructor'));
    const facts = profile.facts(env(START));
    expect(facts.countEvents({ event: '__proto__' })).toBe(1);
    expect(facts.countEvents({ event: 'constructor' })).toBe(1);
    expect(facts.countEvents({ event: 'toString' })).toBe(0);
  });
});

describe('session and page', () => {
  it('counts page views per session and starts a new session on a new session id', () => {
    const profile = createProfile(null);
    profile.apply(touchpoint(RESERVED.pageView, {}, START, { sessionId: 's1' }));
    profile.apply(touchpoint(RESERVED.pageView, {}, START + 60_000, { sessionId: 's1' }));
    let facts = profile.facts(env(START + 90_000));
    expect(facts.session).toEqual({ pageViews: 2, seconds: 90, count: 1 });
    profile.apply(touchpoint(RESERVED.pageView, {}, START + 2 * HOUR, { sessionId: 's2' }));
    facts = profile.facts(env(START + 2 * HOUR + 5_000));
    expect(facts.session).toEqual({ pageViews: 1, seconds: 5, count: 2 });
  });

  it('knows the page: url, path, query, referrer, seconds since the view, deepest scroll', () => {
    const profile = createProfile(null);
    const page = { url: 'https://shop.example/cart?utm_source=news&q=caf%C3%A9&q=second&empty', path: '/cart', referrer: 'https://search.example/' };
    profile.apply(touchpoint(RESERVED.pageView, {}, START, { page }));
    profile.apply(touchpoint(RESERVED.scroll, { depth: 50 }, START + 5_000, { page }));
    profile.apply(touchpoint(RESERVED.scroll, { depth: 25 }, START + 6_000, { page }));
    profile.apply(touchpoint(RESERVED.scroll, { depth: 'deep' }, START + 7_000, { page }));
    const facts = profile.facts(env(START + 12_000));
    expect(facts.page).toMatchObject({ url: page.url, path: '/cart', referrer: page.referrer, seconds: 12, scroll: 50 });
    expect({ ...facts.page.query }).toEqual({ utm_source: 'news', q: 'café', empty: '' });

    profile.apply(touchpoint(RESERVED.pageView, {}, START + 20_000, { page: { url: 'https://shop.example/', path: '/', referrer: page.url } }));
    const next = profile.facts(env(START + 21_000));
    expect(next.page).toMatchObject({ path: '/', seconds: 1, scroll: 0 });
    expect({ ...next.page.query }).toEqual({});
  });

  it('is zero before anything happened', () => {
    const facts = createProfile(null).facts(env(START));
    expect(facts.session).toEqual({ pageViews: 0, seconds: 0, count: 0 });
    expect(facts.page).toMatchObject({ url: '', path: '', seconds: 0, scroll: 0 });
  });
});

describe('traits, stage and prompts', () => {
  it('merges identify traits', () => {
    const profile = createProfile(null);
    profile.apply(touchpoint(RESERVED.identify, { userId: 'u1', traits: { plan: 'free', seats: 2 } }));
    profile.apply(touchpoint(RESERVED.identify, { userId: 'u1', traits: { plan: 'pro' } }));
    profile.apply(touchpoint(RESERVED.identify, { userId: 'u1', traits: { huge: 'x'.repeat(5_000) } }));
    expect({ ...profile.traits }).toEqual({ plan: 'pro', seats: 2 });
    expect(profile.facts(env(START)).traits).toBe(profile.traits);
  });

  it('keeps the stage set by the caller, or by a $stage touchpoint', () => {
    const profile = createProfile(journeyConfig);
    expect(profile.stage).toBeNull();
    profile.stage = 'awareness';
    expect(profile.facts(env(START)).stage).toBe('awareness');
    profile.apply(touchpoint(RESERVED.stage, { from: 'awareness', to: 'decision' }));
    expect(profile.stage).toBe('decision');
    const facts = profile.facts(env(START, { points: 510, tier: 'silver' }));
    expect(facts.stageOrder).toEqual(['awareness', 'consideration', 'decision', 'retention', 'advocacy']);
    expect(facts.tierOrder).toEqual(['bronze', 'silver']);
    expect([facts.points, facts.tier]).toEqual([510, 'silver']);
  });

  it('records prompt history: shown, answered only when complete, dismissed', () => {
    const profile = createProfile(null);
    const base = { promptId: 'nps', kind: 'nps', submissionId: 'sub-1' };
    profile.apply(touchpoint(RESERVED.promptShown, base, START, { sessionId: 's1' }));
    profile.apply(touchpoint(RESERVED.promptAnswered, { ...base, complete: false, score: 9 }, START + 1_000, { sessionId: 's1' }));
    let facts = profile.facts(env(START + 2_000));
    expect(facts.prompts.nps).toMatchObject({ shown: 1, answered: 0, dismissed: 0, lastShownAt: START });
    profile.apply(touchpoint(RESERVED.promptAnswered, { ...base, complete: true, score: 9 }, START + 3_000, { sessionId: 's1' }));
    profile.apply(touchpoint(RESERVED.promptShown, { ...base, promptId: 'exit' }, START + 4_000, { sessionId: 's1' }));
    profile.apply(touchpoint(RESERVED.promptDismissed, { ...base, promptId: 'exit', reason: 'close' }, START + 5_000, { sessionId: 's1' }));
    facts = profile.facts(env(START + 6_000));
    expect(facts.prompts.nps).toMatchObject({ shown: 1, answered: 1, lastAnsweredAt: START + 3_000 });
    expect(facts.prompts.exit).toMatchObject({ shown: 1, dismissed: 1, lastDismissedAt: START + 5_000 });
    expect(facts.lastPromptShownAt).toBe(START + 4_000);
    expect(facts.promptsShownThisSession).toBe(2);

    profile.apply(touchpoint(RESERVED.pageView, {}, START + DAY, { sessionId: 's2' }));
    facts = profile.facts(env(START + DAY));
    expect(facts.promptsShownThisSession).toBe(0);
    expect(facts.lastPromptShownAt).toBe(START + 4_000);
  });
});

describe('persistence', () => {
  it('round-trips through JSON and structured clone', () => {
    const profile = createProfile(journeyConfig);
    profile.apply(touchpoint(RESERVED.pageView, {}, START, { page: { url: 'https://shop.example/?a=1', path: '/' } }));
    profile.apply(touchpoint('purchase', { amount: 200 }, START));
    profile.apply(touchpoint(RESERVED.identify, { userId: 'u', traits: { plan: 'pro' } }, START));
    profile.apply(touchpoint(RESERVED.promptShown, { promptId: 'nps', kind: 'nps', submissionId: 'x' }, START));
    profile.stage = 'retention';
    const before = profile.facts(env(START + 1_000));
    for (const copy of [JSON.parse(JSON.stringify(profile.toJSON())), structuredClone(profile.toJSON())]) {
      const restored = createProfile(journeyConfig, copy);
      const after = restored.facts(env(START + 1_000));
      const { countEvents: _a, ...plainBefore } = before;
      const { countEvents: _b, ...plainAfter } = after;
      expect(JSON.parse(JSON.stringify(plainAfter))).toEqual(JSON.parse(JSON.stringify(plainBefore)));
      expect(after.countEvents({ event: 'purchase', where: { amount: { gte: 100 } } })).toBe(1);
      expect(restored.stage).toBe('retention');
    }
  });

  it('keeps where-filtered tallies through a page load without a config (a failed config fetch loses nothing)', () => {
    const profile = createProfile(journeyConfig);
    profile.apply(touchpoint('purchase', { amount: 200 }, START));
    const restored = createProfile(null, profile.toJSON());
    expect(restored.facts(env(START)).countEvents({ event: 'purchase', where: { amount: { gte: 100 } } })).toBe(1);
  });
});

describe('touchpoints from another tab', () => {
  it('count, but leave this tab’s page facts alone', () => {
    const profile = createProfile(null);
    const at = (id: string, name: string, path: string, props = {}) => ({
      id,
      name,
      props,
      ts: new Date().toISOString(),
      anonymousId: 'a',
      userId: null,
      sessionId: 's',
      page: { url: `https://shop.test${path}`, path, referrer: '', title: '' },
    });
    profile.apply(at('1', '$page_view', '/cart'));
    profile.apply(at('2', '$scroll', '/cart', { depth: 50 }));
    profile.apply(at('3', '$page_view', '/blog'), false);
    profile.apply(at('4', '$scroll', '/blog', { depth: 100 }), false);
    const facts = profile.facts({ now: Date.now(), points: 0, tier: null, locale: 'en', device: 'desktop' });
    expect(facts.page).toMatchObject({ path: '/cart', scroll: 50 });
    expect(facts.session.pageViews).toBe(2);
    expect(facts.countEvents({ event: '$page_view' })).toBe(2);
  });
});
