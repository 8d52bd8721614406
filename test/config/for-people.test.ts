import { describe, expect, it } from 'vitest';
import { validateConfig, type ValidationResult } from '../../src/config/validate.js';
import { closest, editDistance } from '../../src/config/suggest.js';

const nps = (extra: object = {}) => ({ id: 'n', kind: 'nps', trigger: { on: 'purchase' }, content: { question: 'Q?' }, ...extra });
const errors = (result: ValidationResult) => (result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`));
const warnings = (result: ValidationResult) => result.warnings.map((warning) => `${warning.path}: ${warning.message}`);

describe('validateConfig reports every problem of a prompt', () => {
  it('an unknown kind does not hide the prompt’s other problems', () => {
    const result = validateConfig({
      version: 1,
      prompts: [{ id: '', kind: 'carousel', sample: 3, trigger: { delaySeconds: -1 }, colour: 'red', content: { question: 'Q?' } }],
    });
    expect(errors(result)).toEqual([
      'prompts[0].kind: expected one of "nps", "rating", "exit", "reward"',
      'prompts[0].id: must have at least 1 character',
      'prompts[0].trigger.on: required string is missing',
      'prompts[0].trigger.delaySeconds: must be ≥ 0',
      'prompts[0].sample: must be ≤ 1',
      'prompts[0].colour: unknown key "colour"',
    ]);
  });

  it('a missing kind does not hide them either', () => {
    const result = validateConfig({ version: 1, prompts: [{ id: 'p', trigger: { on: 'x' }, sample: -1, content: {} }] });
    expect(errors(result)).toEqual(['prompts[0].kind: expected one of "nps", "rating", "exit", "reward"', 'prompts[0].sample: must be ≥ 0']);
  });

  it('a kind one typo away is named, and the prompt checked as that kind, content included', () => {
    const result = validateConfig({ version: 1, prompts: [{ ...nps({ kind: 'ratng', scale: 'star' }), content: { questoin: 'Q?' } }] });
    expect(errors(result)).toEqual([
      'prompts[0].kind: expected one of "nps", "rating", "exit", "reward"; did you mean "rating"?',
      'prompts[0].scale: expected "stars" or "thumbs" or "emoji" or "numeric"; did you mean "stars"?',
      'prompts[0].content.question: required value is missing',
      'prompts[0].content.questoin: unknown key "questoin"; did you mean "question"?',
    ]);
  });
});

describe('validateConfig says what was probably meant', () => {
  it('suggests the closest key allowed where an unknown key stands', () => {
    const result = validateConfig({
      version: 1,
      limits: { maxPerSesion: 1 },
      prompts: [nps({ frequncy: { once: true }, if: { all: [{ points: { gtee: 1 } }, { points: { greaterThan: 1 } }] } })],
      rewards: { rules: [{ id: 'r', on: 'x', points: { every: 10, off: 'amount', award: 1 } }] },
    });
    expect(errors(result)).toEqual([
      'prompts[0].if.all[0].points.gtee: unknown key "gtee"; did you mean "gte"?',
      'prompts[0].if.all[1].points.greaterThan: unknown key "greaterThan"',
      'prompts[0].frequncy: unknown key "frequncy"; did you mean "frequency"?',
      'rewards.rules[0].points.of: required string is missing',
      'rewards.rules[0].points.off: unknown key "off"; did you mean "of"?',
      'limits.maxPerSesion: unknown key "maxPerSesion"; did you mean "maxPerSession"?',
    ]);
  });

  it('suggests a key of the prompt’s own kind only', () => {
    // `scale` is a rating key: an NPS prompt gets no suggestion of it for `scal`.
    expect(errors(validateConfig({ version: 1, prompts: [nps({ scal: 'stars' })] }))).toEqual(['prompts[0].scal: unknown key "scal"']);
    const rating = { ...nps({ kind: 'rating', scal: 'stars' }) };
    expect(errors(validateConfig({ version: 1, prompts: [rating] }))).toEqual(['prompts[0].scal: unknown key "scal"; did you mean "scale"?']);
  });

  it('suggests the closest allowed value', () => {
    const result = validateConfig({ version: 1, theme: { position: 'centre', colorScheme: 'drak' }, rewards: { authority: 'sever' } });
    expect(errors(result)).toEqual([
      'rewards.authority: expected "client" or "server"; did you mean "server"?',
      'theme.position: expected "bottom-right" or "bottom-left" or "top-right" or "top-left" or "bottom-center" or "center"; did you mean "center"?',
      'theme.colorScheme: expected "light" or "dark" or "auto"; did you mean "dark"?',
    ]);
  });
});

describe('validateConfig warns about events that never fire', () => {
  it('warns, without rejecting, on a trigger for `exit_intent` without its `$`', () => {
    const result = validateConfig({ version: 1, prompts: [nps({ trigger: { on: 'exit_intent' } })] });
    expect(result.ok).toBe(true);
    expect(warnings(result)).toEqual(['prompts[0].trigger.on: "exit_intent" fires only when the page tracks it itself; Waymark records "$exit_intent"']);
  });

  it('warns on `$` names Waymark does not record, with the closest one, in conditions and rules too', () => {
    const result = validateConfig({
      version: 1,
      stages: [{ id: 's', when: { any: [{ event: 'purchase' }, { not: { event: '$pageview' } }] } }],
      prompts: [nps({ trigger: { on: '$exit-intent' }, if: { event: 'PageView' } })],
      rewards: { rules: [{ id: 'r', on: '$signup', points: 1 }] },
    });
    expect(result.ok).toBe(true);
    expect(warnings(result)).toEqual([
      'stages[0].when.any[1].not.event: "$pageview" is not an event Waymark records, and the page cannot track names starting with "$", so this never fires; did you mean "$page_view"?',
      'prompts[0].trigger.on: "$exit-intent" is not an event Waymark records, and the page cannot track names starting with "$", so this never fires; did you mean "$exit_intent"?',
      'prompts[0].if.event: "PageView" fires only when the page tracks it itself; Waymark records "$page_view"',
      'rewards.rules[0].on: "$signup" is not an event Waymark records, and the page cannot track names starting with "$", so this never fires',
    ]);
  });

  it('has no warning for Waymark’s own events or the page’s', () => {
    const result = validateConfig({
      version: 1,
      prompts: [nps({ trigger: { on: '$exit_intent' }, if: { event: '$page_view' } }), nps({ id: 'm', trigger: { on: 'purchase' } })],
    });
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('validateConfig inside a union', () => {
  it('reports the problems of the form that fits, not just "no form matches"', () => {
    const result = validateConfig({ version: 1, prompts: [nps({ content: { question: { en: 'Q?', fr: 5 } } }), nps({ id: 'm', content: { question: 5 } })] });
    expect(errors(result)).toEqual([
      'prompts[0].content.question.fr: expected string, got number',
      'prompts[1].content.question: does not match any allowed form',
    ]);
  });
});

describe('validateConfig on JSON text', () => {
  it('accepts a byte-order mark, as a browser’s fetch().text() drops it', () => {
    const result = validateConfig('\uFEFF{ "version": 1 }');
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

describe('closest', () => {
  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('questoin', 'question')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests only what is close for the word’s length, ignoring case', () => {
    expect(closest('NPS', ['nps', 'exit'])).toBe('nps');
    expect(closest('eq', ['gt', 'lt'])).toBeUndefined();
    expect(closest('eg', ['eq', 'gt'])).toBe('eq');
    expect(closest('carousel', ['nps', 'rating', 'exit', 'reward'])).toBeUndefined();
  });
});
