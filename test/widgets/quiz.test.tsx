import { afterEach, describe, expect, it } from 'vitest';
import type { QuizPrompt } from '../../widgets/contract.js';
import * as surveyChunk from '../../widgets/survey/index.js';
import { mountPrompt, trigger } from './helpers.js';

afterEach(() => void (document.body.innerHTML = ''));

const quiz = (): QuizPrompt => ({
  id: 'coffee-quiz',
  kind: 'quiz',
  trigger,
  content: { title: 'Coffee quiz', thanks: 'See you at the bar!' },
  questions: [
    {
      id: 'origin',
      type: 'single',
      text: 'Where was coffee first drunk?',
      choices: ['Brazil', { en: 'Ethiopia', fr: 'Éthiopie' }],
      correct: ['Ethiopia'],
      explanation: 'Legend says a goatherd noticed.',
    },
    { id: 'brews', type: 'multiple', text: 'Which are espresso drinks?', choices: ['Latte', 'Cold brew', 'Cortado'], correct: ['Latte', 'Cortado'] },
  ],
});
const mountQuiz = (locale = 'en') => mountPrompt(quiz(), { options: { kind: surveyChunk }, locale });
const button = (widget: ReturnType<typeof mountQuiz>) => widget.$$('.wm-button').at(-1)!;

describe('quiz widget', () => {
  it('checks each answer, says whether it was right and why, and ends with the score', () => {
    const widget = mountQuiz();
    expect(button(widget).textContent).toBe('Check');
    expect((button(widget) as HTMLButtonElement).disabled).toBe(true);
    widget.click(widget.radios()[0]!);
    widget.click(button(widget));
    expect(widget.$('[role=status]').textContent).toContain('Not quite. The answer: Ethiopia');
    expect(widget.$('[role=status]').textContent).toContain('Legend says a goatherd noticed.');
    expect(widget.answers).toEqual([[{ choices: ['Brazil'], questionId: 'origin' }, false]]);
    // Checked: the choice can no longer change.
    widget.click(widget.radios()[1]!);
    expect(widget.radios()[0]!.getAttribute('aria-checked')).toBe('true');
    widget.click(button(widget));
    expect(widget.$('#h').textContent).toBe('Which are espresso drinks?');
    widget.click(widget.radios()[2]!);
    widget.click(widget.radios()[0]!);
    widget.click(button(widget));
    expect(widget.$('[role=status]').textContent).toContain('Correct!');
    expect(widget.$('[role=status]').textContent).toContain('1 of 2 right');
    expect(widget.answers.at(-1)).toEqual([{ choices: ['Latte', 'Cortado'], questionId: 'brews' }, true]);
    expect(button(widget).textContent).toBe('Submit');
    widget.click(button(widget));
    expect(widget.$('.wm-thanks').textContent).toBe('See you at the bar!');
  });

  it('names the right answer in the visitor’s language', () => {
    const widget = mountQuiz('fr');
    widget.click(widget.radios()[0]!);
    widget.click(button(widget));
    expect(widget.$('[role=status]').textContent).toContain('La réponse : Éthiopie');
  });
});
