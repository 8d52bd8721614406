import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Config, Prompt } from '../../src/config/schema.js';
import { settle, setup } from './harness.js';

const nps = (extra: Partial<Prompt> = {}): Prompt =>
  ({ id: 'nps', kind: 'nps', trigger: { on: 'purchase' }, content: { question: 'How likely…?' }, ...extra }) as Prompt;
const config = (prompts: Prompt[], extra: Partial<Config> = {}): Config => ({ version: 1, prompts, ...extra });
const shown = (sdk: ReturnType<typeof setup>) => sdk.host.shows.map((props) => props.prompt.id);
const trigger = (sdk: ReturnType<typeof setup>, promptId: string) => sdk.controller.explain(promptId).gates[0]?.reason;
/** The visitor closes the prompt on screen; the queue takes its turn once the lock is free. */
const dismiss = async (sdk: ReturnType<typeof setup>) => {
  sdk.host.props.onDismiss('close');
  await settle();
};

afterEach(() => void vi.useRealTimers());

describe('prompt queue: a blocked prompt waits', () => {
  it('shows the second of two prompts triggered together once the first is dismissed', async () => {
    const sdk = setup(config([nps(), nps({ id: 'csat' })]));
    await sdk.fire('purchase');
    expect(shown(sdk)).toEqual(['nps']);
    expect(sdk.logs).toContain('prompt "csat": queued for up to 60 s');
    expect(sdk.logs).toContain('prompt "csat": not shown (one at a time: "nps" is showing in this tab)');
    await dismiss(sdk);
    expect(shown(sdk)).toEqual(['nps', 'csat']);
    expect(sdk.logs).toContain('prompt "csat": its turn');
    expect(sdk.names()).toEqual(['$prompt_shown', '$prompt_dismissed', '$prompt_shown']);
  });

  it('also takes its turn after an answer, and after a prompt triggered later', async () => {
    const sdk = setup(config([nps(), nps({ id: 'csat', trigger: { on: 'ticket_closed' } })]));
    await sdk.fire('purchase');
    await sdk.fire('ticket_closed');
    sdk.host.props.onAnswer({ score: 9 }, true);
    await settle();
    expect(shown(sdk)).toEqual(['nps', 'csat']);
  });

  it('holds at most three, highest priority first, then in trigger order', async () => {
    const sdk = setup(
      config([
        nps({ id: 'top', priority: 9 }),
        nps({ id: 'low', priority: 1 }),
        nps({ id: 'mid-a', priority: 5 }),
        nps({ id: 'mid-b', priority: 5 }),
        nps({ id: 'lowest', priority: 0 }),
      ]),
    );
    await sdk.fire('purchase');
    expect(sdk.logs).toContain('prompt "lowest": left the queue, it is full');
    for (let turn = 0; turn < 4; turn++) await dismiss(sdk);
    expect(shown(sdk)).toEqual(['top', 'mid-a', 'mid-b', 'low']);
  });

  it('puts a later trigger with a higher priority ahead of those already waiting', async () => {
    const sdk = setup(
      config([nps({ id: 'first' }), nps({ id: 'plain', trigger: { on: 'signup' } }), nps({ id: 'urgent', priority: 3, trigger: { on: 'refund' } })]),
    );
    await sdk.fire('purchase');
    await sdk.fire('signup');
    await sdk.fire('refund');
    await dismiss(sdk);
    await dismiss(sdk);
    expect(shown(sdk)).toEqual(['first', 'urgent', 'plain']);
  });

  it('queues a prompt once, and never behind itself', async () => {
    const sdk = setup(config([nps(), nps({ id: 'csat' })]));
    await sdk.fire('purchase');
    await sdk.fire('purchase');
    expect(sdk.logs.filter((line) => line.endsWith('queued for up to 60 s'))).toEqual(['prompt "csat": queued for up to 60 s']);
    await dismiss(sdk);
    await dismiss(sdk);
    expect(shown(sdk)).toEqual(['nps', 'csat']);
  });

  it('drops an entry whose time ran out, and explain() says when', async () => {
    vi.useFakeTimers();
    const sdk = setup(config([nps(), nps({ id: 'csat' })]));
    await sdk.fire('purchase');
    await vi.advanceTimersByTimeAsync(18_000);
    expect(trigger(sdk, 'csat')).toBe('trigger: on "purchase" (queued: waiting for "nps" to close, expires in 42 seconds)');
    await vi.advanceTimersByTimeAsync(47_000);
    expect(trigger(sdk, 'csat')).toBe('trigger: on "purchase" (expired from the queue 5 seconds ago)');
    expect(sdk.logs.at(-1)).toBe('prompt "csat": left the queue, its time ran out');
    await dismiss(sdk);
    expect(shown(sdk)).toEqual(['nps']);
    expect(sdk.controller.explain('csat').eligible).toBe(true);
  });

  it('takes its time to live from limits.queueSeconds, where 0 turns the queue off', async () => {
    vi.useFakeTimers();
    const short = setup(config([nps(), nps({ id: 'csat' })], { limits: { queueSeconds: 5 } }));
    await short.fire('purchase');
    expect(short.logs).toContain('prompt "csat": queued for up to 5 s');
    await vi.advanceTimersByTimeAsync(5000);
    await dismiss(short);
    expect(shown(short)).toEqual(['nps']);

    const off = setup(config([nps(), nps({ id: 'csat' })], { limits: { queueSeconds: 0 } }));
    await off.fire('purchase');
    expect(off.logs.some((line) => line.includes('queue'))).toBe(false);
    await dismiss(off);
    expect(shown(off)).toEqual(['nps']);
    expect(trigger(off, 'csat')).toBe('trigger: on "purchase"');
  });
});

describe('prompt queue: every gate again at its turn', () => {
  it('drops a queued prompt the session cap now stops', async () => {
    const sdk = setup(config([nps(), nps({ id: 'csat' })], { limits: { maxPerSession: 1 } }));
    await sdk.fire('purchase');
    await dismiss(sdk);
    expect(shown(sdk)).toEqual(['nps']);
    expect(sdk.logs.at(-1)).toBe('prompt "csat": left the queue (session cap: 1 of 1 prompts shown this session)');
    expect(trigger(sdk, 'csat')).toBe('trigger: on "purchase"');
  });

  it('drops a queued prompt whose if stopped holding on the page the visitor went to', async () => {
    const sdk = setup(config([nps(), nps({ id: 'cart', if: { path: { startsWith: '/cart' } } })]));
    await sdk.navigate('/cart');
    await sdk.fire('purchase');
    await sdk.navigate('/home');
    await dismiss(sdk);
    expect(shown(sdk)).toEqual(['nps']);
    expect(sdk.logs.at(-1)).toBe('prompt "cart": left the queue (if: path is "/home", needs startsWith "/cart")');
  });

  it('does not queue what waiting cannot change: a sample, an answer, an if', async () => {
    const sdk = setup(config([nps(), nps({ id: 'sampled', sample: 0 }), nps({ id: 'answered' }), nps({ id: 'vip', if: { stage: { eq: 'advocacy' } } })]));
    sdk.state.prompts.answered = { shown: 1, answered: 1, dismissed: 0, lastShownAt: sdk.state.now, lastAnsweredAt: sdk.state.now, lastDismissedAt: null };
    await sdk.fire('purchase');
    expect(sdk.logs.filter((line) => line.includes('queue'))).toEqual([]);
    await dismiss(sdk);
    expect(shown(sdk)).toEqual(['nps']);
  });

  it('lets a prompt chosen first wait out its delay, then gives the next its turn', async () => {
    vi.useFakeTimers();
    const sdk = setup(config([nps({ id: 'later', priority: 2, trigger: { on: 'purchase', delaySeconds: 2 } }), nps({ id: 'csat' })]));
    await sdk.fire('purchase');
    expect(sdk.logs).toContain('prompt "csat": not shown (one at a time: "later" goes first)');
    await vi.advanceTimersByTimeAsync(2000);
    await settle();
    expect(shown(sdk)).toEqual(['later']);
    await dismiss(sdk);
    expect(shown(sdk)).toEqual(['later', 'csat']);
  });

  it('gives the queue its turn when the prompt chosen first no longer passes after its delay', async () => {
    vi.useFakeTimers();
    const later = nps({ id: 'later', priority: 2, trigger: { on: 'purchase', delaySeconds: 2 }, if: { stage: { eq: 'retention' } } });
    const sdk = setup(config([later, nps({ id: 'csat' })]));
    sdk.state.stage = 'retention';
    await sdk.fire('purchase');
    sdk.state.stage = 'decision';
    await vi.advanceTimersByTimeAsync(2000);
    await settle();
    expect(shown(sdk)).toEqual(['csat']);
  });

  it('gives the queue its turn when the delay of the prompt chosen first is cancelled', async () => {
    const later = nps({ id: 'later', priority: 2, trigger: { on: 'purchase', delaySeconds: 30 }, if: { path: { startsWith: '/cart' } } });
    const sdk = setup(config([later, nps({ id: 'csat' })]));
    await sdk.navigate('/cart');
    await sdk.fire('purchase');
    expect(shown(sdk)).toEqual([]);
    await sdk.navigate('/home');
    expect(sdk.logs).toContain('prompt "later": delay cancelled, its "if" no longer holds');
    expect(shown(sdk)).toEqual(['csat']);
  });

  it('forgets the queue on reset and on destroy', async () => {
    const sdk = setup(config([nps(), nps({ id: 'csat' })]));
    await sdk.fire('purchase');
    sdk.controller.forget();
    await dismiss(sdk);
    expect(shown(sdk)).toEqual(['nps']);
    expect(trigger(sdk, 'csat')).toBe('trigger: on "purchase"');

    const gone = setup(config([nps(), nps({ id: 'csat' })]));
    await gone.fire('purchase');
    gone.controller.destroy();
    await settle();
    expect(shown(gone)).toEqual(['nps']);
  });
});
