import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { validateConfig, type ValidationResult } from '../../src/config/validate.js';
import { settle, setup } from './harness.js';

const tab = (extra: object = {}) => ({
  id: 'feedback',
  kind: 'rating' as const,
  scale: 'thumbs' as const,
  content: { question: 'Is this page helpful?' },
  presentation: { placement: 'tab' as const, tabLabel: 'Feedback', edge: 'left' as const },
  ...extra,
});
const config = (prompts: object[]) => ({ version: 1, prompts }) as Config;
const messages = (result: ValidationResult) => (result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`));
const launchers = () => [...document.querySelectorAll('waymark-launcher')].map((element) => element.shadowRoot!.querySelector('button')!);

/** The launchers' chunk has loaded and drawn them (the engine imports it once a tab belongs in the page). */
const drawn = async () => {
  await import('../../src/lazy/tab.js');
  await settle();
};

afterEach(() => void (document.body.innerHTML = ''));

describe('tab validation', () => {
  it('takes a tab prompt without a trigger', () => {
    expect(messages(validateConfig(config([tab()])))).toEqual([]);
  });

  it('needs a trigger for any other prompt, and a tabLabel for a tab', () => {
    const popover = { ...tab(), presentation: { placement: 'popover' } };
    expect(messages(validateConfig(config([popover])))).toEqual(['prompts[0].trigger: required, unless presentation.placement is "tab"']);
    const unlabelled = { ...tab(), presentation: { placement: 'tab' } };
    expect(messages(validateConfig(config([unlabelled])))).toEqual(['prompts[0].presentation.tabLabel: placement "tab" needs one']);
  });

  it('rejects an unknown edge', () => {
    const top = { ...tab(), presentation: { placement: 'tab', tabLabel: 'Feedback', edge: 'top' } };
    expect(messages(validateConfig(config([top]))).map((line) => line.split(':')[0])).toEqual(['prompts[0].presentation.edge']);
  });
});

describe('the tab launcher', () => {
  it('sits at its edge when the config loads, named by tabLabel, and explain() says it waits for the visitor', async () => {
    const sdk = setup(config([tab()]));
    await drawn();
    const [button] = launchers();
    expect(button?.textContent).toBe('Feedback');
    expect(button?.className).toBe('left');
    expect(sdk.controller.explain('feedback').gates[0]?.reason).toBe('trigger: none, it waits for the visitor to open its tab');
    expect(sdk.names()).toEqual([]);
  });

  it('opens the prompt on a click, hides while it is open, and comes back with focus when it is dismissed', async () => {
    const sdk = setup(config([tab()]));
    await drawn();
    launchers()[0]!.click();
    await settle();
    expect(sdk.host.props.prompt.id).toBe('feedback');
    expect(sdk.host.props.opened).toBe(true);
    expect(sdk.names()).toEqual(['$prompt_shown']);
    expect(launchers().map((button) => button.hidden)).toEqual([true]);
    sdk.host.props.onDismiss('close');
    const [button] = launchers();
    expect(button?.hidden).toBe(false);
    expect(document.activeElement?.shadowRoot?.activeElement ?? document.activeElement).toBe(button);
  });

  it('shown by its trigger, it is not marked as opened by the visitor, so it leaves focus where it is', async () => {
    const sdk = setup(config([tab({ trigger: { on: 'purchase' } })]));
    await drawn();
    await sdk.fire('purchase');
    expect(sdk.host.props.prompt.id).toBe('feedback');
    expect(sdk.host.props.opened).toBeUndefined();
  });

  it('is not there while its if fails, and appears once it holds', async () => {
    const sdk = setup(config([tab({ if: { page: { path: { eq: '/help' } } } })]));
    await drawn();
    expect(launchers()).toEqual([]);
    await sdk.navigate('/help');
    await drawn();
    expect(launchers()).toHaveLength(1);
  });

  it('with frequency.once, a dismissal keeps the launcher and an answer removes it', async () => {
    const sdk = setup(config([tab({ frequency: { once: true } })]));
    await drawn();
    launchers()[0]!.click();
    await settle();
    sdk.host.props.onDismiss('close');
    expect(launchers()).toHaveLength(1);
    launchers()[0]!.click();
    await settle();
    sdk.host.props.onAnswer({ score: 1 }, true);
    await settle();
    expect(launchers()).toEqual([]);
  });

  it('goes away with the controller', async () => {
    const sdk = setup(config([tab()]));
    await drawn();
    expect(launchers()).toHaveLength(1);
    sdk.controller.destroy();
    expect(launchers()).toEqual([]);
  });
});
