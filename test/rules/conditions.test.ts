import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/config/schema.js';
import { evaluate, matchesWhere } from '../../src/rules/conditions.js';
import type { Facts } from '../../src/rules/facts.js';
import { DAY, makeFacts, NOW, type PastEvent } from './facts-fixture.js';

const check = (condition: Condition, facts: Facts = makeFacts()) => evaluate(condition, facts);

describe('combinators', () => {
  const yes: Condition = { points: { gte: 0 } };
  const no: Condition = { points: { lt: 0 } };

  it('all needs every child, any needs one, not inverts', () => {
    expect(check({ all: [yes, yes] })).toBe(true);
    expect(check({ all: [yes, no] })).toBe(false);
    expect(check({ any: [no, yes] })).toBe(true);
    expect(check({ any: [no, no] })).toBe(false);
    expect(check({ not: no })).toBe(true);
    expect(check({ not: yes })).toBe(false);
    expect(check({ not: { not: yes } })).toBe(true);
  });

  it('empty all holds, empty any does not, an empty condition holds', () => {
    expect(check({ all: [] })).toBe(true);
    expect(check({ any: [] })).toBe(false);
    expect(check({})).toBe(true);
  });

  it('several keys in one object all have to hold', () => {
    expect(check({ points: { gte: 0 }, device: { eq: 'desktop' } })).toBe(true);
    expect(check({ points: { gte: 0 }, device: { eq: 'mobile' } })).toBe(false);
  });

  it('nests', () => {
    const condition: Condition = { any: [{ all: [yes, no] }, { not: { any: [no] } }] };
    expect(check(condition)).toBe(true);
  });
});

describe('event history', () => {
  const history: PastEvent[] = [
    { name: 'product_view', props: { category: 'shoes', price: 80 }, daysAgo: 0 },
    { name: 'product_view', props: { category: 'shoes', price: 120 }, daysAgo: 3 },
    { name: 'product_view', props: { category: 'hats' }, daysAgo: 10 },
    { name: 'purchase', props: { amount: 50 }, daysAgo: 40 },
  ];
  const facts = makeFacts({}, history);

  it('`event` alone means it happened at least once', () => {
    expect(check({ event: 'purchase' }, facts)).toBe(true);
    expect(check({ event: 'share' }, facts)).toBe(false);
  });

  it('`count` compares the number of times', () => {
    expect(check({ event: 'product_view', count: { gte: 3 } }, facts)).toBe(true);
    expect(check({ event: 'product_view', count: { gte: 4 } }, facts)).toBe(false);
    expect(check({ event: 'share', count: { eq: 0 } }, facts)).toBe(true);
    expect(check({ event: 'purchase', count: { eq: 0 } }, facts)).toBe(false);
  });

  it('`withinDays` limits the window', () => {
    expect(check({ event: 'product_view', withinDays: 7, count: { eq: 2 } }, facts)).toBe(true);
    expect(check({ event: 'product_view', withinDays: 1, count: { eq: 1 } }, facts)).toBe(true);
    expect(check({ event: 'purchase', withinDays: 30 }, facts)).toBe(false);
    expect(check({ event: 'purchase', withinDays: 90 }, facts)).toBe(true);
  });

  it('`where` filters on the touchpoint props', () => {
    expect(check({ event: 'product_view', where: { category: { eq: 'shoes' } }, count: { eq: 2 } }, facts)).toBe(true);
    expect(check({ event: 'product_view', where: { price: { gt: 100 } }, count: { eq: 1 } }, facts)).toBe(true);
    expect(check({ event: 'product_view', where: { category: { eq: 'shoes' } }, withinDays: 2 }, facts)).toBe(true);
    expect(check({ event: 'product_view', where: { category: { eq: 'bags' } } }, facts)).toBe(false);
  });

  it('count, withinDays and where without an event are false', () => {
    expect(check({ count: { gte: 0 } } as Condition, facts)).toBe(false);
    expect(check({ withinDays: 7 } as Condition, facts)).toBe(false);
    expect(check({ where: {} } as Condition, facts)).toBe(false);
  });

  it('a countEvents that misbehaves counts as zero or false, never throws', () => {
    expect(check({ event: 'x' }, makeFacts({ countEvents: () => 'many' as unknown as number }))).toBe(false);
    const throwing = makeFacts({
      countEvents: () => {
        throw new Error('broken');
      },
    });
    expect(check({ event: 'x' }, throwing)).toBe(false);
  });
});

describe('facts', () => {
  it('stage, with atLeast/atMost over the stage order', () => {
    const facts = makeFacts({ stage: 'decision' });
    expect(check({ stage: { eq: 'decision' } }, facts)).toBe(true);
    expect(check({ stage: { in: ['retention', 'advocacy'] } }, facts)).toBe(false);
    expect(check({ stage: { atLeast: 'consideration' } }, facts)).toBe(true);
    expect(check({ stage: { atMost: 'consideration' } }, facts)).toBe(false);
    expect(check({ stage: { eq: null } }, makeFacts())).toBe(true);
    expect(check({ stage: { exists: false } }, makeFacts())).toBe(true);
    expect(check({ stage: { atLeast: 'awareness' } }, makeFacts())).toBe(false);
  });

  it('points and tier, tier with atLeast over the tier order', () => {
    const facts = makeFacts({ points: 620, tier: 'silver' });
    expect(check({ points: { gte: 500 } }, facts)).toBe(true);
    expect(check({ points: { between: [0, 499] } }, facts)).toBe(false);
    expect(check({ tier: { atLeast: 'silver' } }, facts)).toBe(true);
    expect(check({ tier: { atLeast: 'gold' } }, facts)).toBe(false);
    expect(check({ tier: { atMost: 'silver' } }, facts)).toBe(true);
  });

  it('trait, by name, dotted path, and never from the prototype', () => {
    const facts = makeFacts({ traits: { plan: 'pro', seats: 12, address: { country: 'FR' }, tags: ['beta'], 'a.b': 'flat' } });
    expect(check({ trait: { plan: { eq: 'pro' } } }, facts)).toBe(true);
    expect(check({ trait: { plan: { eq: 'pro' }, seats: { gt: 20 } } }, facts)).toBe(false);
    expect(check({ trait: { 'address.country': { eq: 'FR' } } }, facts)).toBe(true);
    expect(check({ trait: { 'a.b': { eq: 'flat' } } }, facts)).toBe(true);
    expect(check({ trait: { tags: { contains: 'beta' } } }, facts)).toBe(true);
    expect(check({ trait: { company: { exists: false } } }, facts)).toBe(true);
    expect(check({ trait: { company: { neq: 'acme' } } }, facts)).toBe(false);
    expect(check({ trait: { constructor: { exists: true } } }, facts)).toBe(false);
    expect(check({ trait: { 'plan.length': { exists: true } } }, facts)).toBe(false);
  });

  it('url, path, referrer and query', () => {
    const facts = makeFacts({
      page: {
        url: 'https://shop.example/products/shoes?utm_source=news&q=caf%C3%A9',
        path: '/products/shoes',
        referrer: 'https://www.google.com/',
        query: { utm_source: 'news', q: 'café' },
        seconds: 0,
        scroll: 0,
      },
    });
    expect(check({ url: { matches: 'https://shop.example/**' } }, facts)).toBe(true);
    expect(check({ path: { matches: '/products/*' } }, facts)).toBe(true);
    expect(check({ path: { startsWith: '/cart' } }, facts)).toBe(false);
    expect(check({ referrer: { regex: '^https://(www\\.)?google\\.' } }, facts)).toBe(true);
    expect(check({ query: { utm_source: { eq: 'news' } } }, facts)).toBe(true);
    expect(check({ query: { q: { eq: 'café' } } }, facts)).toBe(true);
    expect(check({ query: { utm_campaign: { exists: true } } }, facts)).toBe(false);
    // Query values are strings: a number compares as a type mismatch.
    expect(check({ query: { utm_source: { gt: 1 } } }, facts)).toBe(false);
  });

  it('device and locale', () => {
    const facts = makeFacts({ device: 'mobile', locale: 'fr-CA' });
    expect(check({ device: { in: ['mobile', 'tablet'] } }, facts)).toBe(true);
    expect(check({ device: { eq: 'desktop' } }, facts)).toBe(false);
    expect(check({ locale: { startsWith: 'fr' } }, facts)).toBe(true);
    expect(check({ locale: { matches: 'fr-*' } }, facts)).toBe(true);
  });

  it('session and page', () => {
    const facts = makeFacts({
      session: { pageViews: 4, seconds: 95, count: 3 },
      page: { url: '', path: '/', referrer: '', query: {}, seconds: 42, scroll: 75 },
    });
    expect(check({ session: { pageViews: { gte: 3 }, seconds: { gt: 60 } } }, facts)).toBe(true);
    expect(check({ session: { count: { eq: 1 } } }, facts)).toBe(false);
    expect(check({ page: { seconds: { gte: 30 }, scroll: { gte: 50 } } }, facts)).toBe(true);
    expect(check({ page: { scroll: { gte: 90 } } }, facts)).toBe(false);
  });

  it('prompt history', () => {
    const facts = makeFacts({
      prompts: {
        nps: { shown: 2, answered: 1, dismissed: 1, lastShownAt: NOW - 10 * DAY, lastAnsweredAt: NOW - 10 * DAY, lastDismissedAt: NOW - 40 * DAY },
      },
    });
    expect(check({ prompt: { nps: { shown: { eq: 2 }, answered: { gte: 1 } } } }, facts)).toBe(true);
    expect(check({ prompt: { nps: { dismissed: { eq: 0 } } } }, facts)).toBe(false);
    expect(check({ prompt: { nps: { daysSinceShown: { gte: 7 } } } }, facts)).toBe(true);
    expect(check({ prompt: { nps: { daysSinceShown: { gte: 30 } } } }, facts)).toBe(false);
    // A prompt never shown: zero counts, and no daysSinceShown at all.
    expect(check({ prompt: { exit: { shown: { eq: 0 } } } }, facts)).toBe(true);
    expect(check({ prompt: { exit: { daysSinceShown: { gte: 0 } } } }, facts)).toBe(false);
    expect(check({ prompt: { exit: { daysSinceShown: { exists: false } } } }, facts)).toBe(true);
  });
});

describe('missing facts and wrong types make a leaf false', () => {
  it('with facts that lack whole groups', () => {
    const broken = makeFacts({ page: undefined, session: undefined, traits: undefined, prompts: undefined } as unknown as Partial<Facts>);
    expect(check({ path: { eq: '/' } }, broken)).toBe(false);
    expect(check({ query: { a: { eq: 'b' } } }, broken)).toBe(false);
    expect(check({ session: { pageViews: { gte: 0 } } }, broken)).toBe(false);
    expect(check({ trait: { plan: { exists: false } } }, broken)).toBe(true);
    expect(check({ prompt: { nps: { shown: { eq: 0 } } } }, broken)).toBe(true);
    expect(check({ not: { path: { eq: '/' } } }, broken)).toBe(true);
  });

  it('with wrongly typed facts', () => {
    const odd = makeFacts({ points: '100' as unknown as number, stage: 3 as unknown as string });
    expect(check({ points: { gte: 50 } }, odd)).toBe(false);
    expect(check({ stage: { atLeast: 'awareness' } }, odd)).toBe(false);
  });

  it('with unknown keys or malformed groups', () => {
    expect(check({ colour: { eq: 'red' } } as Condition)).toBe(false);
    expect(check({ trait: 'plan' } as unknown as Condition)).toBe(false);
    expect(check({ all: 'yes' } as unknown as Condition)).toBe(false);
    expect(check({ event: 5 } as unknown as Condition)).toBe(false);
    expect(check(null as unknown as Condition)).toBe(false);
  });
});

describe('matchesWhere', () => {
  it('matches props, with no where matching everything', () => {
    expect(matchesWhere(undefined, {})).toBe(true);
    expect(matchesWhere({}, { a: 1 })).toBe(true);
    expect(matchesWhere({ amount: { gte: 100 } }, { amount: 120 })).toBe(true);
    expect(matchesWhere({ amount: { gte: 100 } }, { amount: 80 })).toBe(false);
    expect(matchesWhere({ amount: { gte: 100 } }, {})).toBe(false);
    expect(matchesWhere({ amount: { gte: 100 } }, { amount: '120' })).toBe(false);
    expect(matchesWhere({ 'item.sku': { startsWith: 'SH-' } }, { item: { sku: 'SH-1' } })).toBe(true);
    expect(matchesWhere({ coupon: { exists: false } }, { amount: 1 })).toBe(true);
    expect(matchesWhere({ name: { regex: '^ü', flags: 'i' } }, { name: 'Über' })).toBe(true);
  });

  it('never throws on junk', () => {
    expect(matchesWhere('x' as never, {})).toBe(false);
    expect(matchesWhere({ a: null } as never, { a: 1 })).toBe(false);
    expect(matchesWhere({ a: { eq: 1 } }, null as never)).toBe(false);
  });
});
