import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { mount } from '../../widgets/index.js';
import type { MountOptions, Prompt, WidgetAnswer, WidgetProps } from '../../widgets/contract.js';
import type { DismissReason } from '../../src/types.js';

export interface Mounted {
  host: HTMLElement;
  root: ShadowRoot;
  answers: Array<[WidgetAnswer, boolean]>;
  dismissals: DismissReason[];
  redeemed: string[];
  closedByItself: number;
  close(): void;
  /** The element in the widget, by CSS selector; throws when missing. */
  $(selector: string): HTMLElement;
  $$(selector: string): HTMLElement[];
  radios(): HTMLElement[];
  /** Clicks like a pointer would, then lets preact render and run effects. */
  click(target: string | HTMLElement): void;
  /** The element focused inside the widget, if any. */
  focused(): HTMLElement | null;
}

type Extra = Partial<Omit<WidgetProps, 'prompt' | 'onAnswer' | 'onDismiss' | 'onRedeem'>> & { options?: MountOptions };

export const trigger = { on: 'test' };

/** Mounts a prompt into a fresh open shadow root, recording every callback. */
export function mountPrompt(prompt: Prompt, extra: Extra = {}): Mounted {
  const host = document.body.appendChild(document.createElement('waymark-prompt'));
  const root = host.attachShadow({ mode: 'open' });
  const state = { answers: [] as Array<[WidgetAnswer, boolean]>, dismissals: [] as DismissReason[], redeemed: [] as string[], closedByItself: 0 };
  const { options, ...rest } = extra;
  let widget!: ReturnType<typeof mount>;
  act(() => {
    widget = mount(
      root,
      {
        prompt,
        locale: 'en-US',
        defaultLocale: 'en',
        theme: {},
        vars: {},
        ...rest,
        onAnswer: (answer, complete) => state.answers.push([answer, complete]),
        onDismiss: (reason) => state.dismissals.push(reason),
        onRedeem: (offerId) => state.redeemed.push(offerId),
      },
      { ...options, onClosed: () => state.closedByItself++ },
    );
  });
  const $$ = (selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
  return Object.assign(state, {
    host,
    root,
    close: () => act(() => widget.close()),
    $: (selector: string) => {
      const found = root.querySelector<HTMLElement>(selector);
      if (!found) throw new Error(`no ${selector} in the widget`);
      return found;
    },
    $$,
    radios: () => $$('[role=radio],[role=checkbox]'),
    click(target: string | HTMLElement) {
      const element = typeof target === 'string' ? root.querySelector<HTMLElement>(target) : target;
      if (!element) throw new Error(`no ${String(target)} to click`);
      act(() => element.click());
    },
    focused: () => root.activeElement as HTMLElement | null,
  });
}

const FOCUSABLE = 'button:not(:disabled),input,textarea,[tabindex]';

/**
 * A keyboard as a browser has one: keydown on the focused element, then the default action
 * the browser would take unless prevented (Tab moves focus, Enter/Space press buttons,
 * characters go into text fields). happy-dom has no default actions of its own.
 */
export function press(widget: Mounted, key: string, init: KeyboardEventInit = {}) {
  act(() => pressNow(widget, key, init));
}

function pressNow(widget: Mounted, key: string, init: KeyboardEventInit) {
  const target = widget.focused() ?? document.body;
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  if (event.defaultPrevented) return;
  if (key === 'Tab') {
    const order = widget.$$(FOCUSABLE).filter((element) => element.tabIndex >= 0);
    const at = order.indexOf(target);
    const next = order[init.shiftKey ? at - 1 : at + 1];
    if (next) next.focus();
    else target.blur();
  } else if ((key === 'Enter' || key === ' ') && target.tagName === 'BUTTON') target.click();
}

export function type(widget: Mounted, text: string) {
  act(() => typeNow(widget, text));
}

function typeNow(widget: Mounted, text: string) {
  const field = widget.focused() as HTMLInputElement | HTMLTextAreaElement | null;
  if (!field || !('value' in field)) throw new Error('no text field is focused');
  field.value += text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Runs timers (fake ones, in tests that install them) inside act, so preact renders what they change. */
export const advance = (ms: number) => act(() => void vi.advanceTimersByTime(ms));
