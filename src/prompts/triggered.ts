import type { Prompt } from '../config/schema.js';
import { matchesWhere } from '../rules/conditions.js';
import type { Facts } from '../rules/facts.js';
import type { Touchpoint } from '../types.js';
import { findPrompt, note, type PromptState } from './context.js';
import { cancelDelay, waitThen } from './delays.js';
import { openPrompt } from './display.js';
import { closeDisplay } from './display-end.js';
import { failingGates, isEligible } from './explain.js';
import { LEFT, leftItsPage, leftTriggerPage } from './page-scope.js';
import { dequeue, enqueue, waitsItsTurn, wake } from './queue.js';

/** The prompts a touchpoint triggers, highest `priority` first; ties keep config order (the sort is stable). */
export function triggeredBy(prompts: readonly Prompt[], touchpoint: Touchpoint): Prompt[] {
  return prompts
    .filter(({ trigger }) => trigger?.on === touchpoint.name && matchesWhere(trigger.where, touchpoint.props))
    .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
}

/**
 * The first candidate that passes its gates shows now, or waits out its delay and is checked
 * again. The others that only wait for the screen (one at a time) queue for their turn.
 */
export function offerPrompts(state: PromptState, candidates: Prompt[]): void {
  let chosen: Prompt | undefined;
  for (const prompt of candidates) {
    if (state.pending.has(prompt.id)) return; // already chosen, waiting out its delay
    let failed = failingGates(state, prompt);
    // Chosen first and waiting out its delay, another candidate holds the screen all the same.
    if (chosen && !failed.length) failed = [{ gate: 'one at a time', pass: false, reason: `one at a time: "${chosen.id}" goes first` }];
    if (!offer(state, prompt, failed)) continue;
    chosen = prompt;
    const delaySeconds = prompt.trigger?.delaySeconds;
    if (!delaySeconds) void openPrompt(state, prompt);
    else
      waitThen(state, prompt, delaySeconds, () => {
        if (state.destroyed) return;
        if (offer(state, prompt)) void openPrompt(state, prompt);
        else wake(state); // the prompts queued behind it need not wait for it
      });
  }
}

/** True when the prompt may show; when all that stops it is the prompt on screen, it queues. */
function offer(state: PromptState, prompt: Prompt, failed = failingGates(state, prompt)): boolean {
  if (waitsItsTurn(failed)) enqueue(state, prompt);
  return isEligible(state, prompt, failed);
}

/**
 * After an SPA route change (`view`, its `$page_view`): the prompts that belonged to the page
 * left (page-scope.ts) lose their delay, their place in the queue, or the screen, as a dismissal
 * with reason `navigation`.
 */
export function revalidate(state: PromptState, view: Touchpoint): void {
  const facts = state.deps.facts();
  for (const promptId of state.pending.keys()) {
    const prompt = findPrompt(state, promptId);
    const why = prompt && leftItsPage(prompt, view, facts);
    if (why) cancelDelay(state, promptId, why);
  }
  // A queued prompt whose `if` fails stays: that may change before its turn (turns.ts).
  for (const entry of [...state.queue]) {
    if (!leftTriggerPage(entry.prompt, view)) continue;
    state.leftPage.set(entry.prompt.id, Date.now());
    dequeue(state, entry, `left the queue, ${LEFT}`);
  }
  const { current } = state;
  const why = current && leftItsPage(current.prompt, view, Object.assign(Object.create(facts) as Facts, current.before));
  if (current && why) {
    state.leftPage.set(current.prompt.id, Date.now());
    note(state, current.prompt.id, `closed, ${why}${why === LEFT ? '' : ' on this page'}`);
    closeDisplay(state, current, 'navigation');
  }
}
