import { afterEach, describe, expect, it } from 'vitest';
import * as surveyChunk from '../../widgets/survey/index.js';
import { mountPrompt, press, type } from './helpers.js';
import { onboardingSurvey } from './survey-fixture.js';

afterEach(() => void (document.body.innerHTML = ''));

const mountSurvey = (prompt = onboardingSurvey()) => mountPrompt(prompt, { options: { kind: surveyChunk } });
const buttons = (widget: ReturnType<typeof mountSurvey>) => widget.$$('.wm-button');
const next = (widget: ReturnType<typeof mountSurvey>) => widget.click(buttons(widget).at(-1)!);

describe('survey widget', () => {
  it('asks one question at a time and reports each answer with its question as the visitor moves on', () => {
    const widget = mountSurvey();
    expect(widget.$('#h').textContent).toBe('How likely are you to recommend us?');
    expect(widget.root.textContent).toContain('1 of 3');
    // Required: Next stays disabled until a score is chosen.
    expect((buttons(widget).at(-1) as HTMLButtonElement).disabled).toBe(true);
    widget.click(widget.radios()[9]!);
    expect(widget.answers).toEqual([]);
    next(widget);
    expect(widget.answers).toEqual([[{ score: 9, questionId: 'score' }, false]]);
    expect(widget.$('#h').textContent).toBe('Which do you use?');
    expect(widget.focused()).toBe(widget.$('#h'));
    expect(widget.root.textContent).toContain('2 of 3');
    widget.click(widget.radios()[2]!);
    widget.click(widget.radios()[0]!);
    next(widget);
    expect(widget.answers.at(-1)).toEqual([{ choices: ['Search', 'Wishlist'], questionId: 'features' }, false]);
    widget.click(widget.radios()[3]!);
    expect(buttons(widget).at(-1)!.textContent).toBe('Submit');
    next(widget);
    expect(widget.answers.at(-1)).toEqual([{ score: 4, questionId: 'stars' }, true]);
    expect(widget.answers.filter(([, complete]) => complete)).toHaveLength(1);
    expect(widget.$('.wm-thanks').textContent).toBe('Thanks for helping!');
  });

  it('branches on the score: a detractor explains and the survey ends there', () => {
    const widget = mountSurvey();
    widget.click(widget.radios()[3]!);
    next(widget);
    expect(widget.$('#h').textContent).toBe('What went wrong?');
    expect(widget.$('textarea').getAttribute('maxlength')).toBe('200');
    widget.$('textarea').focus();
    type(widget, '  Too slow  ');
    expect(buttons(widget).at(-1)!.textContent).toBe('Submit');
    next(widget);
    expect(widget.answers).toEqual([
      [{ score: 3, questionId: 'score' }, false],
      [{ comment: 'Too slow', questionId: 'why' }, true],
    ]);
  });

  it('Back returns along the path taken, keeps the answer, and a changed answer takes the other branch', () => {
    const widget = mountSurvey();
    widget.click(widget.radios()[2]!);
    next(widget);
    expect(widget.$('#h').textContent).toBe('What went wrong?');
    widget.click(buttons(widget)[0]!);
    expect(widget.$('#h').textContent).toBe('How likely are you to recommend us?');
    expect(widget.radios()[2]!.getAttribute('aria-checked')).toBe('true');
    widget.click(widget.radios()[10]!);
    next(widget);
    expect(widget.$('#h').textContent).toBe('Which do you use?');
    expect(widget.answers.map(([answer]) => answer)).toEqual([
      { score: 2, questionId: 'score' },
      { score: 10, questionId: 'score' },
    ]);
  });

  it('a question that is not required can be skipped: nothing is reported for it, and skipping the last completes', () => {
    const widget = mountSurvey();
    widget.click(widget.radios()[8]!);
    next(widget);
    next(widget);
    expect(widget.$('#h').textContent).toBe('How was checkout?');
    next(widget);
    expect(widget.answers).toEqual([
      [{ score: 8, questionId: 'score' }, false],
      [{ questionId: 'stars' }, true],
    ]);
  });

  it('"Other" takes a text, and counts only once something is typed', () => {
    const widget = mountSurvey();
    widget.click(widget.radios()[9]!);
    next(widget);
    widget.click(widget.radios()[3]!);
    expect(widget.radios()[3]!.textContent).toBe('Other');
    widget.$('input').focus();
    type(widget, 'Gift cards');
    next(widget);
    expect(widget.answers.at(-1)).toEqual([{ choices: [], other: 'Gift cards', questionId: 'features' }, false]);
  });

  it('shuffles choices when asked, keeping "Other" last', () => {
    const prompt = onboardingSurvey();
    const features = prompt.questions[2]!;
    if (features.type === 'multiple') {
      features.choices = Array.from({ length: 12 }, (_, index) => `Choice ${index}`);
      features.shuffle = true;
    }
    const orders = new Set<string>();
    for (let attempt = 0; attempt < 5; attempt++) {
      const widget = mountSurvey(prompt);
      widget.click(widget.radios()[9]!);
      next(widget);
      const labels = widget.radios().map((option) => option.textContent);
      expect(labels.at(-1)).toBe('Other');
      expect([...labels.slice(0, -1)].sort()).toEqual([...(features.type === 'multiple' ? features.choices : [])].map(String).sort());
      orders.add(labels.join());
      widget.close();
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('an info question shows its statement and its button ends the survey', () => {
    const widget = mountSurvey(
      onboardingSurvey({ questions: [{ id: 'hello', type: 'info', text: 'We changed checkout', body: 'It takes one step now.', button: 'Got it' }] }),
    );
    expect(widget.root.textContent).toContain('It takes one step now.');
    expect(buttons(widget).at(-1)!.textContent).toBe('Got it');
    next(widget);
    expect(widget.answers).toEqual([[{ questionId: 'hello' }, true]]);
  });

  it('is completed with the keyboard alone', () => {
    const widget = mountSurvey();
    widget.radios()[0]!.focus();
    press(widget, 'End'); // 10
    press(widget, 'Tab');
    expect(widget.focused()).toBe(buttons(widget).at(-1));
    press(widget, 'Enter');
    expect(widget.focused()).toBe(widget.$('#h'));
    press(widget, 'Tab');
    press(widget, ' ');
    expect(widget.radios()[0]!.getAttribute('aria-checked')).toBe('true');
    expect(widget.answers).toEqual([[{ score: 10, questionId: 'score' }, false]]);
  });

  it('resumes where a reload left it, Back included, and reports its progress as the visitor moves', () => {
    const progress: unknown[] = [];
    const widget = mountPrompt(onboardingSurvey(), {
      options: { kind: surveyChunk },
      resume: { path: ['score', 'features'], answers: { score: { score: 8 }, features: { choices: ['Checkout'] } } },
      onProgress: (value) => progress.push(value),
    });
    expect(widget.$('#h').textContent).toBe('Which do you use?');
    expect(widget.radios()[1]!.getAttribute('aria-checked')).toBe('true');
    widget.click(buttons(widget)[0]!);
    expect(widget.$('#h').textContent).toBe('How likely are you to recommend us?');
    expect(widget.radios()[8]!.getAttribute('aria-checked')).toBe('true');
    expect(progress.at(-1)).toEqual({ path: ['score'], answers: { score: { score: 8 }, features: { choices: ['Checkout'] } } });
  });

  it('starts afresh when the saved path names a question the survey no longer has', () => {
    const widget = mountPrompt(onboardingSurvey(), { options: { kind: surveyChunk }, resume: { path: ['score', 'removed'], answers: {} } });
    expect(widget.$('#h').textContent).toBe('How likely are you to recommend us?');
  });

  it('Escape dismisses it', () => {
    const widget = mountSurvey();
    widget.radios()[0]!.focus();
    press(widget, 'Escape');
    expect(widget.dismissals).toEqual(['escape']);
  });
});
