import { afterEach, describe, expect, it } from 'vitest';
import type { RatingPrompt } from '../../widgets/contract.js';
import { ratingMax, wantsFollowUp } from '../../widgets/rating.js';
import { mountPrompt, press, trigger } from './helpers.js';

const rating = (extra: Partial<RatingPrompt> = {}, content: Partial<RatingPrompt['content']> = {}): RatingPrompt => ({
  id: 'rating',
  kind: 'rating',
  trigger,
  ...extra,
  content: { question: 'How did we do?', ...content },
});

afterEach(() => void (document.body.innerHTML = ''));

describe('rating widget', () => {
  it('defaults to five stars named by their number, filling up to the choice', () => {
    const widget = mountPrompt(rating());
    expect(widget.radios().map((star) => star.getAttribute('aria-label'))).toEqual(['1', '2', '3', '4', '5']);
    expect(
      widget
        .radios()
        .map((star) => star.textContent)
        .join(''),
    ).toBe('☆☆☆☆☆');
    widget.click(widget.radios()[2]!);
    expect(
      widget
        .radios()
        .map((star) => star.textContent)
        .join(''),
    ).toBe('★★★☆☆');
    expect(widget.answers).toEqual([[{ score: 3 }, false]]);
  });

  it.each([
    ['stars', 7, 7],
    ['emoji', 3, 3],
    ['numeric', 10, 10],
    ['numeric', 42, 10],
    ['emoji', 1, 3],
    ['thumbs', 5, 2],
  ] as const)('%s with max %i shows %i options', (scale, max, count) => {
    expect(ratingMax(rating({ scale, max }))).toBe(count);
    expect(mountPrompt(rating({ scale, max })).radios()).toHaveLength(count);
  });

  it('shows thumbs down (1) and up (2)', () => {
    const widget = mountPrompt(rating({ scale: 'thumbs' }));
    expect(widget.radios().map((thumb) => thumb.textContent)).toEqual(['👎', '👍']);
    widget.click(widget.radios()[1]!);
    expect(widget.answers).toEqual([[{ score: 2 }, false]]);
  });

  it('spreads emoji faces from unhappy to delighted', () => {
    const faces = mountPrompt(rating({ scale: 'emoji', max: 5 }))
      .radios()
      .map((face) => face.textContent);
    expect(faces).toEqual(['😡', '😞', '😐', '😊', '😍']);
  });

  it('numeric scales read their numbers', () => {
    const widget = mountPrompt(rating({ scale: 'numeric', max: 4 }));
    expect(widget.radios().map((option) => option.textContent)).toEqual(['1', '2', '3', '4']);
  });

  it('labels csat and ces scales by default, and config labels win', () => {
    expect(mountPrompt(rating({ metric: 'csat' })).$('.wm-end-labels').textContent).toBe('Very unsatisfiedVery satisfied');
    expect(mountPrompt(rating({ metric: 'ces', scale: 'numeric', max: 7 }), { locale: 'es' }).$('.wm-end-labels').textContent).toBe('Muy difícilMuy fácil');
    expect(mountPrompt(rating({ metric: 'csat' }, { lowLabel: 'Bad', highLabel: 'Good' })).$('.wm-end-labels').textContent).toBe('BadGood');
    expect(mountPrompt(rating({ metric: 'none' })).$$('.wm-end-labels')).toHaveLength(0);
  });

  it('asks the follow-up only below the threshold', () => {
    const widget = mountPrompt(rating({}, { followUp: { below: 3, question: 'What went wrong?' } }));
    widget.click(widget.radios()[3]!);
    expect(widget.$$('textarea')).toHaveLength(0);
    widget.click(widget.radios()[1]!);
    expect(widget.$('.wm-follow-up-label').textContent).toBe('What went wrong?');
  });

  it('decides follow-ups from below, above, or always', () => {
    expect([1, 2, 3].map((score) => wantsFollowUp({ below: 3, question: 'q' }, score))).toEqual([true, true, false]);
    expect([3, 4, 5].map((score) => wantsFollowUp({ above: 4, question: 'q' }, score))).toEqual([false, false, true]);
    expect([1, 3, 5].map((score) => wantsFollowUp({ below: 2, above: 4, question: 'q' }, score))).toEqual([true, false, true]);
    expect(wantsFollowUp({ question: 'q' }, 5)).toBe(true);
  });

  it('can be completed with the keyboard alone, wrapping and jumping with Home/End', () => {
    const widget = mountPrompt(rating({ scale: 'emoji' }, { followUp: { question: 'Why?' } }));
    expect(widget.focused()).toBe(widget.radios()[0]);
    press(widget, 'ArrowLeft'); // wraps to the last
    expect(widget.focused()).toBe(widget.radios()[4]);
    press(widget, 'Home');
    press(widget, 'ArrowDown');
    press(widget, ' ');
    expect(widget.radios()[1]!.getAttribute('aria-checked')).toBe('true');
    press(widget, 'End');
    press(widget, 'ArrowUp');
    press(widget, 'Tab');
    press(widget, 'Tab');
    press(widget, ' ');
    expect(widget.answers.at(-1)).toEqual([{ score: 4 }, true]);
    expect(widget.$('.wm-thanks')).toBeTruthy();
  });

  it('reports a partial answer when dismissed after a score', () => {
    const widget = mountPrompt(rating());
    widget.click(widget.radios()[4]!);
    widget.click('.wm-close');
    expect(widget.answers).toEqual([[{ score: 5 }, false]]);
    expect(widget.dismissals).toEqual(['close']);
  });
});
