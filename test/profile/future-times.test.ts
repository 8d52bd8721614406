import { describe, expect, it } from 'vitest';
import { boundedTime, MAX_TIMER_MS, timerDelay } from '../../src/clock.js';
import { createLedger } from '../../src/rewards/live-ledger.js';
import { createProfile } from '../../src/profile/profile.js';
import type { Config } from '../../src/config/schema.js';
import type { Touchpoint } from '../../src/types.js';

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;
const now = Date.now();

const touchpoint = (name: string, at: number, props: Touchpoint['props'] = {}): Touchpoint => ({
  id: `${name}-${at}-${Math.random()}`,
  name,
  props,
  ts: new Date(at).toISOString(),
  anonymousId: 'a',
  userId: null,
  sessionId: 's',
  page: { url: 'https://shop.test/', path: '/', referrer: '', title: '' },
});

describe('stored times from a clock that ran ahead', () => {
  it('bounds a stored time to now, and a timer below 2³¹ ms', () => {
    expect(boundedTime(now + YEAR_MS, 60_000, now)).toBe(now);
    expect(boundedTime(now + 30_000, 60_000, now)).toBe(now + 30_000);
    expect(timerDelay(25 * DAY_MS)).toBe(MAX_TIMER_MS);
    expect(timerDelay(Number.NaN)).toBe(0);
  });

  it('a prompt shown "a year from now" starts its cooldown now, and events of today still count', () => {
    const ahead = createProfile(null);
    ahead.apply(touchpoint('$prompt_shown', now + YEAR_MS, { promptId: 'rate' }));
    ahead.apply(touchpoint('purchase', now + YEAR_MS));
    const later = createProfile(null, JSON.parse(JSON.stringify(ahead.toJSON())));
    later.apply(touchpoint('purchase', now));
    const facts = later.facts({ now, points: 0, tier: null, locale: 'en', device: 'desktop' });
    expect(facts.prompts.rate!.lastShownAt).toBeLessThanOrEqual(Date.now());
    expect(facts.lastPromptShownAt).toBeLessThanOrEqual(Date.now());
    expect(facts.countEvents({ event: 'purchase', withinDays: 1 })).toBe(1);
  });

  it('points are awarded after a ledger saved by a clock a year ahead', () => {
    const config = { version: 1, rewards: { rules: [{ id: 'each', on: 'purchase', points: 10 }] } } as unknown as Config;
    const ahead = createLedger(config);
    ahead.apply(touchpoint('purchase', now + YEAR_MS));
    const later = createLedger(config, JSON.parse(JSON.stringify(ahead.toJSON())));
    later.apply(touchpoint('purchase', now));
    expect(later.points).toBe(20);
  });
});
