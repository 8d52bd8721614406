import { describe, expect, it } from 'vitest';
import { interpolate, isRtl, uiStrings } from '../../widgets/shell/i18n.js';

describe('i18n', () => {
  it('has every built-in string in en, fr, de, es, pt, it, nl, ja and ar', () => {
    const english = uiStrings('en', 'en');
    for (const locale of ['fr', 'de', 'es', 'pt', 'it', 'nl', 'ja', 'ar']) {
      const strings = uiStrings(locale, 'en');
      expect(strings, locale).toHaveLength(english.length);
      expect(
        strings.every((text) => text.trim().length > 0),
        locale,
      ).toBe(true);
      expect(strings, locale).not.toEqual(english);
    }
  });

  it('interpolates placeholders, formatting numbers, leaving unknown ones', () => {
    const format = (n: number) => `#${n}`;
    expect(interpolate('{toNextTier} points to {nextTier}', { toNextTier: 250, nextTier: 'Gold' }, format)).toBe('#250 points to Gold');
    expect(interpolate('{missing} and {constructor}', {}, format)).toBe('{missing} and {constructor}');
  });

  it('knows right-to-left languages', () => {
    expect(['ar', 'ar-EG', 'he-IL', 'fa', 'ur_PK'].every(isRtl)).toBe(true);
    expect(['en', 'fr-CA', 'ja', 'arn'].some(isRtl)).toBe(false);
  });
});
