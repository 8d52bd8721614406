import type { Prompt } from '../config/schema.js';
import { note, type PromptState, safely } from './context.js';
import { openPrompt } from './display.js';
import { checkGates } from './gates.js';
import { createLaunchers, type Launchers } from './launcher.js';

/** A prompt behind a launcher tab at a screen edge, which the visitor opens (launcher.ts). */
export const isTab = (prompt: Prompt) => prompt.presentation?.placement === 'tab';

/** The tab prompts whose launcher belongs in the page now: each whose gates pass (`if`, schedule, sample, frequency). */
export function tabsToShow(state: PromptState): Prompt[] {
  const { deps, destroyed } = state;
  const config = deps.config();
  if (destroyed || !config?.prompts) return [];
  const facts = deps.facts();
  return config.prompts.filter((prompt) => isTab(prompt) && checkGates(prompt, config, facts, deps.anonymousId()).every((report) => report.pass));
}

/**
 * The visitor opened a tab: the prompt shows at once, as a popover by its edge. Asked for here,
 * it does not wait for a prompt showing in another tab; its launcher is hidden while one shows here.
 */
export function openTab(state: PromptState, prompt: Prompt) {
  if (state.current) return note(state, prompt.id, `not opened, "${state.current.prompt.id}" is open in this tab`);
  note(state, prompt.id, 'opened from its tab');
  void openPrompt(state, prompt, true);
}

/** The launchers, kept in step with what is on screen and with the facts from now on (state.onScreen). */
export function startLaunchers(state: PromptState): Launchers {
  const launchers = createLaunchers(
    state.deps,
    safely(state, (prompt: Prompt) => openTab(state, prompt)),
    state.deps.host.nonce,
  );
  // Hidden while a prompt is on screen in this tab: two questions never compete for the visitor.
  state.onScreen = () => launchers.sync(tabsToShow(state), !!state.current);
  return launchers;
}
