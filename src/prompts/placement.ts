import type { Prompt } from '../config/schema.js';

/** The selector of an inline prompt's target, or undefined for a prompt that is not inline. */
export const inlineSelector = (prompt: Prompt): string | undefined => (prompt.presentation?.placement === 'inline' ? prompt.presentation.target : undefined);

/**
 * The element an inline prompt goes into: the selector's first match. A selector the browser
 * rejects finds nothing rather than throwing into the page.
 */
export function findTarget(selector: string): Element | null {
  try {
    return document.querySelector(selector);
  } catch {
    return null;
  }
}

/** The `inline target` gate's sentence when the target is missing, or undefined when it is there. */
export function missingTarget(prompt: Prompt): string | undefined {
  const selector = inlineSelector(prompt);
  if (selector === undefined || findTarget(selector)) return undefined;
  return `its inline target ${selector} is not on the page`;
}
