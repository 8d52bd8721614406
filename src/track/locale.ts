/** The visitor's language: the one init() was given, else the browser's. */
export function detectLocale(preferred: unknown): string {
  if (typeof preferred === 'string' && preferred) return preferred;
  return (typeof navigator !== 'undefined' && navigator.language) || 'en';
}
