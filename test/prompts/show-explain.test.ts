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

describe('prompt controller: show() and explain()', () => {
  it('show() goes through the gates; force skips them but not an open prompt', async () => {
    const sdk = setup(config([nps({ if: { stage: { eq: 'advocacy' } } }), rating()]));
    sdk.controller.show('nps');
    await settle();
    expect(sdk.host.shows).toHaveLength(0);
    sdk.controller.show('nps', { force: true });
    await settle();
    expect(sdk.host.shows).toHaveLength(1);
    sdk.controller.show('csat', { force: true });
    await settle();
    expect(sdk.host.shows).toHaveLength(1);
    expect(sdk.logs.at(-1)).toBe('prompt "csat": not shown, "nps" is open in this tab');
  });

  it('show() ignores the trigger delay and reports unknown prompts', async () => {
    const sdk = setup(config([nps({ trigger: { on: 'purchase', delaySeconds: 60 } })]));
    sdk.controller.show('nps');
    await settle();
    expect(sdk.host.shows).toHaveLength(1);
    sdk.controller.show('nope');
    expect(sdk.errors.map((error) => [error.code, error.message])).toEqual([['unknown_prompt', 'no prompt "nope" in the config']]);
  });

  it('explain() lists every gate with a sentence, starting with the trigger', async () => {
    const sdk = setup(
      config([nps({ trigger: { on: 'purchase', delaySeconds: 2, where: { amount: { gt: 0 } } }, frequency: { cooldownDays: 90 } })], {
        limits: { cooldownHours: 24 },
      }),
    );
    expect(sdk.controller.explain('nps')).toEqual({
      promptId: 'nps',
      eligible: true,
      gates: [
        { gate: 'trigger', pass: true, reason: 'trigger: on "purchase" with matching props, 2 s later' },
        { gate: 'if', pass: true, reason: 'if: no condition' },
        { gate: 'schedule', pass: true, reason: 'schedule: running' },
        { gate: 'sample', pass: true, reason: 'sample: everyone' },
        { gate: 'cooldown', pass: true, reason: 'cooldown: never shown' },
        { gate: 'answered', pass: true, reason: 'answered: not answered yet' },
        { gate: 'global cooldown', pass: true, reason: 'global cooldown: no prompt shown yet' },
        { gate: 'one at a time', pass: true, reason: 'one at a time: nothing else is showing' },
      ],
    });
    sdk.controller.show('nps');
    await settle();
    sdk.host.props.onDismiss('close');
    sdk.state.now += 2 * DAY;
    const after = sdk.controller.explain('nps');
    expect(after.eligible).toBe(false);
    expect(after.gates.filter((gate) => !gate.pass).map((gate) => gate.reason)).toEqual(['cooldown: shown 2 days ago, 88 days left']);
  });

  it('explain() says what is missing for an unknown prompt or config', () => {
    expect(setup(config([])).controller.explain('x')).toEqual({
      promptId: 'x',
      eligible: false,
      gates: [{ gate: 'config', pass: false, reason: 'config: no prompt "x"' }],
    });
    const empty = setup(null as unknown as Config);
    expect(empty.controller.explain('x').gates[0]?.reason).toBe('config: no valid config is loaded');
  });
});
