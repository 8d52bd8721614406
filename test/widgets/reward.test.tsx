import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Offer, RewardPrompt } from '../../widgets/contract.js';
import { tierProgress } from '../../widgets/reward.js';
import { TOAST_MS } from '../../widgets/shell/frame.js';
import { advance, mountPrompt, trigger } from './helpers.js';

const toast: RewardPrompt = {
  id: 'points-toast',
  kind: 'reward',
  trigger,
  content: { title: '+{delta} points!', body: '{toNextTier} points to {nextTier}.' },
};
const offer: Offer = { id: 'five-off', cost: 200, label: '$5 off your next order', description: 'On orders over $20' };
const card: RewardPrompt = { id: 'redeem', kind: 'reward', offer: 'five-off', trigger, content: { title: 'Treat yourself' } };
const vars = { delta: 50, points: 1250, toNextTier: 250, nextTier: 'Gold' };

beforeEach(() => void vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('reward widget', () => {
  it('toast: a non-modal popover, placeholders filled with localized numbers, tier progress', () => {
    const widget = mountPrompt(toast, { vars });
    const panel = widget.$('[role=dialog]');
    expect(panel.tagName).toBe('DIV');
    expect(panel.hasAttribute('aria-modal')).toBe(false);
    expect(panel.className).toContain('bottom-right');
    expect(widget.$('#h').textContent).toBe('+50 points!');
    expect(widget.$('#d').textContent).toBe('250 points to Gold.');
    const bar = widget.$('[role=progressbar]');
    expect(bar.getAttribute('aria-valuenow')).toBe('83');
    expect(bar.getAttribute('aria-labelledby')).toBe('d');
    expect((bar.firstElementChild as HTMLElement).style.width).toBe(`${(1250 / 1500) * 100}%`);
  });

  it('formats numbers for the locale', () => {
    const widget = mountPrompt(toast, { vars: { ...vars, delta: 1500 }, locale: 'de-DE' });
    expect(widget.$('#h').textContent).toBe('+1.500 points!');
  });

  it('leaves unknown placeholders visible', () => {
    expect(mountPrompt({ ...toast, content: { title: 'Hi {name}' } }).$('#h').textContent).toBe('Hi {name}');
  });

  it('does not take focus, and is announced politely', () => {
    const outside = document.body.appendChild(document.createElement('button'));
    outside.focus();
    const widget = mountPrompt(toast, { vars });
    expect(document.activeElement).toBe(outside);
    expect(widget.focused()).toBeNull();
    const status = widget.$('[role=status]');
    expect(status.textContent).toBe('');
    advance(200);
    expect(status.textContent).toBe('+50 points!');
  });

  it('toast leaves by itself (reason timeout) unless the visitor reaches for it', () => {
    const widget = mountPrompt(toast, { vars });
    advance(TOAST_MS - 1);
    expect(widget.dismissals).toEqual([]);
    advance(1);
    expect(widget.dismissals).toEqual(['timeout']);
    expect(widget.closedByItself).toBe(1);
    expect(widget.root.querySelector('[role=dialog]')).toBeNull();

    const held = mountPrompt(toast, { vars });
    held.$('[role=dialog]').dispatchEvent(new Event('pointerenter'));
    advance(TOAST_MS * 2);
    expect(held.dismissals).toEqual([]);
  });

  it('computes progress from tierProgress, or points and toNextTier', () => {
    expect(tierProgress({ tierProgress: 0.25, points: 1, toNextTier: 1 })).toBe(0.25);
    expect(tierProgress({ tierProgress: 3 })).toBe(1);
    expect(tierProgress({ points: 100, toNextTier: 300 })).toBe(0.25);
    expect(tierProgress({ points: 100 })).toBeUndefined();
    expect(tierProgress({ points: 100, toNextTier: 0 })).toBeUndefined();
    expect(tierProgress({ points: '100', toNextTier: 300 })).toBeUndefined();
  });

  it('offer card: label, description, cost, and a redeem button that asks the controller', () => {
    const widget = mountPrompt(card, { offer, vars: { points: 320 } });
    expect(widget.$('.wm-offer-label').textContent).toBe('$5 off your next order');
    expect(widget.$$('.wm-small').map((line) => line.textContent)).toEqual(['On orders over $20', '200 points']);
    expect(widget.$$('[role=progressbar]')).toHaveLength(0);
    const button = widget.$('.wm-button') as HTMLButtonElement;
    expect(button.textContent).toBe('Redeem');
    widget.click(button);
    expect(widget.redeemed).toEqual(['five-off']);
    expect(widget.$('.wm-thanks').textContent).toBe('Thank you!');
    widget.click('.wm-close'); // after redeeming, closing is not a dismissal
    expect(widget.dismissals).toEqual([]);
    expect(widget.closedByItself).toBe(1);
  });

  it('offer card: custom call to action, disabled without enough points, no auto timeout', () => {
    const widget = mountPrompt({ ...card, content: { title: 'Treat yourself', cta: 'Use {cost}' } }, { offer, vars: { points: 120, cost: 200 }, locale: 'ja' });
    const button = widget.$('.wm-button') as HTMLButtonElement;
    expect(button.textContent).toBe('Use 200');
    expect(button.disabled).toBe(true);
    expect(widget.$$('.wm-small').at(-1)!.textContent).toBe('200 ポイント');
    advance(TOAST_MS * 3);
    expect(widget.dismissals).toEqual([]);
  });

  it('can be shown as a modal when the config asks', () => {
    const widget = mountPrompt({ ...card, presentation: { modal: true } }, { offer });
    expect(widget.$('dialog').getAttribute('aria-modal')).toBe('true');
    expect(widget.focused()).toBe(widget.$('.wm-button'));
  });
});
