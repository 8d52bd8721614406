import type { Theme } from '../contract.js';

/** The built-in dark panel (`.wm-dark` in styles.ts): a marketer's accent is checked against it. */
export const DARK_PANEL = '#1f2937';

/**
 * The config theme as CSS custom properties on the panel. Preact sets them through CSSOM
 * (`style.setProperty`), which a strict CSP allows where a `style=""` attribute is blocked.
 */
export function themeProperties(theme: Theme, dark = false): Record<string, string> {
  const properties: Record<string, string> = {};
  if (theme.accent) {
    // An accent picked for a light page can vanish on the dark panel (WCAG 1.4.3, 1.4.11).
    const accent = dark ? legibleAccent(theme.accent, theme.background ?? DARK_PANEL) : theme.accent;
    properties['--wm-accent'] = accent;
    const on = readableOn(accent);
    if (on) properties['--wm-on-accent'] = on;
  }
  if (theme.background) properties['--wm-background'] = theme.background;
  if (theme.text) properties['--wm-text'] = theme.text;
  if (theme.radius !== undefined) properties['--wm-radius'] = `${theme.radius}px`;
  if (theme.font) properties['--wm-font'] = theme.font;
  return properties;
}

export const isDark = (scheme: Theme['colorScheme']) =>
  scheme === 'dark' || (scheme === 'auto' && typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches);

/** Red, green and blue (0–255) of `#rgb` or `#rrggbb`; undefined for any other colour syntax. */
function channels(color: string): number[] | undefined {
  const hex = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return undefined;
  const full = hex.length === 3 ? hex.replace(/./g, '$&$&') : hex;
  return [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16));
}

/** WCAG 2 relative luminance. */
function luminance(rgb: number[]): number {
  const [red = 0, green = 0, blue = 0] = rgb.map((value) => {
    const channel = value / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** WCAG 2 contrast ratio of two luminances (1–21). */
const ratio = (first: number, second: number) => (Math.max(first, second) + 0.05) / (Math.min(first, second) + 0.05);

/** WCAG 2 contrast ratio of two hex colours; undefined unless both are hex. */
export function contrastRatio(first: string, second: string): number | undefined {
  const a = channels(first);
  const b = channels(second);
  return a && b && ratio(luminance(a), luminance(b));
}

/**
 * The accent itself if it reaches 4.5:1 on the panel (text, 1.4.3; more than the 3:1 of
 * controls, 1.4.11), else the accent mixed in tenths toward white on a dark panel, black on
 * a light one. White or black reach at least 4.58:1 on any panel, so the search always ends.
 */
export function legibleAccent(accent: string, panel: string): string {
  const rgb = channels(accent);
  const background = channels(panel);
  if (!rgb || !background) return accent;
  const panelLuminance = luminance(background);
  const target = panelLuminance < 0.18 ? 255 : 0;
  for (let step = 0; step <= 10; step++) {
    const mixed = rgb.map((value) => Math.round(value + ((target - value) * step) / 10));
    if (ratio(luminance(mixed), panelLuminance) >= 4.5) return `#${mixed.map((value) => value.toString(16).padStart(2, '0')).join('')}`;
  }
  return accent;
}

/**
 * Text colour for text on a hex accent: near-black or white, whichever contrasts more
 * (WCAG 2 relative luminance; the two tie at about 0.19). Non-hex accents keep the default.
 */
export function readableOn(color: string): string | undefined {
  const rgb = channels(color);
  if (!rgb) return undefined;
  return luminance(rgb) > 0.19 ? '#111' : '#fff';
}
