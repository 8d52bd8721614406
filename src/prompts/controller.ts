import type { Explanation } from './explanation.js';
import { WaymarkError } from '../errors.js';
import { RESERVED, type Touchpoint } from '../types.js';
import { createPromptState, findPrompt, note, type PromptControllerDeps, type PromptState, safely } from './context.js';
import { cancelDelay, cancelDelays } from './delays.js';
import { openPrompt } from './display.js';
import { closeDisplay, finishDisplay } from './display-end.js';
import { explainPrompt, isEligible } from './explain.js';
import { clearQueue, unqueue, wake } from './queue.js';
import { startLaunchers } from './tab.js';
import { createTabSync } from './tabs.js';
import { takeTurns } from './turns.js';
import { loadProgress } from './survey-progress.js';
import { offerPrompts, revalidate, triggeredBy } from './triggered.js';

export type { PromptControllerDeps } from './context.js';
export type PromptController = ReturnType<typeof createPromptController>;

/**
 * Decides which prompt shows, when: for each touchpoint, the prompts it triggers pass through
 * the gates (checkGates, then one at a time, also across tabs); the highest `priority` wins,
 * and the others blocked only by the prompt on screen queue for their turn.
 * Turns the widget's callbacks into `$prompt_*` touchpoints. The parts, each a file: the shared
 * state (context), the delays, the gates and `explain()`, the display and how it ends, the
 * widget's props, the choice among triggered prompts, and the queue with its turns.
 */
export function createPromptController(deps: PromptControllerDeps) {
  const tabs = createTabSync(
    deps.namespace,
    (promptId, open) => onOtherTab(promptId, open), // messages arrive after `state` exists
  );
  const state = createPromptState(deps, tabs);
  state.offerTurn = () => takeTurns(state);
  const launchers = startLaunchers(state);
  const onOtherTab = safely(state, (promptId: string, open: boolean) => otherTabSaid(state, promptId, open));
  const onPageHide = () => state.current && tabs.announce(state.current.prompt.id, false);
  globalThis.addEventListener?.('pagehide', onPageHide);
  resumeSurvey(state);
  state.onScreen();

  return {
    /** Call after the profile has applied the touchpoint, so the facts include it. */
    onTouchpoint(touchpoint: Touchpoint) {
      const prompts = deps.config()?.prompts;
      if (state.destroyed || !prompts) return;
      if (touchpoint.name === RESERVED.pageView && (state.pending.size || state.queue.length || state.current)) revalidate(state, touchpoint);
      offerPrompts(state, triggeredBy(prompts, touchpoint));
      state.onScreen(); // the facts changed: a tab's `if` may hold now, or no longer
    },

    /** Manual display: through every gate, or with `force` past all but a prompt already open here. */
    show(promptId: string, options?: { force?: boolean }) {
      const prompt = findPrompt(state, promptId);
      if (!prompt) return deps.onError(new WaymarkError('unknown_prompt', `no prompt "${promptId}" in the config`));
      if (!options?.force) {
        if (isEligible(state, prompt)) void openPrompt(state, prompt);
      } else if (state.current) note(state, promptId, `not shown, "${state.current.prompt.id}" is open in this tab`);
      else void openPrompt(state, prompt, true);
    },

    explain: (promptId: string): Explanation => explainPrompt(state, promptId),

    /** A new visitor (reset): what the old one's touchpoints scheduled is not shown to them. */
    forget() {
      cancelDelays(state, 'the visitor was reset');
      clearQueue(state);
    },

    destroy() {
      state.destroyed = true;
      cancelDelays(state, 'the SDK was destroyed');
      clearQueue(state);
      if (state.current) {
        finishDisplay(state, state.current);
        deps.host.close();
      }
      launchers.destroy();
      globalThis.removeEventListener?.('pagehide', onPageHide);
      tabs.close();
    },
  };
}

/** Another tab opened a prompt (it is not to show here too) or closed one (this one may be over, or have its turn). */
function otherTabSaid(state: PromptState, promptId: string, open: boolean): void {
  if (open) {
    cancelDelay(state, promptId, 'it opened in another tab');
    unqueue(state, promptId, 'it opened in another tab');
  } else if (state.current?.prompt.id === promptId) closeDisplay(state, state.current, 'other-tab');
  else wake(state);
}

/**
 * A survey this tab was showing before a reload comes back where the visitor was, with the
 * same submission, whatever its trigger and frequency say: it is the same display, not a new one.
 */
function resumeSurvey(state: PromptState): void {
  const saved = loadProgress(state.deps.namespace);
  const prompt = saved && state.deps.config()?.prompts?.find((candidate) => candidate.id === saved.promptId);
  if (saved && prompt && 'questions' in prompt) void openPrompt(state, prompt, false, saved);
}
