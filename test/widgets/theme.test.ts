import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RatingPrompt } from '../../widgets/contract.js';
import { CSS } from '../../widgets/shell/styles.js';
import { contrastRatio, DARK_PANEL, legibleAccent, themeProperties } from '../../widgets/shell/theme.js';
import { mountPrompt, trigger } from './helpers.js';

// WCAG 2.2: 4.5:1 for text (1.4.3), 3:1 for controls and their states (1.4.11).
const TEXT = 4.5;
const CONTROLS = 3;

const demoTheme = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/shop/waymark.json'), 'utf8')).theme;
/** Accents of the demo shop, the SPA example, the gallery's brand theme and the built-in light theme. */
const ACCENTS = [demoTheme.accent as string, '#0f766e', '#0b6e4f', '#4f46e5'];

const ratio = (first: string, second: string) => contrastRatio(first, second) ?? Number.NaN;
/** The built-in custom properties of a rule in the stylesheet, e.g. `.wm-dark{--a:#a5b4fc;…}`. */
const builtIn = (selector: string) =>
  Object.fromEntries(
    [...new RegExp(`^\\${selector}\\{([^}]*)\\}`, 'm').exec(CSS)![1]!.matchAll(/(--[\w-]+)\s*:\s*(#[\da-f]+)/gi)].map((match) => [match[1], match[2]]),
  );

afterEach(() => void (document.body.innerHTML = ''));

describe('contrast ratios', () => {
  it('follow WCAG 2: 21 for black on white, 1 for a colour on itself, undefined for non-hex colours', () => {
    expect(ratio('#000', '#ffffff')).toBeCloseTo(21, 5);
    expect(ratio('#4f46e5', '#4f46e5')).toBe(1);
    expect(contrastRatio('rebeccapurple', '#fff')).toBeUndefined();
  });

  it('the built-in light and dark themes: text, accent and text on the accent meet AA', () => {
    const light = builtIn('.wm-panel');
    const dark = builtIn('.wm-dark');
    expect(dark['--wm-background']).toBe(DARK_PANEL);
    for (const scheme of [light, dark]) {
      expect(ratio(scheme['--wm-text']!, scheme['--wm-background']!)).toBeGreaterThanOrEqual(TEXT);
      expect(ratio(scheme['--wm-accent']!, scheme['--wm-background']!)).toBeGreaterThanOrEqual(TEXT);
      expect(ratio(scheme['--wm-on-accent']!, scheme['--wm-accent']!)).toBeGreaterThanOrEqual(TEXT);
    }
  });
});

describe('a marketer accent in both schemes (issue 11)', () => {
  it("light: the accent is kept as given; the examples' accents meet AA on the white panel", () => {
    for (const accent of ACCENTS) {
      const properties = themeProperties({ accent }, false);
      expect(properties['--wm-accent']).toBe(accent);
      expect(ratio(accent, '#fff')).toBeGreaterThanOrEqual(TEXT);
      expect(ratio(properties['--wm-on-accent']!, accent)).toBeGreaterThanOrEqual(TEXT);
    }
  });

  it("dark: the demo's star colour was 2.45:1 on the dark panel; the derived accent meets 4.5:1", () => {
    expect(ratio(demoTheme.accent, DARK_PANEL)).toBeCloseTo(2.45, 2);
    const accent = themeProperties({ accent: demoTheme.accent }, true)['--wm-accent']!;
    expect(ratio(accent, DARK_PANEL)).toBeGreaterThanOrEqual(TEXT);
  });

  it('dark: every accent, from black to white, becomes one that meets text and control contrast, with readable text on it', () => {
    const greys = Array.from({ length: 18 }, (_, index) => `#${(index * 15).toString(16).padStart(2, '0').repeat(3)}`);
    for (const given of [...ACCENTS, ...greys, '#ff0000', '#00f', '#ffd400']) {
      const properties = themeProperties({ accent: given }, true);
      const accent = properties['--wm-accent']!;
      expect(ratio(accent, DARK_PANEL), given).toBeGreaterThanOrEqual(TEXT);
      expect(ratio(accent, DARK_PANEL), given).toBeGreaterThanOrEqual(CONTROLS);
      expect(ratio(properties['--wm-on-accent']!, accent), given).toBeGreaterThanOrEqual(TEXT);
    }
  });

  it('dark: an accent that already contrasts is kept; one on a light marketer background is darkened', () => {
    expect(themeProperties({ accent: '#ffd400' }, true)['--wm-accent']).toBe('#ffd400');
    const onCream = themeProperties({ accent: '#f59e0b', background: '#fffdf7' }, true)['--wm-accent']!;
    expect(ratio('#f59e0b', '#fffdf7')).toBeLessThan(CONTROLS);
    expect(ratio(onCream, '#fffdf7')).toBeGreaterThanOrEqual(TEXT);
    for (const panel of ['#767676', '#777777', '#808080']) expect(ratio(legibleAccent('#888', panel), panel), panel).toBeGreaterThanOrEqual(TEXT);
  });

  it('a colour that is not hex is used as given: its contrast cannot be computed', () => {
    expect(themeProperties({ accent: 'rebeccapurple' }, true)['--wm-accent']).toBe('rebeccapurple');
  });

  it('a mounted star rating in the dark scheme draws its stars in the derived accent', () => {
    const stars: RatingPrompt = { id: 'r', kind: 'rating', scale: 'stars', trigger, content: { question: 'How did we do?' } };
    const panel = mountPrompt(stars, { theme: { ...demoTheme, colorScheme: 'dark' } }).$('[role=dialog]');
    const accent = panel.style.getPropertyValue('--wm-accent');
    expect(accent).not.toBe(demoTheme.accent);
    expect(ratio(accent, DARK_PANEL)).toBeGreaterThanOrEqual(TEXT);
    const light = mountPrompt(stars, { theme: { ...demoTheme, colorScheme: 'light' } }).$('[role=dialog]');
    expect(light.style.getPropertyValue('--wm-accent')).toBe(demoTheme.accent);
  });
});
