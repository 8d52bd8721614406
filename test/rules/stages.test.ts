import { describe, expect, it } from 'vitest';
import type { Stage } from '../../src/config/schema.js';
import { createProfile } from '../../src/profile/profile.js';
import { deriveStage, stageChange } from '../../src/rules/stages.js';
import { RESERVED } from '../../src/types.js';
import { DAY, env, journeyConfig, START, touchpoint } from '../profile/touchpoints.js';
import { makeFacts } from './facts-fixture.js';

const stages = journeyConfig.stages!;

describe('deriveStage', () => {
  it('is the LAST stage whose `when` holds, not the first', () => {
    const facts = makeFacts({}, [{ name: '$page_view' }, { name: 'purchase' }]);
    expect(deriveStage(stages, facts)).toBe('retention');
  });

  it('skips over stages that do not hold', () => {
    // A purchase without ever viewing two products: consideration does not hold, retention does.
    const facts = makeFacts({}, [{ name: 'purchase' }]);
    expect(deriveStage(stages, facts)).toBe('retention');
    expect(deriveStage(stages, makeFacts({}, [{ name: 'review' }]))).toBe('advocacy');
  });

  it('is null when no stage holds or none are defined', () => {
    expect(deriveStage(stages, makeFacts())).toBeNull();
    expect(deriveStage(undefined, makeFacts())).toBeNull();
    expect(deriveStage([], makeFacts())).toBeNull();
  });

  it('may depend on the current stage', () => {
    const sticky: Stage[] = [
      { id: 'new', when: {} },
      { id: 'engaged', when: { any: [{ event: 'signup' }, { stage: { eq: 'engaged' } }] } },
    ];
    expect(deriveStage(sticky, makeFacts({ stage: 'engaged' }))).toBe('engaged');
    expect(deriveStage(sticky, makeFacts({ stage: 'new' }))).toBe('new');
  });

  it('stageChange gives the $stage props only on a change', () => {
    const facts = makeFacts({ stage: 'awareness' }, [{ name: '$page_view' }, { name: 'product_view' }, { name: 'product_view' }]);
    expect(stageChange(stages, facts)).toEqual({ from: 'awareness', to: 'consideration' });
    expect(stageChange(stages, { ...facts, stage: 'consideration' })).toBeNull();
    expect(stageChange(stages, makeFacts({ stage: 'awareness' }))).toEqual({ from: 'awareness', to: null });
  });
});

describe('stages over time, with the real profile', () => {
  /** What the SDK does per touchpoint: apply, derive, record the change. */
  const step = (profile: ReturnType<typeof createProfile>, now: number) => {
    const change = stageChange(stages, profile.facts(env(now)));
    if (change) profile.apply(touchpoint(RESERVED.stage, change, now));
    return profile.stage;
  };

  it('moves forward through the journey', () => {
    const profile = createProfile(journeyConfig);
    profile.apply(touchpoint(RESERVED.pageView, {}, START));
    expect(step(profile, START)).toBe('awareness');
    profile.apply(touchpoint('product_view', {}, START + 1_000));
    expect(step(profile, START + 1_000)).toBe('awareness');
    profile.apply(touchpoint('product_view', {}, START + 2_000));
    expect(step(profile, START + 2_000)).toBe('consideration');
    profile.apply(touchpoint('checkout_started', {}, START + 3_000));
    expect(step(profile, START + 3_000)).toBe('decision');
    profile.apply(touchpoint('purchase', {}, START + 4_000));
    expect(step(profile, START + 4_000)).toBe('retention');
    expect(profile.facts(env(START + 5_000)).countEvents({ event: RESERVED.stage })).toBe(4);
  });

  it('regresses when the withinDays window of the stage expires', () => {
    const profile = createProfile(journeyConfig);
    profile.apply(touchpoint(RESERVED.pageView, {}, START));
    profile.apply(touchpoint('product_view', {}, START));
    profile.apply(touchpoint('product_view', {}, START));
    profile.apply(touchpoint('checkout_started', {}, START));
    expect(step(profile, START)).toBe('decision');
    // withinDays: 7 covers the day of the event and the 6 after it.
    expect(step(profile, START + 6 * DAY)).toBe('decision');
    expect(step(profile, START + 6 * DAY + 11 * 3_600_000)).toBe('decision');
    expect(step(profile, START + 7 * DAY)).toBe('consideration');
    expect(profile.facts(env(START + 7 * DAY)).countEvents({ event: RESERVED.stage })).toBe(2);
  });

  it('regresses after a reload too: the windows live in the stored profile', () => {
    const profile = createProfile(journeyConfig);
    profile.apply(touchpoint(RESERVED.pageView, {}, START));
    profile.apply(touchpoint('checkout_started', {}, START));
    expect(step(profile, START)).toBe('decision');
    const reloaded = createProfile(journeyConfig, JSON.parse(JSON.stringify(profile.toJSON())));
    expect(reloaded.stage).toBe('decision');
    expect(step(reloaded, START + 8 * DAY)).toBe('awareness');
  });
});
