import { describe, expect, it } from 'vitest';
import { validateConfig, type ValidationResult } from '../../src/config/validate.js';

const poll = (content: Record<string, unknown>, defaultLocale?: string) => ({
  version: 1,
  ...(defaultLocale ? { defaultLocale } : {}),
  prompts: [{ id: 'p', kind: 'poll', trigger: { on: '$page_view' }, content: { question: 'Which next?', ...content } }],
});
const errors = (result: ValidationResult) => (result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`));

describe('poll configs', () => {
  it('accepts single and multiple choice, shuffled, with or without results', () => {
    expect(errors(validateConfig(poll({ choices: ['A', { en: 'B', fr: 'Bé' }], shuffle: true, thanks: 'Thanks!' })))).toEqual([]);
    expect(errors(validateConfig(poll({ choices: ['A', 'B', 'C'], multiple: true, results: false })))).toEqual([]);
  });

  it('needs two choices at least and a question', () => {
    expect(errors(validateConfig(poll({ choices: ['Only'] })))).toEqual(['prompts[0].content.choices: must have at least 2 items']);
    const result = validateConfig({ version: 1, prompts: [{ id: 'p', kind: 'poll', trigger: { on: 'x' }, content: { choices: ['A', 'B'] } }] });
    expect(errors(result)[0]).toMatch(/^prompts\[0\]\.content\.question: /);
  });

  it('rejects two choices with one label in the default locale, where its votes would be counted', () => {
    expect(errors(validateConfig(poll({ choices: ['Hazelnut', 'Caramel', { en: 'Hazelnut', fr: 'Noisette' }] })))).toEqual([
      'prompts[0].content.choices[2]: "Hazelnut" is listed twice',
    ]);
    // In French by default, "Noisette" and "Hazelnut" are different labels.
    expect(errors(validateConfig(poll({ choices: ['Hazelnut', { en: 'Hazelnut', fr: 'Noisette' }] }, 'fr')))).toEqual([]);
  });

  it('rejects keys a poll does not take, with a suggestion', () => {
    expect(errors(validateConfig(poll({ choices: ['A', 'B'], mutliple: true })))[0]).toMatch(/^prompts\[0\]\.content\.mutliple: .*multiple/);
  });
});
