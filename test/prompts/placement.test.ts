import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { validateConfig, type ValidationResult } from '../../src/config/validate.js';
import { createPromptHost } from '../../src/prompts/host.js';
import type { WidgetProps } from '../../widgets/contract.js';
import * as widgets from '../../widgets/index.js';
import { setup } from './harness.js';

const inline = (presentation: object = { placement: 'inline', target: '#slot' }) => ({
  id: 'r',
  kind: 'rating' as const,
  trigger: { on: 'checkout' },
  content: { question: 'How was checkout?' },
  presentation,
});
const messages = (result: ValidationResult) => (result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`));
const slot = (id = 'slot') => document.body.appendChild(Object.assign(document.createElement('section'), { id }));

afterEach(() => void (document.body.innerHTML = ''));

describe('placement validation', () => {
  it('accepts the placements, and modal: true stays valid on its own', () => {
    for (const presentation of [
      { placement: 'popover' },
      { placement: 'modal' },
      { placement: 'inline', target: 'main > .feedback:not([hidden])' },
      { modal: true },
    ])
      expect(messages(validateConfig({ version: 1, prompts: [inline(presentation)] }))).toEqual([]);
  });

  it('needs a target for inline', () => {
    expect(messages(validateConfig({ version: 1, prompts: [inline({ placement: 'inline' })] }))).toEqual([
      'prompts[0].presentation.target: placement "inline" needs one',
    ]);
  });

  it('rejects an unknown placement', () => {
    expect(messages(validateConfig({ version: 1, prompts: [inline({ placement: 'sidebar' })] })).map((line) => line.split(':')[0])).toEqual([
      'prompts[0].presentation.placement',
    ]);
  });
});

describe('inline host', () => {
  const props = (presentation?: object): WidgetProps => ({
    prompt: inline(presentation),
    locale: 'en',
    defaultLocale: 'en',
    theme: {},
    vars: {},
    onAnswer: vi.fn(),
    onDismiss: vi.fn(),
    onRedeem: vi.fn(),
  });
  const host = () => createPromptHost({ load: () => Promise.resolve(widgets), onError: (error) => expect.fail(String(error)) });

  it('mounts into the target as a block in the page flow, never modal, without taking focus', async () => {
    const target = slot();
    const button = document.body.appendChild(document.createElement('button'));
    button.focus();
    expect(await host().show(props())).toBe(true);
    const element = target.lastElementChild as HTMLElement;
    expect(element.tagName).toBe('WAYMARK-PROMPT');
    expect(element.style.getPropertyValue('position')).toBe('static');
    expect(element.style.getPropertyPriority('display')).toBe('important');
    const panel = element.shadowRoot!.querySelector('[role=dialog]')!;
    expect(panel.tagName).toBe('DIV');
    expect(panel.getAttribute('aria-modal')).toBeNull();
    expect(panel.classList.contains('wm-inline')).toBe(true);
    expect(document.activeElement).toBe(button);
  });

  it('shows nothing and throws nothing when the target is missing or the selector is one the browser rejects', async () => {
    expect(await host().show(props())).toBe(false);
    expect(await host().show(props({ placement: 'inline', target: 'a:::b' }))).toBe(false);
    expect(document.querySelector('waymark-prompt')).toBeNull();
  });
});

describe('inline prompts in the controller', () => {
  const config = { version: 1, prompts: [inline()] } as Config;

  it('is not shown while its target is missing, says why, and shows when the trigger fires again', async () => {
    const { fire, host, logs, controller, names } = setup(config);
    await fire('checkout');
    expect(host.shows).toEqual([]);
    expect(logs).toContain('prompt "r": not shown (inline target: its inline target #slot is not on the page)');
    const gate = controller.explain('r').gates.find((report) => report.gate === 'inline target');
    expect(gate).toEqual({ gate: 'inline target', pass: false, reason: 'inline target: its inline target #slot is not on the page' });
    slot();
    expect(controller.explain('r').gates.find((report) => report.gate === 'inline target')?.pass).toBe(true);
    await fire('checkout');
    expect(names()).toEqual(['$prompt_shown']);
  });

  it('records answers as any prompt', async () => {
    slot();
    const { fire, host, names } = setup(config);
    await fire('checkout');
    host.props.onAnswer({ score: 4 }, true);
    expect(names()).toEqual(['$prompt_shown', '$prompt_answered']);
  });
});
