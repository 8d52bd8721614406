import { languageOf } from '../../src/config/localize.js';

/** The survey's and the quiz's words per language; the shell's table has the rest (Submit, Other…). */
const STRINGS: Record<string, string> = {
  en: 'Next|Back|{n} of {total}|Check|Correct!|Not quite. The answer: |{n} of {total} right|Vote|Votes: {n}|{n}%|your vote',
  fr: 'Suivant|Retour|{n} sur {total}|Vérifier|Exact !|Pas tout à fait. La réponse : |{n} sur {total} justes|Voter|Votes : {n}|{n} %|votre vote',
  de: 'Weiter|Zurück|{n} von {total}|Prüfen|Richtig!|Nicht ganz. Die Antwort: |{n} von {total} richtig|Abstimmen|Stimmen: {n}|{n} %|Ihre Stimme',
  es: 'Siguiente|Atrás|{n} de {total}|Comprobar|¡Correcto!|No exactamente. La respuesta: |{n} de {total} correctas|Votar|Votos: {n}|{n} %|tu voto',
  pt: 'Próximo|Voltar|{n} de {total}|Verificar|Correto!|Não exatamente. A resposta: |{n} de {total} certas|Votar|Votos: {n}|{n}%|seu voto',
  it: 'Avanti|Indietro|{n} di {total}|Verifica|Esatto!|Non proprio. La risposta: |{n} su {total} giuste|Vota|Voti: {n}|{n}%|il tuo voto',
  nl: 'Volgende|Terug|{n} van {total}|Controleren|Goed!|Niet helemaal. Het antwoord: |{n} van {total} goed|Stemmen|Stemmen: {n}|{n}%|jouw stem',
  ja: '次へ|戻る|{n} / {total}|答え合わせ|正解！|惜しい。答え：|{total}問中{n}問正解|投票する|投票数：{n}|{n}%|あなたの投票',
  ar: 'التالي|رجوع|{n} من {total}|تحقق|صحيح!|ليس تمامًا. الإجابة: |{n} من {total} صحيحة|صوّت|الأصوات: {n}|{n}٪|صوتك',
};

export const NEXT = 0,
  BACK = 1,
  STEP_OF = 2,
  CHECK = 3,
  RIGHT = 4,
  WRONG = 5,
  SCORE = 6,
  VOTE = 7,
  VOTES = 8,
  PERCENT = 9,
  YOUR_VOTE = 10;

/** The survey's own UI strings: the visitor's language, else the config's, else English. */
export const surveyStrings = (locale: string, defaultLocale: string): string[] =>
  (STRINGS[languageOf(locale)] ?? STRINGS[languageOf(defaultLocale)] ?? STRINGS.en!).split('|');

/** Fills `{n}` and `{total}`. */
export const count = (text: string, n: string, total = '') => text.replace('{n}', n).replace('{total}', total);
