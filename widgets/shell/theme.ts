import type { Theme } from '../contract.js';

/**
 * The config theme as CSS custom properties on the panel. Preact sets them through CSSOM
 * (`style.setProperty`), which a strict CSP allows where a `style=""` attribute is blocked.
 */
export function themeProperties(theme: Theme): Record<string, string> {
  const properties: Record<string, string> = {};
  if (theme.accent) {
    properties['--a'] = theme.accent;
    const on = readableOn(theme.accent);
    if (on) properties['--o'] = on;
  }
  if (theme.background) properties['--b'] = theme.background;
  if (theme.text) properties['--t'] = theme.text;
  if (theme.radius !== undefined) properties['--r'] = `${theme.radius}px`;
  if (theme.font) properties['--f'] = theme.font;
  return properties;
}

export const isDark = (scheme: Theme['colorScheme']) =>
  scheme === 'dark' || (scheme === 'auto' && typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches);

/**
 * Text colour for text on a hex accent: near-black or white, whichever contrasts more
 * (WCAG 2 relative luminance; the two tie at about 0.19). Non-hex accents keep the default.
 */
export function readableOn(color: string): string | undefined {
  const hex = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return undefined;
  const full = hex.length === 3 ? hex.replace(/./g, '$&$&') : hex;
  const [red = 0, green = 0, blue = 0] = [0, 2, 4].map((at) => {
    const channel = parseInt(full.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue > 0.19 ? '#111' : '#fff';
}
