import type { Prompt } from '../config/schema.js';
import { note, type PromptState, safely } from './context.js';
import { openPrompt } from './display.js';
import { checkGates } from './gates.js';
import { hostStyle } from './host.js';
import { WaymarkError } from '../errors.js';
import type { Launchers } from './launcher.js';

/** A prompt behind a launcher tab at a screen edge, which the visitor opens (launcher.ts). */
export const isTab = (prompt: Prompt) => prompt.presentation?.placement === 'tab';

/** The tab prompts whose launcher belongs in the page now: each whose gates pass (`if`, schedule, sample, frequency). */
export function tabsToShow(state: PromptState): Prompt[] {
  const { deps, destroyed } = state;
  const config = deps.config();
  const tabs = (!destroyed && config?.prompts?.filter(isTab)) || [];
  // Asked after every touchpoint: a config without a tab must not pay for the visitor's facts.
  if (!tabs.length) return tabs;
  const facts = deps.facts();
  return tabs.filter((prompt) => checkGates(prompt, config!, facts, deps.anonymousId()).every((report) => report.pass));
}

/**
 * The visitor opened a tab: the prompt shows at once, as a popover by its edge. Asked for here,
 * it does not wait for a prompt showing in another tab; its launcher is hidden while one shows here.
 */
export function openTab(state: PromptState, prompt: Prompt) {
  if (state.current) return note(state, prompt.id, `not opened, "${state.current.prompt.id}" is open in this tab`);
  note(state, prompt.id, 'opened from its tab');
  void openPrompt(state, prompt, true, undefined, true);
}

// The engine is an ES chunk: its import() resolves next to it, as the rewards chunk's does.
const loadLaunchers = () => import('../lazy/tab.js');

/**
 * The launchers, kept in step with what is on screen and with the facts from now on
 * (state.onScreen). Their chunk loads the first time a tab belongs in the page. A failed load
 * is reported once: the browser keeps a failed module fetch for the page, the next page tries again.
 */
export function startLaunchers(state: PromptState): Pick<Launchers, 'destroy'> {
  let launchers: Launchers | undefined;
  let loading = false;
  const open = safely(state, (prompt: Prompt) => openTab(state, prompt));
  const loaded = ({ createLaunchers }: Awaited<ReturnType<typeof loadLaunchers>>) => {
    if (state.destroyed) return;
    launchers = createLaunchers({ widgetEnv: state.deps.widgetEnv, open, nonce: state.deps.host.nonce, hostStyle });
    state.onScreen();
  };
  const failed = (error: unknown) => state.deps.onError(new WaymarkError('widget_failed', `the feedback tab's chunk did not load: ${String(error)}`, error));
  // Hidden while a prompt is on screen in this tab: two questions never compete for the visitor.
  state.onScreen = () => {
    const tabs = tabsToShow(state);
    if (launchers) return launchers.sync(tabs, !!state.current);
    if (!tabs.length || loading) return;
    loading = true;
    loadLaunchers().then(safely(state, loaded), failed);
  };
  return { destroy: () => launchers?.destroy() };
}
