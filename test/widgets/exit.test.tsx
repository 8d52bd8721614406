import { afterEach, describe, expect, it } from 'vitest';
import type { ExitPrompt } from '../../widgets/contract.js';
import { mountPrompt, press, trigger, type } from './helpers.js';

const exit = (content: Partial<ExitPrompt['content']> = {}): ExitPrompt => ({
  id: 'exit',
  kind: 'exit',
  trigger,
  content: { question: 'What stopped you today?', choices: ['Price', 'Shipping cost', 'Just browsing'], ...content },
});

afterEach(() => void (document.body.innerHTML = ''));

describe('exit survey widget', () => {
  it('single choice: a radio group; Submit is disabled until a choice is made', () => {
    const widget = mountPrompt(exit());
    expect(widget.$('[role=radiogroup]').getAttribute('aria-labelledby')).toBe('h');
    expect(widget.radios().map((choice) => choice.textContent)).toEqual(['Price', 'Shipping cost', 'Just browsing']);
    expect((widget.$('.wm-button') as HTMLButtonElement).disabled).toBe(true);
    widget.click(widget.radios()[1]!);
    widget.click(widget.radios()[0]!);
    expect(widget.radios().map((choice) => choice.getAttribute('aria-checked'))).toEqual(['true', 'false', 'false']);
    widget.click('.wm-button');
    expect(widget.answers[0]).toEqual([{ choices: ['Shipping cost'] }, false]);
    expect(widget.answers.at(-1)).toEqual([{ choices: ['Price'] }, true]);
    expect(widget.$('.wm-thanks')).toBeTruthy();
  });

  it('multiple choice: checkboxes that are each a tab stop and toggle', () => {
    const widget = mountPrompt(exit({ multiple: true }));
    expect(widget.$('[role=group]')).toBeTruthy();
    expect(widget.radios().every((box) => box.getAttribute('role') === 'checkbox' && box.tabIndex === 0)).toBe(true);
    widget.click(widget.radios()[2]!);
    widget.click(widget.radios()[0]!);
    widget.click(widget.radios()[2]!);
    widget.click(widget.radios()[1]!);
    widget.click('.wm-button');
    expect(widget.answers.at(-1)).toEqual([{ choices: ['Price', 'Shipping cost'] }, true]);
  });

  it('"Other" reveals a labelled text field and reports its text', () => {
    const widget = mountPrompt(exit({ allowOther: true, placeholder: 'Tell us' }));
    expect(widget.radios().at(-1)!.textContent).toBe('Other');
    expect(widget.$$('input')).toHaveLength(0);
    widget.click(widget.radios().at(-1)!);
    const field = widget.$('input') as HTMLInputElement;
    expect(field.getAttribute('aria-label')).toBe('Other');
    expect(field.placeholder).toBe('Tell us');
    field.focus();
    type(widget, ' No PayPal ');
    widget.click('.wm-button');
    expect(widget.answers[0]).toEqual([{ choices: [], other: '' }, false]);
    expect(widget.answers.at(-1)).toEqual([{ choices: [], other: 'No PayPal' }, true]);
  });

  it('reports choices in the default locale while showing the visitor’s', () => {
    const widget = mountPrompt(
      exit({
        choices: [
          { en: 'Price', fr: 'Prix' },
          { en: 'Delivery', fr: 'Livraison' },
        ],
      }),
      { locale: 'fr-FR' },
    );
    expect(widget.radios().map((choice) => choice.textContent)).toEqual(['Prix', 'Livraison']);
    widget.click(widget.radios()[1]!);
    expect(widget.answers[0]).toEqual([{ choices: ['Delivery'] }, false]);
    expect(widget.$('.wm-button').textContent).toBe('Envoyer');
  });

  it('can be completed with the keyboard alone, with "Other" text', () => {
    const widget = mountPrompt(exit({ allowOther: true }));
    expect(widget.focused()).toBe(widget.radios()[0]);
    press(widget, 'ArrowUp'); // wraps to "Other"
    expect(widget.radios()[3]!.getAttribute('aria-checked')).toBe('true');
    press(widget, 'Tab');
    expect(widget.focused()?.tagName).toBe('INPUT');
    type(widget, 'Too slow');
    press(widget, 'Tab');
    press(widget, 'Enter');
    expect(widget.answers.at(-1)).toEqual([{ choices: [], other: 'Too slow' }, true]);
  });

  it('multiple choice with the keyboard: Tab between boxes, Space toggles', () => {
    const widget = mountPrompt(exit({ multiple: true }));
    press(widget, ' ');
    press(widget, 'Tab');
    press(widget, 'Tab');
    press(widget, ' ');
    press(widget, 'Tab');
    press(widget, 'Enter');
    expect(widget.answers.at(-1)).toEqual([{ choices: ['Price', 'Just browsing'] }, true]);
  });
});
