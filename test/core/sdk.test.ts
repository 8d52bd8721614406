import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Waymark } from '../../src/api.js';
import type { Config } from '../../src/config/schema.js';
import type { WaymarkError } from '../../src/errors.js';
import { init } from '../../src/init.js';
import type { Touchpoint } from '../../src/types.js';

const CONFIG: Config = {
  version: 1,
  stages: [
    { id: 'awareness', when: { event: '$page_view' } },
    { id: 'consideration', when: { event: 'product_view', count: { gte: 2 } } },
    { id: 'retention', when: { event: 'purchase' } },
  ],
  rewards: {
    rules: [{ id: 'spend', on: 'purchase', points: { every: 50, of: 'amount', award: 50 } }],
    tiers: [
      { id: 'bronze', min: 0 },
      { id: 'silver', min: 100 },
    ],
    offers: [{ id: 'five-off', cost: 100, label: '$5 off' }],
  },
};

let namespace = 0;
const instances: Waymark[] = [];
function start(options: Parameters<typeof init>[0] = {}) {
  const wm = init({ namespace: `t${++namespace}`, detectors: { pageViews: false, scroll: false, exitIntent: false, idle: false, clicks: false }, ...options });
  instances.push(wm);
  const errors: WaymarkError[] = [];
  const touchpoints: Touchpoint[] = [];
  wm.on('error', (error) => errors.push(error));
  wm.on('touchpoint', (touchpoint) => touchpoints.push(touchpoint));
  return { wm, errors, touchpoints, names: () => touchpoints.map((tp) => tp.name) };
}

beforeEach(() => localStorage.clear());
afterEach(() => instances.splice(0).forEach((wm) => wm.destroy()));

describe('the SDK', () => {
  it('is idempotent per namespace', () => {
    const a = init({ namespace: 'same' });
    expect(init({ namespace: 'same' })).toBe(a);
    expect(init({ namespace: 'other' })).not.toBe(a);
    a.destroy();
    const b = init({ namespace: 'same' });
    expect(b).not.toBe(a);
    b.destroy();
    init({ namespace: 'other' }).destroy();
  });

  it('derives the stage and points from touchpoints, and records $stage and $points', async () => {
    const { wm, names } = start({ config: CONFIG });
    await wm.ready();
    wm.page();
    wm.track('product_view');
    wm.track('product_view');
    await vi.waitFor(() => expect(wm.state.stage.value).toBe('consideration'));
    wm.track('purchase', { amount: 120 });
    await vi.waitFor(() => expect(wm.state.stage.value).toBe('retention'));
    expect(wm.state.points.value).toBe(100);
    expect(wm.state.tier.value).toBe('silver');
    expect(names()).toEqual(expect.arrayContaining(['$stage', '$points', '$tier']));
  });

  it('redeems an offer once, and refuses when the balance is short', async () => {
    const { wm, errors, names } = start({ config: CONFIG });
    await wm.ready();
    wm.track('purchase', { amount: 100 });
    await vi.waitFor(() => expect(wm.state.points.value).toBe(100));
    wm.redeem('five-off');
    wm.redeem('five-off');
    await vi.waitFor(() => expect(names().filter((name) => name === '$redeem')).toHaveLength(1));
    expect(wm.state.points.value).toBe(0);
    expect(errors.map((error) => error.code)).toEqual(['insufficient_points']);
    wm.redeem('nope');
    expect(errors.map((error) => error.code)).toContain('unknown_offer');
  });

  it('reports reserved and invalid names instead of recording them', async () => {
    const { wm, errors, names } = start();
    wm.track('$purchase');
    wm.track('');
    wm.track(42 as unknown as string);
    wm.identify(7 as unknown as string);
    await wm.flush();
    expect(errors.map((error) => error.code)).toEqual(['invalid_argument', 'invalid_argument', 'invalid_argument', 'invalid_argument']);
    expect(names()).toEqual([]);
  });

  it('logs config warnings with debug, and still uses the config', async () => {
    const logged = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const config = { version: 1, prompts: [{ id: 'p', kind: 'nps', trigger: { on: 'exit_intent' }, content: { question: 'Q?' } }] } as Config;
    const { wm, errors } = start({ config, debug: true });
    await wm.ready();
    expect(errors).toEqual([]);
    expect(logged.mock.calls.map(([message]) => message)).toContain(
      '[waymark] config warning at prompts[0].trigger.on: "exit_intent" fires only when the page tracks it itself; Waymark records "$exit_intent"',
    );
    logged.mockRestore();
  });

  it('rejects an invalid config with every problem, and keeps recording', async () => {
    const { wm, errors, names } = start({ config: { version: 2, prompts: [{ id: 'x' }] } as unknown as Config });
    await wm.ready();
    expect(errors[0]?.code).toBe('invalid_config');
    expect((errors[0]!.details as Array<{ path: string }>).map((problem) => problem.path)).toEqual(expect.arrayContaining(['version']));
    wm.track('still_counted');
    await wm.flush();
    expect(wm.explain('x').gates[0]).toMatchObject({ gate: 'config', pass: false });
    await vi.waitFor(() => expect(names()).toEqual(['still_counted'])); // recorded and delivered, no rules
    expect(wm.stats().pending).toBeGreaterThanOrEqual(1);
  });

  it('records nothing without consent, and starts when it is given', async () => {
    const { wm, touchpoints } = start({ consent: false, config: CONFIG });
    await new Promise((resolve) => setTimeout(resolve, 20));
    wm.track('ignored');
    wm.identify('u1');
    await wm.flush();
    expect(touchpoints).toEqual([]);
    expect(wm.stats().pending).toBe(0);
    expect(Object.keys(localStorage)).toEqual([]);
    wm.setConsent(true);
    await wm.ready();
    wm.track('counted');
    await vi.waitFor(() => expect(touchpoints.map((tp) => tp.name)).toEqual(['counted']));
  });

  it('an option or prop set to undefined acts as one left out (issue 11)', async () => {
    const { wm, errors, touchpoints } = start({
      config: CONFIG,
      userId: undefined,
      consent: undefined,
      locale: undefined,
      namespace: undefined,
      delivery: { batchSize: undefined, maxRecords: undefined },
    });
    await wm.ready();
    wm.track('purchase', { amount: 100, coupon: undefined });
    wm.show('none', { force: undefined });
    await vi.waitFor(() => expect(wm.state.points.value).toBe(100));
    const purchase = touchpoints.find((tp) => tp.name === 'purchase');
    expect(purchase).toMatchObject({ userId: null, props: { amount: 100 } });
    expect(purchase?.props).not.toHaveProperty('coupon');
    expect(errors).toEqual([]);
  });

  it('reset() is a new visitor: new anonymous id, no user, fresh profile', async () => {
    const { wm, touchpoints } = start({ config: CONFIG });
    await wm.ready();
    wm.identify('u1', { plan: 'pro' });
    wm.track('purchase', { amount: 60 });
    await vi.waitFor(() => expect(wm.state.points.value).toBe(50));
    const before = touchpoints.find((tp) => tp.name === 'purchase')!;
    expect(before.userId).toBe('u1');
    wm.reset();
    await vi.waitFor(() => expect(wm.state.points.value).toBe(0));
    wm.track('after');
    await vi.waitFor(() => expect(touchpoints.at(-1)?.name).toBe('after'));
    expect(touchpoints.at(-1)).toMatchObject({ userId: null });
    expect(touchpoints.at(-1)?.anonymousId).not.toBe(before.anonymousId);
  });

  it('never throws into the host page, whatever the arguments', async () => {
    const { wm } = start({ config: CONFIG });
    await wm.ready();
    const methods = ['track', 'page', 'identify', 'show', 'explain', 'redeem', 'on', 'setConsent'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...methods),
        fc.array(fc.anything({ withBigInt: true, withDate: true, withMap: true, withNullPrototype: true }), { maxLength: 3 }),
        (method, args) => {
          expect(() => (wm[method] as (...rest: unknown[]) => unknown)(...args)).not.toThrow();
        },
      ),
      { numRuns: 400 },
    );
    await wm.flush();
  });

  it('a throwing error handler does not escape either', async () => {
    const { wm } = start();
    wm.on('error', () => {
      throw new Error('host bug');
    });
    expect(() => wm.track('$nope')).not.toThrow();
  });

  it('destroy() stops recording and removes itself', async () => {
    const { wm, touchpoints } = start({ config: CONFIG });
    await wm.ready();
    wm.destroy();
    wm.track('late');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(touchpoints).toEqual([]);
  });
});
