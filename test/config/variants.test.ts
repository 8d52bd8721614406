import { describe, expect, it } from 'vitest';
import { validateConfig, type ValidationResult } from '../../src/config/validate.js';

const errors = (result: ValidationResult) => (result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`));
const withPrompt = (prompt: Record<string, unknown>) => ({ version: 1, prompts: [{ id: 'p', trigger: { on: 'x' }, ...prompt }] });
const nps = (variants: unknown) => withPrompt({ kind: 'nps', content: { question: 'Recommend us?' }, variants });
const survey = (variants: unknown) => withPrompt({ kind: 'survey', questions: [{ id: 'score', type: 'nps', text: 'Recommend us?' }], variants });

describe('prompt variants', () => {
  it('accept content overrides on any kind, and questions on surveys and quizzes, with weights', () => {
    expect(
      errors(
        validateConfig(nps([{ id: 'plain' }, { id: 'warm', weight: 3, content: { question: { en: 'Would you tell a friend?', fr: 'En parleriez-vous ?' } } }])),
      ),
    ).toEqual([]);
    const questions = [
      { id: 'score', type: 'nps', text: 'Recommend us?', next: { '0-6': 'why' } },
      { id: 'why', type: 'text', text: 'Why?' },
    ];
    expect(errors(validateConfig(survey([{ id: 'short' }, { id: 'long', content: { title: 'Two minutes?' }, questions }])))).toEqual([]);
  });

  it('reject a content key the kind does not have, with a suggestion, at the variant’s path', () => {
    expect(errors(validateConfig(nps([{ id: 'a' }, { id: 'b', content: { questoin: 'Hi?' } }])))[0]).toMatch(
      /^prompts\[0\]\.variants\[1\]\.content\.questoin: .*question/,
    );
  });

  it('reject questions on a kind without them, duplicate ids, a lone variant and a weight of 0', () => {
    expect(errors(validateConfig(nps([{ id: 'a' }, { id: 'b', questions: [] }])))[0]).toMatch(/^prompts\[0\]\.variants\[1\]\.questions: /);
    expect(errors(validateConfig(nps([{ id: 'a' }, { id: 'a' }])))).toEqual(['prompts[0].variants[1].id: duplicate id "a"']);
    expect(errors(validateConfig(nps([{ id: 'a' }])))).toEqual(['prompts[0].variants: must have at least 2 items']);
    expect(errors(validateConfig(nps([{ id: 'a', weight: 0 }, { id: 'b' }])))[0]).toMatch(/^prompts\[0\]\.variants\[0\]\.weight: /);
  });

  it('check a variant’s own questions as the survey’s: its branches, at its path', () => {
    const looping = [
      { id: 'a', type: 'text', text: 'A?', next: { '*': 'b' } },
      { id: 'b', type: 'text', text: 'B?', next: { '*': 'a' } },
    ];
    expect(errors(validateConfig(survey([{ id: 'x' }, { id: 'y', questions: looping }])))).toEqual([
      expect.stringMatching(/^prompts\[0\]\.variants\[1\]\.questions\[1\]\.next\.\*: .*loop/),
    ]);
  });
});
