import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '../../src/config/schema.js';
import { nextQuestion, remainingSteps } from '../../widgets/survey/flow.js';

const questions: SurveyQuestion[] = [
  { id: 'score', type: 'nps', text: 'Q', next: { '0-6': 'why', '9': 'end', '*': 'features' } },
  { id: 'why', type: 'text', text: 'Q', next: { '*': 'end' } },
  { id: 'features', type: 'multiple', text: 'Q', choices: ['Search', 'Checkout', 'Wishlist'], next: { Wishlist: 'why', Checkout: 'end' } },
  { id: 'stars', type: 'rating', text: 'Q' },
];

describe('survey branching', () => {
  it('takes the first key the answer matches: a score, a range, else "*"', () => {
    expect(nextQuestion(questions, 0, { score: 0 })).toBe('why');
    expect(nextQuestion(questions, 0, { score: 6 })).toBe('why');
    expect(nextQuestion(questions, 0, { score: 9 })).toBe('end');
    expect(nextQuestion(questions, 0, { score: 7 })).toBe('features');
    expect(nextQuestion(questions, 0, undefined)).toBe('features');
  });

  it('for several choices, the first chosen in config order that has a key; else the next question', () => {
    // Answers list choices in config order (the widget reports them so).
    expect(nextQuestion(questions, 2, { choices: ['Checkout', 'Wishlist'] })).toBe('end');
    expect(nextQuestion(questions, 2, { choices: ['Wishlist'] })).toBe('why');
    expect(nextQuestion(questions, 2, { choices: ['Search'] })).toBe('stars');
    expect(nextQuestion(questions, 3, { score: 5 })).toBe('end');
  });

  it('counts the questions still ahead on the default path', () => {
    expect(remainingSteps(questions, 'features')).toBe(2);
    expect(remainingSteps(questions, 'why')).toBe(1);
    expect(remainingSteps(questions, 'end')).toBe(0);
  });
});
