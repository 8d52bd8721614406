/**
 * C0 and C1 controls, and the bidirectional overrides that reorder what a terminal shows
 * ("Trojan Source", CVE-2021-42574). A config key or a visitor's answer holding them could
 * otherwise clear the screen, recolour or rewrite the lines around it.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character written as a `\uXXXX` escape, safe to print. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
