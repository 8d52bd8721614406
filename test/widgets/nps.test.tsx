import { afterEach, describe, expect, it } from 'vitest';
import type { NpsPrompt } from '../../widgets/contract.js';
import { mountPrompt, press, trigger, type } from './helpers.js';

const nps = (content: Partial<NpsPrompt['content']> = {}): NpsPrompt => ({
  id: 'nps',
  kind: 'nps',
  trigger,
  content: {
    question: 'How likely are you to recommend us?',
    followUp: { detractor: 'What went wrong?', passive: 'What would make it a 10?', promoter: 'What do you love?' },
    ...content,
  },
});

afterEach(() => void (document.body.innerHTML = ''));

describe('nps widget', () => {
  it('renders a labelled modal dialog with a 0–10 radio group and end labels', () => {
    const widget = mountPrompt(nps({ lowLabel: 'Not likely', highLabel: 'Very likely' }));
    const dialog = widget.$('[role=dialog]');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(widget.$(`#${dialog.getAttribute('aria-labelledby')}`).textContent).toBe('How likely are you to recommend us?');
    const group = widget.$('[role=radiogroup]');
    expect(group.getAttribute('aria-labelledby')).toBe('h');
    expect(widget.radios().map((radio) => radio.textContent)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(widget.radios().every((radio) => radio.getAttribute('aria-checked') === 'false')).toBe(true);
    expect(widget.$(`#${group.getAttribute('aria-describedby')}`).textContent).toBe('Not likelyVery likely');
    expect(widget.$$('textarea')).toHaveLength(0);
  });

  it('uses the built-in end labels when the config has none', () => {
    const widget = mountPrompt(nps(), { locale: 'de-AT' });
    expect(widget.$('.wm-end-labels').textContent).toBe('Sehr unwahrscheinlichSehr wahrscheinlich');
  });

  it('counts the score at once, then completes it with the follow-up under the same display', () => {
    const widget = mountPrompt(nps());
    widget.click(widget.radios()[3]!);
    expect(widget.answers).toEqual([[{ score: 3 }, false]]);
    expect(widget.radios()[3]!.getAttribute('aria-checked')).toBe('true');
    expect(widget.$('label[for=c]').textContent).toBe('What went wrong?');
    const field = widget.$('textarea') as HTMLTextAreaElement;
    field.focus();
    type(widget, '  too slow  ');
    widget.click('.wm-button');
    expect(widget.answers).toEqual([
      [{ score: 3 }, false],
      [{ score: 3, comment: 'too slow' }, true],
    ]);
    expect(widget.$('.wm-thanks').textContent).toBe('Thank you!');
    expect(widget.dismissals).toEqual([]);
  });

  it.each([
    [0, 'What went wrong?'],
    [6, 'What went wrong?'],
    [7, 'What would make it a 10?'],
    [8, 'What would make it a 10?'],
    [9, 'What do you love?'],
    [10, 'What do you love?'],
  ])('asks the band follow-up for %i', (score, question) => {
    const widget = mountPrompt(nps());
    widget.click(widget.radios()[score]!);
    expect(widget.$('.wm-follow-up-label').textContent).toBe(question);
  });

  it('shows only Submit when the band has no follow-up, and completes without a comment', () => {
    const widget = mountPrompt(nps({ followUp: { detractor: 'Why?' } }));
    widget.click(widget.radios()[10]!);
    expect(widget.$$('textarea')).toHaveLength(0);
    widget.click('.wm-button');
    expect(widget.answers.at(-1)).toEqual([{ score: 10 }, true]);
  });

  it('can be completed with the keyboard alone', () => {
    const widget = mountPrompt(nps());
    // A modal takes focus: the first radio, the group's one tab stop.
    expect(widget.focused()).toBe(widget.radios()[0]);
    for (let step = 0; step < 9; step++) press(widget, 'ArrowRight');
    expect(widget.focused()).toBe(widget.radios()[9]);
    expect(widget.radios()[9]!.getAttribute('aria-checked')).toBe('true');
    expect(widget.radios().filter((radio) => radio.tabIndex === 0)).toEqual([widget.radios()[9]]);
    press(widget, 'Tab');
    expect(widget.focused()?.tagName).toBe('TEXTAREA');
    type(widget, 'Fast delivery');
    press(widget, 'Tab');
    expect(widget.focused()?.textContent).toBe('Submit');
    press(widget, 'Enter');
    expect(widget.answers[0]).toEqual([{ score: 1 }, false]);
    expect(widget.answers.at(-1)).toEqual([{ score: 9, comment: 'Fast delivery' }, true]);
    // The thank-you holds focus so it is read out and focus is not lost to the page.
    expect(widget.focused()?.className).toBe('wm-thanks');
  });

  it('renders config text as text, never as markup', () => {
    const widget = mountPrompt(nps({ question: '<img src=x onerror="window.__pwned=1">', lowLabel: '<b>low</b>' }));
    expect(widget.$('#h').textContent).toBe('<img src=x onerror="window.__pwned=1">');
    expect(widget.$$('img, b')).toHaveLength(0);
  });
});
