import { type DismissReason, RESERVED } from '../types.js';
import { answerProps } from './answers.js';
import type { Display, PromptState } from './context.js';
import { wake } from './queue.js';
import { clearProgress } from './survey-progress.js';
import { variantProps } from './variant.js';

/**
 * The display is over: frees the lock, tells the other tabs, and gives a queued prompt its
 * turn, unless the visitor ended it in another tab: that tab, where they are, goes first.
 */
export function finishDisplay(state: PromptState, display: Display, takeTurn = true): void {
  if (state.current !== display) return;
  state.current = null;
  display.release?.();
  state.tabs.announce(display.prompt.id, false);
  state.onScreen();
  if (takeTurn) wake(state);
}

/** The visitor closed it (or it timed out): a dismissal, or the completion of a score already given. */
export function dismissDisplay(state: PromptState, display: Display, reason: DismissReason): void {
  if (state.current !== display) return;
  const { deps } = state;
  const { prompt, submissionId, answer, variant } = display;
  const questions = 'questions' in prompt;
  if (questions) clearProgress(deps.namespace);
  // A survey's or a quiz's answers were each recorded when given: closing it part way is a dismissal.
  if (answer && !questions) {
    // The score was given; only the follow-up was skipped. That completes the answer.
    deps.record(RESERVED.promptAnswered, { ...answerProps(prompt, submissionId, answer, true), ...variantProps(variant) });
    deps.flushSoon();
  } else deps.record(RESERVED.promptDismissed, { promptId: prompt.id, kind: prompt.kind, submissionId, reason, ...variantProps(variant) });
  finishDisplay(state, display, reason !== 'other-tab');
}

/** Closes a prompt the visitor did not close: it is over elsewhere, or stale after navigation. */
export function closeDisplay(state: PromptState, display: Display, reason: DismissReason): void {
  dismissDisplay(state, display, reason);
  state.deps.host.close();
}
