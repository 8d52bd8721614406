import { describe, expect, it } from 'vitest';
import { validateConfig, type ValidationResult } from '../../src/config/validate.js';

type Question = Record<string, unknown>;
const survey = (questions: Question[]) => ({ version: 1, prompts: [{ id: 's', kind: 'survey', trigger: { on: 'signup' }, questions }] });
const errors = (result: ValidationResult) => (result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`));
const nps = (id: string, next?: Record<string, string>): Question => ({ id, type: 'nps', text: 'Recommend us?', ...(next ? { next } : {}) });
const text = (id: string, next?: Record<string, string>): Question => ({ id, type: 'text', text: 'Why?', ...(next ? { next } : {}) });

describe('survey configs', () => {
  it('accepts every question type with branching', () => {
    const result = validateConfig(
      survey([
        nps('score', { '0-6': 'why', '*': 'features' }),
        text('why', { '*': 'end' }),
        {
          id: 'features',
          type: 'multiple',
          text: 'Which?',
          choices: ['Search', { en: 'Checkout', fr: 'Paiement' }],
          other: true,
          shuffle: true,
          next: { Paiement: 'end' },
        },
        { id: 'pick', type: 'single', text: 'One?', choices: ['A', 'B'], required: true },
        { id: 'stars', type: 'rating', scale: 'thumbs', text: 'Helpful?', next: { '1': 'bye' } },
        { id: 'bye', type: 'info', text: 'Done', body: 'Thanks', button: 'Close' },
      ]),
    );
    expect(errors(result)).toEqual([]);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('rejects a branch to an unknown question, by path', () => {
    expect(errors(validateConfig(survey([nps('score', { '0-6': 'wyh' }), text('why')])))).toEqual([
      'prompts[0].questions[0].next.0-6: question "wyh" is not in this survey (or use "end")',
    ]);
  });

  it('rejects keys that can never match the question', () => {
    const result = validateConfig(
      survey([
        nps('score', { '11': 'end', '6-2': 'end', low: 'end' }),
        { id: 'pick', type: 'single', text: 'One?', choices: ['A', 'B'], next: { C: 'end' } },
        { id: 'stars', type: 'rating', scale: 'stars', max: 5, text: 'Rate', next: { '0': 'end' } },
        text('why', { long: 'end' }),
      ]),
    );
    expect(errors(result)).toEqual([
      'prompts[0].questions[0].next.11: "11" is not a score or range within 0–10',
      'prompts[0].questions[0].next.6-2: "6-2" is not a score or range within 0–10',
      'prompts[0].questions[0].next.low: "low" is not a score or range within 0–10',
      'prompts[0].questions[1].next.C: "C" is not one of the choices (use the choice\'s label, or "*")',
      'prompts[0].questions[2].next.0: "0" is not a score or range within 1–5',
      'prompts[0].questions[3].next.long: a text question branches on "*" only',
    ]);
  });

  it('rejects a loop, naming it', () => {
    const result = validateConfig(survey([nps('a'), text('b', { '*': 'c' }), text('c', { '*': 'a' })]));
    expect(errors(result)).toEqual(['prompts[0].questions[2].next.*: goes back to "a": the survey would loop (a > b > c > a)']);
    expect(errors(validateConfig(survey([text('a', { '*': 'a' })])))).toEqual([
      'prompts[0].questions[0].next.*: goes back to "a": the survey would loop (a > a)',
    ]);
  });

  it('rejects duplicate and reserved question ids, and bad shapes by path', () => {
    const result = validateConfig(
      survey([nps('a'), text('a'), text('end'), { id: 'x', type: 'slider', text: 'Q' }, { id: 'y', type: 'text', text: 'Q', maxLength: 0 }]),
    );
    expect(errors(result)).toEqual(
      expect.arrayContaining([
        'prompts[0].questions[1].id: duplicate id "a"',
        'prompts[0].questions[2].id: "end" is reserved: it is where a survey\'s branches finish',
        expect.stringMatching(/^prompts\[0\]\.questions\[3\]\.type: /),
        expect.stringMatching(/^prompts\[0\]\.questions\[4\]\.maxLength: /),
      ]),
    );
    expect(errors(validateConfig(survey([])))).toEqual(['prompts[0].questions: must have at least 1 item']);
  });

  it('warns about a question no answer leads to', () => {
    const result = validateConfig(survey([nps('score', { '*': 'end' }), text('never')]));
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings.map((warning) => `${warning.path}: ${warning.message}`)).toEqual([
      'prompts[0].questions[1]: no answer leads to this question: nobody will see it',
    ]);
  });

  it('a quiz: right answers must be choices, one for a single-choice question', () => {
    const quiz = (questions: Question[]) => ({ version: 1, prompts: [{ id: 'q', kind: 'quiz', trigger: { on: 'x' }, questions }] });
    const ok = { id: 'a', type: 'single', text: 'Q', choices: ['A', { en: 'B', fr: 'Bé' }], correct: ['B'], explanation: 'Because.' };
    expect(errors(validateConfig(quiz([ok, { ...ok, id: 'b', type: 'multiple', correct: ['A', 'B'] }])))).toEqual([]);
    expect(
      errors(
        validateConfig(
          quiz([
            { ...ok, correct: ['C'] },
            { ...ok, id: 'b', correct: ['A', 'B'] },
            { ...ok, id: 'a' },
          ]),
        ),
      ),
    ).toEqual([
      'prompts[0].questions[2].id: duplicate id "a"',
      'prompts[0].questions[0].correct[0]: "C" is not one of the choices',
      'prompts[0].questions[1].correct: a single-choice question has exactly one right answer',
    ]);
  });
});
