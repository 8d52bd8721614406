import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_EVENT_NAMES, MAX_FILTERED, MAX_PROMPTS, MAX_RECENT_IDS, MAX_TEXT, MAX_TRAITS } from '../../src/profile/data.js';
import { createProfile } from '../../src/profile/profile.js';
import { MAX_DAYS } from '../../src/profile/tally.js';
import { RESERVED, type Props, type Touchpoint } from '../../src/types.js';
import { DAY, env, journeyConfig, START, touchpoint } from './touchpoints.js';

interface Stored {
  events: Record<string, { days: number[] }>;
  filtered: Record<string, unknown>;
  prompts: Record<string, unknown>;
  traits: Record<string, unknown>;
  recentIds: string[];
  page: { url: string };
}

const names = fc.oneof(
  fc.constantFrom('purchase', 'product_view', RESERVED.pageView, RESERVED.scroll, RESERVED.promptShown, RESERVED.promptDismissed, RESERVED.identify),
  fc.string({ maxLength: 30 }),
);

const touchpoints = fc.array(
  fc.record({
    name: names,
    day: fc.integer({ min: 0, max: 400 }),
    amount: fc.integer({ min: 0, max: 300 }),
    promptId: fc.string({ maxLength: 8 }),
    session: fc.integer({ min: 0, max: 20 }),
    traits: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 20 }),
    url: fc.webUrl({ withQueryParameters: true }),
  }),
  { maxLength: 300 },
);

function expectBounded(profile: ReturnType<typeof createProfile>) {
  const stored = profile.toJSON() as Stored;
  expect(Object.keys(stored.events).length).toBeLessThanOrEqual(MAX_EVENT_NAMES);
  for (const tally of Object.values(stored.events)) expect(tally.days.length).toBeLessThanOrEqual(2 * MAX_DAYS);
  expect(Object.keys(stored.filtered).length).toBeLessThanOrEqual(MAX_FILTERED);
  expect(Object.keys(stored.prompts).length).toBeLessThanOrEqual(MAX_PROMPTS);
  expect(Object.keys(stored.traits).length).toBeLessThanOrEqual(MAX_TRAITS);
  expect(stored.recentIds.length).toBeLessThanOrEqual(MAX_RECENT_IDS);
  expect(stored.page.url.length).toBeLessThanOrEqual(MAX_TEXT);
}

describe('bounded size', () => {
  it('stays within every cap under random touchpoint sequences', () => {
    fc.assert(
      fc.property(touchpoints, (sequence) => {
        const profile = createProfile(journeyConfig);
        for (const step of sequence) {
          const props = { amount: step.amount, promptId: step.promptId, depth: step.amount, traits: step.traits as Props, complete: true };
          profile.apply(touchpoint(step.name, props, START + step.day * DAY, { sessionId: `s${step.session}`, page: { url: step.url } }));
        }
        expectBounded(profile);
        // And the facts stay sane.
        const facts = profile.facts(env(START + 401 * DAY));
        expect(facts.page.scroll).toBeLessThanOrEqual(100);
        expect(facts.countEvents({ event: 'purchase', withinDays: 90 })).toBeLessThanOrEqual(facts.countEvents({ event: 'purchase' }));
      }),
      { numRuns: 60 },
    );
  });

  it('caps a page that tracks a new event name every time, keeping the names the config uses', () => {
    const profile = createProfile(journeyConfig);
    profile.apply(touchpoint('checkout_started', {}, START));
    for (let index = 0; index < 3 * MAX_EVENT_NAMES; index++) profile.apply(touchpoint(`view_${index}`, {}, START + (index + 1) * 1_000));
    expectBounded(profile);
    const facts = profile.facts(env(START + DAY));
    expect(facts.countEvents({ event: 'checkout_started' })).toBe(1);
    // The least recently seen names went first.
    expect(facts.countEvents({ event: `view_${3 * MAX_EVENT_NAMES - 1}` })).toBe(1);
    expect(facts.countEvents({ event: 'view_0' })).toBe(0);
  });

  it('caps traits and giant urls', () => {
    const profile = createProfile(null);
    for (let round = 0; round < 10; round++) {
      const traits = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`t${round}_${index}`, index]));
      profile.apply(touchpoint(RESERVED.identify, { userId: 'u', traits }, START, { page: { url: `https://x.example/?q=${'a'.repeat(10_000)}` } }));
    }
    expectBounded(profile);
    expect(JSON.stringify(profile.toJSON()).length).toBeLessThan(20_000);
  });
});

describe('corrupted stored profiles', () => {
  const fresh = (stored: unknown) => {
    const profile = createProfile(journeyConfig, stored);
    const facts = profile.facts(env(START));
    return { profile, facts };
  };

  it('starts fresh from garbage, never throws', () => {
    for (const garbage of [undefined, null, 42, 'profile', [], [1, 2], {}, { v: 2 }, { v: 1, events: 'x' }, new Date(), Symbol('x')]) {
      const { profile, facts } = fresh(garbage);
      expect(profile.stage).toBeNull();
      expect(facts.countEvents({ event: 'purchase' })).toBe(0);
      expect(facts.session.count).toBe(0);
      profile.apply(touchpoint('purchase'));
      expect(profile.facts(env(START)).countEvents({ event: 'purchase' })).toBe(1);
    }
  });

  it('drops the unreadable parts and keeps the rest', () => {
    const stored = {
      v: 1,
      events: {
        purchase: { count: 2, first: START, last: START, days: [20_000, 2] },
        broken: { count: 'two', first: START, last: START, days: [] },
        unsorted: { count: 2, first: START, last: START, days: [5, 1, 3, 1] },
        odd: { count: 1, first: START, last: START, days: [5] },
      },
      filtered: { key: null },
      prompts: { nps: { shown: 1, answered: 0, dismissed: 0, lastShownAt: START, lastAnsweredAt: null, lastDismissedAt: null }, bad: { shown: -Infinity } },
      traits: { plan: 'pro' },
      stage: 7,
      session: { id: 's1', startedAt: 'yesterday', pageViews: 3, count: 2, promptsShown: NaN },
      page: { url: 5, path: '/cart', referrer: null, viewedAt: START, scroll: 30 },
      lastPromptShownAt: 'never',
      recentIds: ['a', 3, 'b'],
    };
    const { profile, facts } = fresh(stored);
    expect(facts.countEvents({ event: 'purchase' })).toBe(2);
    for (const event of ['broken', 'unsorted', 'odd']) expect(facts.countEvents({ event })).toBe(0);
    expect(facts.prompts.nps?.shown).toBe(1);
    expect(facts.prompts.bad).toBeUndefined();
    expect(profile.traits.plan).toBe('pro');
    expect(profile.stage).toBeNull();
    expect(facts.session).toEqual({ pageViews: 3, seconds: 0, count: 2 });
    expect(facts.promptsShownThisSession).toBe(0);
    expect(facts.page).toMatchObject({ url: '', path: '/cart', referrer: '', scroll: 30 });
    expect(facts.lastPromptShownAt).toBeNull();
    expect((profile.toJSON() as Stored).recentIds).toEqual(['a', 'b']);
  });

  it('survives arbitrary JSON and arbitrary mutations of a real profile', () => {
    const real = createProfile(journeyConfig);
    real.apply(touchpoint('purchase', { amount: 120 }));
    real.apply(touchpoint(RESERVED.promptShown, { promptId: 'nps' }));
    const base = JSON.parse(JSON.stringify(real.toJSON()));
    const mutated = fc.record({ key: fc.constantFrom(...Object.keys(base)), value: fc.jsonValue() }).map(({ key, value }) => ({ ...base, [key]: value }));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything(), mutated), (stored) => {
        const profile = createProfile(journeyConfig, stored);
        profile.apply(touchpoint('purchase', { amount: 1 }));
        const facts = profile.facts(env(START));
        expect(facts.countEvents({ event: 'purchase' })).toBeGreaterThanOrEqual(1);
        expectBounded(profile);
        structuredClone(profile.toJSON());
      }),
      { numRuns: 200 },
    );
  });
});

describe('apply never throws', () => {
  it('on malformed touchpoints', () => {
    const profile = createProfile(journeyConfig);
    const junk = [null, undefined, 5, {}, { id: 1, name: 'x' }, { id: 'a', name: 'x', ts: 'not a date', props: null, page: 5 }];
    for (const item of junk) expect(() => profile.apply(item as unknown as Touchpoint)).not.toThrow();
    expect(profile.facts(env(START)).countEvents({ event: 'x' })).toBe(1);
  });
});
