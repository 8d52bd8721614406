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
  url: string;
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
  expect(stored.url.length).toBeLessThanOrEqual(MAX_TEXT);
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

  it('starts fresh when any part is out of shape, and restores an intact profile exactly', () => {
    const real = createProfile(journeyConfig);
    real.apply(touchpoint(RESERVED.pageView, {}, START, { page: { url: 'https://shop.example/?a=1', path: '/' } }));
    real.apply(touchpoint('purchase', { amount: 120 }, START));
    real.apply(touchpoint(RESERVED.promptShown, { promptId: 'nps' }, START));
    real.apply(touchpoint(RESERVED.identify, { traits: { plan: 'pro' } }, START));
    const intact = JSON.parse(JSON.stringify(real.toJSON()));
    expect(fresh(intact).facts.countEvents({ event: 'purchase' })).toBe(1);
    expect(fresh(intact).profile.traits.plan).toBe('pro');

    const damaged: Record<string, unknown>[] = [
      { events: { purchase: { count: 'two', days: [] } } },
      { events: { purchase: { count: 2, days: 'today' } } },
      { events: { purchase: { count: 1, days: [5] } } },
      { filtered: { key: null } },
      { prompts: { nps: { shown: 'once', answered: 0, dismissed: 0, lastShownAt: null, lastAnsweredAt: null, lastDismissedAt: null } } },
      { stage: 7 },
      { sessionCount: NaN },
      { url: 5 },
      { url: 'x'.repeat(100_000) },
      { recentIds: ['a', 3] },
      { traits: undefined },
      { v: 2 },
    ];
    for (const damage of damaged) {
      const { profile, facts } = fresh({ ...intact, ...damage });
      expect(facts.countEvents({ event: 'purchase' })).toBe(0);
      expect(facts.session.count).toBe(0);
      expect(facts.prompts.nps).toBeUndefined();
      expect(profile.traits.plan).toBeUndefined();
    }
  });

  it('ignores keys it does not know', () => {
    const real = createProfile(journeyConfig);
    real.apply(touchpoint('purchase', { amount: 120 }, START));
    const restored = createProfile(journeyConfig, { ...JSON.parse(JSON.stringify(real.toJSON())), junk: 'x'.repeat(10_000) });
    expect(restored.facts(env(START)).countEvents({ event: 'purchase' })).toBe(1);
    expect(JSON.stringify(restored.toJSON())).not.toContain('junk');
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
