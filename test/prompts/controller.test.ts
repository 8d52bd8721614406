import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Config, Prompt } from '../../src/config/schema.js';
import { DAY } from './facts.js';
import { settle, setup } from './harness.js';

const nps = (extra: Partial<Prompt> = {}): Prompt =>
  ({ id: 'nps', kind: 'nps', trigger: { on: 'purchase' }, content: { question: 'How likely…?' }, ...extra }) as Prompt;
const rating = (extra: Partial<Prompt> = {}): Prompt =>
  ({ id: 'csat', kind: 'rating', scale: 'stars', trigger: { on: 'ticket_closed' }, content: { question: 'How did we do?' }, ...extra }) as Prompt;
const config = (prompts: Prompt[], extra: Partial<Config> = {}): Config => ({ version: 1, prompts, ...extra });

afterEach(() => void vi.useRealTimers());

describe('prompt controller: choosing', () => {
  it('shows a prompt whose trigger name and where match, and records $prompt_shown once it is on screen', async () => {
    const sdk = setup(config([nps({ trigger: { on: 'purchase', where: { amount: { gte: 100 } } } })]));
    await sdk.fire('purchase', { amount: 20 });
    await sdk.fire('signup');
    expect(sdk.host.shows).toHaveLength(0);
    await sdk.fire('purchase', { amount: 120 });
    expect(sdk.host.shows).toHaveLength(1);
    expect(sdk.host.props.prompt.id).toBe('nps');
    expect(sdk.recorded).toEqual([{ name: '$prompt_shown', props: { promptId: 'nps', kind: 'nps', submissionId: expect.stringMatching(/^[0-9a-f-]{36}$/) } }]);
  });

  it('hands the widget its prompt, environment, offer and callbacks', async () => {
    const reward = { id: 'offer', kind: 'reward', offer: 'five-off', trigger: { on: '$page_view' }, content: { title: 'Redeem?' } } as Prompt;
    const sdk = setup(config([reward], { rewards: { offers: [{ id: 'five-off', cost: 200, label: '$5 off' }] } }));
    await sdk.fire('$page_view');
    const props = sdk.host.props;
    expect(props).toMatchObject({
      prompt: reward,
      locale: 'en',
      defaultLocale: 'en',
      theme: { accent: '#123456' },
      vars: { points: 120 },
      offer: { id: 'five-off', cost: 200 },
    });
    props.onRedeem('five-off');
    expect(sdk.redeemed).toEqual(['five-off']);
    // Redeeming ends the display: the next prompt may show.
    expect(sdk.controller.explain('offer').gates.at(-1)?.pass).toBe(true);
    const plain = setup(config([nps()]));
    await plain.fire('purchase');
    expect('offer' in plain.host.props).toBe(false);
  });

  it('picks the highest priority when several are eligible, then config order', async () => {
    const sdk = setup(
      config([nps({ id: 'low', priority: 1 }), nps({ id: 'first-high', priority: 5 }), nps({ id: 'second-high', priority: 5 }), nps({ id: 'none' })]),
    );
    await sdk.fire('purchase');
    expect(sdk.host.shows.map((props) => props.prompt.id)).toEqual(['first-high']);
    expect(sdk.logs).toContain('prompt "first-high": eligible');
  });

  it('falls through to the next candidate when the best one is gated', async () => {
    const sdk = setup(config([nps({ id: 'vip', priority: 9, if: { stage: { eq: 'advocacy' } } }), nps({ id: 'everyone' })]));
    await sdk.fire('purchase');
    expect(sdk.host.shows.map((props) => props.prompt.id)).toEqual(['everyone']);
    expect(sdk.logs[0]).toBe('prompt "vip": not shown (if: stage is null, needs = "advocacy")');
  });

  it('shows one prompt at a time in a tab', async () => {
    const sdk = setup(config([nps(), rating()]));
    await sdk.fire('purchase');
    await sdk.fire('ticket_closed');
    expect(sdk.host.shows).toHaveLength(1);
    expect(sdk.logs.at(-1)).toBe('prompt "csat": not shown (one at a time: "nps" is showing in this tab)');
    sdk.host.props.onDismiss('close');
    await sdk.fire('ticket_closed');
    expect(sdk.host.shows.map((props) => props.prompt.id)).toEqual(['nps', 'csat']);
  });

  it('does not show anything without a config, or after destroy', async () => {
    const none = setup({ version: 1 });
    await none.fire('purchase');
    expect(none.host.shows).toHaveLength(0);
    const sdk = setup(config([nps()]));
    sdk.controller.destroy();
    await sdk.fire('purchase');
    expect(sdk.host.shows).toHaveLength(0);
  });

  it('records nothing when the widget cannot be shown, and tries again next time', async () => {
    const sdk = setup(config([nps()]));
    sdk.host.fail = true;
    await sdk.fire('purchase');
    expect(sdk.recorded).toEqual([]);
    sdk.host.fail = false;
    await sdk.fire('purchase');
    expect(sdk.names()).toEqual(['$prompt_shown']);
  });
});

describe('prompt controller: frequency through history', () => {
  it('honours cooldownDays across triggers, to the millisecond', async () => {
    const sdk = setup(config([nps({ frequency: { cooldownDays: 90 } })]));
    await sdk.fire('purchase');
    sdk.host.props.onDismiss('close');
    sdk.state.now += 90 * DAY - 1;
    await sdk.fire('purchase');
    expect(sdk.host.shows).toHaveLength(1);
    expect(sdk.logs.at(-1)).toBe('prompt "nps": not shown (cooldown: shown 89 days ago, 1 second left)');
    sdk.state.now += 1;
    await sdk.fire('purchase');
    expect(sdk.host.shows).toHaveLength(2);
  });

  it('stops after an answer, and maxPerSession counts every prompt', async () => {
    const sdk = setup(config([nps(), rating()], { limits: { maxPerSession: 2 } }));
    await sdk.fire('purchase');
    sdk.host.props.onAnswer({ score: 10 }, true);
    await sdk.fire('purchase');
    expect(sdk.host.shows).toHaveLength(1);
    expect(sdk.logs.at(-1)).toMatch(/answered: answered 0 seconds ago; set frequency.repeat to ask again/);
    await sdk.fire('ticket_closed');
    sdk.host.props.onDismiss('escape');
    const third = setup(config([nps({ id: 'third', trigger: { on: 'ticket_closed' } })], { limits: { maxPerSession: 2 } }));
    third.state.promptsShownThisSession = sdk.state.promptsShownThisSession;
    await third.fire('ticket_closed');
    expect(third.host.shows).toHaveLength(0);
    expect(third.logs.at(-1)).toMatch(/session cap: 2 of 2 prompts shown this session/);
  });
});

describe('prompt controller: lifecycle touchpoints', () => {
  it('records a partial score at once and the follow-up under the same submissionId, then flushes', async () => {
    const sdk = setup(config([nps()]));
    await sdk.fire('purchase');
    const { onAnswer } = sdk.host.props;
    onAnswer({ score: 3 }, false);
    expect(sdk.flushes()).toBe(0);
    onAnswer({ score: 3, comment: 'Too slow' }, true);
    expect(sdk.flushes()).toBe(1);
    const [shown, partial, complete] = sdk.recorded;
    expect(partial).toEqual({
      name: '$prompt_answered',
      props: { promptId: 'nps', kind: 'nps', submissionId: shown?.props.submissionId, complete: false, score: 3, band: 'detractor' },
    });
    expect(complete?.props).toEqual({ ...partial?.props, complete: true, comment: 'Too slow' });
  });

  it('gives every display its own submissionId', async () => {
    const sdk = setup(config([nps({ frequency: { repeat: true } })]));
    await sdk.fire('purchase');
    sdk.host.props.onAnswer({ score: 9 }, true);
    await sdk.fire('purchase');
    const ids = sdk.recorded.filter((entry) => entry.name === '$prompt_shown').map((entry) => entry.props.submissionId);
    expect(new Set(ids).size).toBe(2);
  });

  it('records a dismissal with its reason; a dismissal after a score completes the answer instead', async () => {
    const sdk = setup(config([nps({ frequency: { repeat: true } })]));
    await sdk.fire('purchase');
    sdk.host.props.onDismiss('timeout');
    expect(sdk.recorded.at(-1)).toEqual({
      name: '$prompt_dismissed',
      props: { promptId: 'nps', kind: 'nps', submissionId: sdk.recorded[0]?.props.submissionId, reason: 'timeout' },
    });
    await sdk.fire('purchase');
    sdk.host.props.onAnswer({ score: 8 }, false);
    sdk.host.props.onDismiss('close');
    expect(sdk.recorded.at(-1)).toMatchObject({ name: '$prompt_answered', props: { score: 8, band: 'passive', complete: true } });
    expect(sdk.names().filter((name) => name === '$prompt_dismissed')).toHaveLength(1);
    expect(sdk.flushes()).toBe(1);
  });

  it('ignores callbacks from a display that has finished (the thank-you screen, a double click)', async () => {
    const sdk = setup(config([rating()]));
    await sdk.fire('ticket_closed');
    const { onAnswer, onDismiss } = sdk.host.props;
    onAnswer({ score: 5 }, true);
    onAnswer({ score: 5 }, true);
    onDismiss('close');
    expect(sdk.names()).toEqual(['$prompt_shown', '$prompt_answered']);
    expect(sdk.recorded[1]?.props).toMatchObject({ score: 5, max: 5, scale: 'stars', metric: 'csat' });
  });

  it('reports a failure inside a widget callback instead of throwing into the widget', async () => {
    const sdk = setup(config([nps()]));
    await sdk.fire('purchase');
    expect(() => sdk.host.props.onRedeem('throws')).not.toThrow();
    expect(sdk.errors.map((error) => error.code)).toEqual(['internal']);
    expect(sdk.errors[0]?.message).toMatch(/ledger unavailable/);
  });
});

describe('prompt controller: delays and route changes', () => {
  it('shows after delaySeconds if still eligible, once for repeated triggers', async () => {
    vi.useFakeTimers();
    const sdk = setup(config([nps({ trigger: { on: 'purchase', delaySeconds: 2 } })]));
    await sdk.fire('purchase');
    await sdk.fire('purchase');
    await vi.advanceTimersByTimeAsync(1999);
    expect(sdk.host.shows).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(sdk.host.shows).toHaveLength(1);
    expect(sdk.logs.filter((line) => line === 'prompt "nps": showing in 2 s if still eligible')).toHaveLength(1);
  });

  it('cancels a delay on an SPA route change when its if no longer holds, and keeps it when it does', async () => {
    vi.useFakeTimers();
    const cartOnly = nps({ id: 'cart', trigger: { on: 'purchase', delaySeconds: 5 }, if: { path: { startsWith: '/cart' } } });
    const sdk = setup(config([cartOnly]));
    await sdk.navigate('/cart');
    await sdk.fire('purchase');
    await sdk.navigate('/cart/step-2');
    await vi.advanceTimersByTimeAsync(2000);
    await sdk.navigate('/home');
    expect(sdk.logs.at(-1)).toBe('prompt "cart": delay cancelled, its "if" no longer holds');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sdk.host.shows).toHaveLength(0);
  });

  it('re-checks every gate when the delay ends', async () => {
    vi.useFakeTimers();
    const sdk = setup(config([nps({ trigger: { on: 'purchase', delaySeconds: 1 }, if: { stage: { eq: 'retention' } } })]));
    sdk.state.stage = 'retention';
    await sdk.fire('purchase');
    sdk.state.stage = 'decision';
    await vi.advanceTimersByTimeAsync(1000);
    expect(sdk.host.shows).toHaveLength(0);
    expect(sdk.logs.at(-1)).toBe('prompt "nps": not shown (if: stage is "decision", needs = "retention")');
  });

  it('closes an open prompt whose if stops holding after a route change, but not because of its own impression', async () => {
    const cart = nps({
      id: 'cart',
      kind: 'exit',
      trigger: { on: '$exit_intent' },
      if: { path: { startsWith: '/cart' } },
      content: { question: 'Why?', choices: ['Price'] },
    } as Partial<Prompt>);
    const sdk = setup(config([cart, nps({ id: 'first-time', if: { prompt: { 'first-time': { shown: { eq: 0 } } } } })]));
    await sdk.navigate('/cart');
    await sdk.fire('$exit_intent');
    await sdk.navigate('/cart/edit');
    expect(sdk.host.closes).toBe(0);
    await sdk.navigate('/');
    expect(sdk.host.closes).toBe(1);
    expect(sdk.recorded.at(-1)).toMatchObject({ name: '$prompt_dismissed', props: { promptId: 'cart', reason: 'navigation' } });
    await sdk.fire('purchase');
    expect(sdk.host.props.prompt.id).toBe('first-time');
    await sdk.navigate('/next');
    expect(sdk.host.closes).toBe(1);
  });

  it('clears delays on destroy', async () => {
    vi.useFakeTimers();
    const sdk = setup(config([nps({ trigger: { on: 'purchase', delaySeconds: 1 } })]));
    await sdk.fire('purchase');
    sdk.controller.destroy();
    expect(vi.getTimerCount()).toBe(0);
  });
});
