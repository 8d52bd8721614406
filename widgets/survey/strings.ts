import { languageOf } from '../../src/config/localize.js';

/** Next, Back, and "{n} of {total}" per language; the shell's table has the rest (Submit, Other…). */
const STRINGS: Record<string, string> = {
  en: 'Next|Back|{n} of {total}',
  fr: 'Suivant|Retour|{n} sur {total}',
  de: 'Weiter|Zurück|{n} von {total}',
  es: 'Siguiente|Atrás|{n} de {total}',
  pt: 'Próximo|Voltar|{n} de {total}',
  it: 'Avanti|Indietro|{n} di {total}',
  nl: 'Volgende|Terug|{n} van {total}',
  ja: '次へ|戻る|{n} / {total}',
  ar: 'التالي|رجوع|{n} من {total}',
};

export const NEXT = 0,
  BACK = 1,
  STEP_OF = 2;

/** The survey's own UI strings: the visitor's language, else the config's, else English. */
export const surveyStrings = (locale: string, defaultLocale: string): string[] =>
  (STRINGS[languageOf(locale)] ?? STRINGS[languageOf(defaultLocale)] ?? STRINGS.en!).split('|');
