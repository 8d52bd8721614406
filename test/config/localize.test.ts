import { describe, expect, it } from 'vitest';
import { languageOf, localize } from '../../src/config/localize.js';

describe('localized config text', () => {
  it('resolves config text: exact locale, language, default locale, first entry', () => {
    const text = { 'fr-CA': 'Allô', fr: 'Bonjour', en: 'Hello', de: 'Hallo' };
    expect(localize(text, 'fr-CA', 'en')).toBe('Allô');
    expect(localize(text, 'fr-FR', 'en')).toBe('Bonjour');
    expect(localize(text, 'es', 'en')).toBe('Hello');
    expect(localize({ de: 'Hallo', it: 'Ciao' }, 'es', 'en')).toBe('Hallo');
    expect(localize('Plain', 'ja', 'en')).toBe('Plain');
    expect(localize(undefined, 'ja', 'en')).toBe('');
    expect(localize({}, 'ja', 'en')).toBe('');
  });

  it('takes the language of a locale in either spelling, lower case', () => {
    expect(['fr-CA', 'fr_ca', 'FR', 'pt-BR'].map(languageOf)).toEqual(['fr', 'fr', 'fr', 'pt']);
  });
});
