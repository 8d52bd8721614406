import type { Text } from './text.js';

/** The language of a BCP 47 locale, lower case: "fr-CA" and "fr_ca" → "fr". */
export const languageOf = (locale: string) => locale.split(/[-_]/)[0]!.toLowerCase();

/**
 * A config text for a locale, the one fallback order every text follows: the exact locale
 * (`fr-CA`), its language (`fr`), the config's `defaultLocale`, then the first entry.
 */
export function localize(text: Text | undefined, locale: string, defaultLocale: string): string {
  if (text === undefined || typeof text === 'string') return text ?? '';
  return text[locale] ?? text[languageOf(locale)] ?? text[defaultLocale] ?? Object.values(text)[0] ?? '';
}
