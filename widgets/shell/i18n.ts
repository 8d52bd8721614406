import { languageOf } from '../../src/config/localize.js';

export * from './ui-index.js';

/** One `|`-separated line per language keeps the table small in the chunk. */
const STRINGS: Record<string, string> = {
  en: 'Submit|Close|Other|Thank you!|Redeem|points|Not at all likely|Extremely likely|Very unsatisfied|Very satisfied|Very difficult|Very easy',
  fr: 'Envoyer|Fermer|Autre|Merci\u202f!|Échanger|points|Pas du tout probable|Très probable|Très insatisfait|Très satisfait|Très difficile|Très facile',
  de: 'Senden|Schließen|Sonstiges|Vielen Dank!|Einlösen|Punkte|Sehr unwahrscheinlich|Sehr wahrscheinlich|Sehr unzufrieden|Sehr zufrieden|Sehr schwierig|Sehr einfach',
  es: 'Enviar|Cerrar|Otro|¡Gracias!|Canjear|puntos|Nada probable|Muy probable|Muy insatisfecho|Muy satisfecho|Muy difícil|Muy fácil',
  pt: 'Enviar|Fechar|Outro|Obrigado!|Resgatar|pontos|Nada provável|Muito provável|Muito insatisfeito|Muito satisfeito|Muito difícil|Muito fácil',
  it: 'Invia|Chiudi|Altro|Grazie!|Riscatta|punti|Per niente probabile|Estremamente probabile|Molto insoddisfatto|Molto soddisfatto|Molto difficile|Molto facile',
  nl: 'Verzenden|Sluiten|Anders|Bedankt!|Inwisselen|punten|Helemaal niet waarschijnlijk|Zeer waarschijnlijk|Zeer ontevreden|Zeer tevreden|Zeer moeilijk|Zeer makkelijk',
  ja: '送信|閉じる|その他|ありがとうございました！|交換する|ポイント|まったく思わない|非常にそう思う|とても不満|とても満足|とても難しい|とても簡単',
  ar: 'إرسال|إغلاق|أخرى|شكرًا لك!|استبدال|نقاط|غير محتمل على الإطلاق|محتمل جدًا|غير راضٍ جدًا|راضٍ جدًا|صعب جدًا|سهل جدًا',
};

/** Built-in UI strings for the visitor's language, else the config's, else English. */
export const uiStrings = (locale: string, defaultLocale: string): string[] =>
  (STRINGS[languageOf(locale)] ?? STRINGS[languageOf(defaultLocale)] ?? STRINGS.en!).split('|');

export const isRtl = (locale: string) => ['ar', 'he', 'fa', 'ur'].includes(languageOf(locale));

/** Replaces `{name}` with `vars.name`; unknown placeholders stay visible so a typo shows in preview. */
export const interpolate = (text: string, vars: Record<string, string | number>, formatNumber: (n: number) => string) =>
  text.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
    return value === undefined ? match : typeof value === 'number' ? formatNumber(value) : String(value);
  });
