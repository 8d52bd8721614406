import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NpsPrompt, Prompt, RatingPrompt } from '../../widgets/contract.js';
import { THANKS_MS } from '../../widgets/shell/frame.js';
import { readableOn } from '../../widgets/shell/theme.js';
import { advance, mountPrompt, press, trigger } from './helpers.js';

const rating = (extra: Partial<RatingPrompt> = {}): RatingPrompt => ({
  id: 'r',
  kind: 'rating',
  scale: 'numeric',
  trigger,
  content: { question: 'Rate us' },
  ...extra,
});
const nps: NpsPrompt = { id: 'n', kind: 'nps', trigger, content: { question: 'Recommend us?', thanks: 'Merci, {name}!' } };

beforeEach(() => void vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

const withPageFocus = () => {
  const button = document.body.appendChild(document.createElement('button'));
  button.textContent = 'page';
  button.focus();
  return button;
};

describe('dismissal', () => {
  it('Escape dismisses with reason escape, stays inside the widget, and gives focus back', () => {
    const page = withPageFocus();
    const pageKeys: string[] = [];
    document.addEventListener('keydown', (event) => pageKeys.push(event.key));
    const widget = mountPrompt(rating());
    expect(widget.focused()).toBe(widget.radios()[0]);
    press(widget, 'Escape');
    expect(widget.dismissals).toEqual(['escape']);
    expect(widget.closedByItself).toBe(1);
    expect(widget.root.querySelector('[role=dialog]')).toBeNull();
    expect(document.activeElement).toBe(page);
    expect(pageKeys).toEqual([]);
  });

  it('the dialog cancel event (Escape, back gesture) is one escape dismissal', () => {
    const widget = mountPrompt(rating());
    const cancel = new Event('cancel', { cancelable: true });
    widget.$('dialog').dispatchEvent(cancel);
    expect(cancel.defaultPrevented).toBe(true);
    expect(widget.dismissals).toEqual(['escape']);
  });

  it('the close button dismisses with reason close and has a localized name', () => {
    const widget = mountPrompt(rating(), { locale: 'it-IT' });
    expect(widget.$('.wm-close').getAttribute('aria-label')).toBe('Chiudi');
    widget.click('.wm-close');
    expect(widget.dismissals).toEqual(['close']);
  });

  it('timeoutSeconds dismisses with reason timeout; any interaction cancels it', () => {
    const idle = mountPrompt(rating({ presentation: { timeoutSeconds: 5 } }));
    advance(4999);
    expect(idle.dismissals).toEqual([]);
    advance(1);
    expect(idle.dismissals).toEqual(['timeout']);

    const busy = mountPrompt(rating({ presentation: { timeoutSeconds: 5, modal: false } }));
    busy.radios()[0]!.focus();
    advance(60_000);
    expect(busy.dismissals).toEqual([]);
  });

  it('host close() removes the widget without reporting a dismissal, flushing a coalesced partial', () => {
    const widget = mountPrompt(rating());
    widget.click(widget.radios()[1]!);
    widget.click(widget.radios()[3]!); // within the coalescing window
    expect(widget.answers).toEqual([[{ score: 2 }, false]]);
    widget.close();
    expect(widget.answers).toEqual([
      [{ score: 2 }, false],
      [{ score: 4 }, false],
    ]);
    expect(widget.dismissals).toEqual([]);
    expect(widget.closedByItself).toBe(0);
    expect(widget.root.querySelector('div')).toBeNull();
  });

  it('the thank-you closes itself after a few seconds, and is not a dismissal', () => {
    const widget = mountPrompt(nps, { vars: { name: 'Ada' } });
    widget.click(widget.radios()[9]!);
    widget.click('.wm-button');
    expect(widget.$('.wm-thanks').textContent).toBe('Merci, Ada!');
    expect(widget.$('[role=dialog]').getAttribute('aria-labelledby')).toBe('h');
    advance(THANKS_MS - 1);
    expect(widget.root.querySelector('.wm-thanks')).not.toBeNull();
    advance(1);
    expect(widget.root.querySelector('.wm-thanks')).toBeNull();
    expect(widget.dismissals).toEqual([]);
    expect(widget.closedByItself).toBe(1);
  });
});

describe('focus', () => {
  it('a modal traps Tab and Shift+Tab inside the dialog', () => {
    const widget = mountPrompt(rating());
    const closeButton = widget.$('.wm-close');
    closeButton.focus();
    press(widget, 'Tab');
    expect(widget.focused()).toBe(widget.radios()[0]);
    press(widget, 'Tab', { shiftKey: true });
    expect(widget.focused()).toBe(closeButton);
  });

  it('a non-modal popover leaves focus on the page and does not trap Tab', () => {
    const page = withPageFocus();
    const widget = mountPrompt(rating({ presentation: { modal: false } }));
    const panel = widget.$('[role=dialog]');
    expect(panel.tagName).toBe('DIV');
    expect(panel.hasAttribute('aria-modal')).toBe(false);
    expect(document.activeElement).toBe(page);
    widget.$('.wm-close').focus();
    press(widget, 'Tab');
    expect(widget.focused()).toBeNull();
  });

  it('a tab prompt takes focus when the visitor opened it, not when a trigger showed it', () => {
    const page = withPageFocus();
    const tab = rating({ presentation: { placement: 'tab', tabLabel: 'Feedback' } });
    const triggered = mountPrompt(tab);
    expect(document.activeElement).toBe(page);
    triggered.close();
    const opened = mountPrompt(tab, { opened: true });
    expect(opened.focused()).toBe(opened.radios()[0]);
  });

  it('a non-modal popover gives focus back only if it had it', () => {
    withPageFocus();
    const other = document.body.appendChild(document.createElement('input'));
    const widget = mountPrompt(rating({ presentation: { modal: false } }));
    other.focus(); // the visitor moved on: closing must not pull focus back
    widget.close();
    expect(document.activeElement).toBe(other);
    const second = mountPrompt(rating({ presentation: { modal: false } }));
    second.radios()[0]!.focus(); // the visitor tabbed into the popover: focus returns where it was
    press(second, 'Escape');
    expect(document.activeElement).toBe(other);
  });
});

describe('layout and theme', () => {
  const panelOf = (prompt: Prompt, extra = {}) => mountPrompt(prompt, extra).$('[role=dialog]');

  it('position: presentation, then theme, then center for modals and bottom-right otherwise', () => {
    expect(panelOf(rating()).classList.contains('center')).toBe(true);
    expect(panelOf(rating({ presentation: { modal: false } })).classList.contains('bottom-right')).toBe(true);
    expect(panelOf(rating(), { theme: { position: 'top-left' } }).classList.contains('top-left')).toBe(true);
    expect(panelOf(rating({ presentation: { position: 'bottom-center' } }), { theme: { position: 'top-left' } }).classList.contains('bottom-center')).toBe(
      true,
    );
  });

  it('theme values become CSS custom properties, with a readable text colour on the accent', () => {
    const panel = panelOf(rating(), {
      theme: { accent: '#ffd400', background: '#101010', text: '#fafafa', radius: 4, font: 'Georgia, serif', colorScheme: 'dark' },
    });
    expect(panel.style.getPropertyValue('--wm-accent')).toBe('#ffd400');
    expect(panel.style.getPropertyValue('--wm-on-accent')).toBe('#111');
    expect(panel.style.getPropertyValue('--wm-background')).toBe('#101010');
    expect(panel.style.getPropertyValue('--wm-text')).toBe('#fafafa');
    expect(panel.style.getPropertyValue('--wm-radius')).toBe('4px');
    expect(panel.style.getPropertyValue('--wm-font')).toBe('Georgia, serif');
    expect(panel.classList.contains('wm-dark')).toBe(true);
    expect(panel.hasAttribute('style') && panel.getAttribute('style')).not.toContain('undefined');
  });

  it('readableOn picks white on dark accents and near-black on light ones', () => {
    expect(['#4f46e5', '#000', '#d00000', '#0b7a3e'].map(readableOn)).toEqual(['#fff', '#fff', '#fff', '#fff']);
    expect(['#fff', '#ffd400', '#a5b4fc', '#7fdbff'].map(readableOn)).toEqual(['#111', '#111', '#111', '#111']);
    expect(readableOn('rebeccapurple')).toBeUndefined();
  });

  it('colorScheme auto follows prefers-color-scheme', () => {
    const matchMedia = vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => ({ matches: query.includes('dark') }) as MediaQueryList);
    expect(panelOf(rating(), { theme: { colorScheme: 'auto' } }).classList.contains('wm-dark')).toBe(true);
    expect(panelOf(rating(), { theme: { colorScheme: 'light' } }).classList.contains('wm-dark')).toBe(false);
    matchMedia.mockRestore();
  });

  it('adopts one constructable stylesheet, removed on close', () => {
    const widget = mountPrompt(rating());
    expect(widget.root.adoptedStyleSheets).toHaveLength(1);
    expect(widget.root.querySelector('style')).toBeNull();
    widget.close();
    expect(widget.root.adoptedStyleSheets).toHaveLength(0);
  });

  it('inline preview: in the page flow, never modal, no timeout', () => {
    const widget = mountPrompt(rating({ presentation: { timeoutSeconds: 1 } }), { options: { inline: true } });
    const panel = widget.$('[role=dialog]');
    expect(panel.classList.contains('wm-inline')).toBe(true);
    expect(panel.hasAttribute('aria-modal')).toBe(false);
    advance(5000);
    expect(widget.dismissals).toEqual([]);
  });
});

describe('locale', () => {
  it('Arabic: right-to-left, Arabic UI strings, and left/right arrows follow the reading direction', () => {
    const widget = mountPrompt(rating({ content: { question: { en: 'Rate us', ar: 'قيّمنا' } } }), { locale: 'ar-EG' });
    const panel = widget.$('[role=dialog]');
    expect(panel.getAttribute('dir')).toBe('rtl');
    expect(panel.getAttribute('lang')).toBe('ar-EG');
    expect(widget.$('#h').textContent).toBe('قيّمنا');
    expect(widget.$('.wm-close').getAttribute('aria-label')).toBe('إغلاق');
    press(widget, 'ArrowLeft');
    expect(widget.focused()).toBe(widget.radios()[1]);
    press(widget, 'ArrowRight');
    expect(widget.focused()).toBe(widget.radios()[0]);
  });

  it.each([
    ['he', 'rtl'],
    ['fa-IR', 'rtl'],
    ['ur', 'rtl'],
    ['en-GB', 'ltr'],
    ['ja-JP', 'ltr'],
  ])('%s is %s', (locale, dir) => {
    expect(mountPrompt(rating(), { locale }).$('[role=dialog]').getAttribute('dir')).toBe(dir);
  });

  it('falls back to the config language for UI strings when the visitor’s is unknown', () => {
    expect(
      mountPrompt(rating({ presentation: { modal: false } }), { locale: 'sv-SE', defaultLocale: 'nl' })
        .$('.wm-close')
        .getAttribute('aria-label'),
    ).toBe('Sluiten');
    expect(mountPrompt(rating(), { locale: 'sv-SE', defaultLocale: 'sv' }).$('.wm-close').getAttribute('aria-label')).toBe('Close');
  });

  it('survives a malformed locale tag', () => {
    expect(mountPrompt({ ...nps, content: { question: '{n} left' } }, { locale: 'not a locale!!', vars: { n: 3 } }).$('#h').textContent).toBe('3 left');
  });
});
