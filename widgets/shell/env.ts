import type { Text, WidgetProps } from '../contract.js';
import { localize } from '../../src/config/localize.js';
import { interpolate, isRtl, uiStrings } from './i18n.js';

/** What every part of a widget needs to speak the visitor's language. */
export interface Env {
  /** Built-in UI strings, indexed by the constants in i18n.ts. */
  t: string[];
  /** A config text in the visitor's locale, placeholders filled. Always plain text. */
  text(value: Text | undefined): string;
  /** A config text in the config's default locale: answers are reported in it. */
  canonical(value: Text): string;
  num(value: number): string;
  lang: string;
  dir: 'ltr' | 'rtl';
}

export function createEnv({ locale, defaultLocale, vars }: WidgetProps): Env {
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale);
  } catch {
    format = new Intl.NumberFormat(); // a malformed locale tag must not break the widget
  }
  const num = (value: number) => format.format(value);
  return {
    t: uiStrings(locale, defaultLocale),
    text: (value) => interpolate(localize(value, locale, defaultLocale), vars, num),
    canonical: (value) => localize(value, defaultLocale, defaultLocale),
    num,
    lang: locale,
    dir: isRtl(locale) ? 'rtl' : 'ltr',
  };
}
