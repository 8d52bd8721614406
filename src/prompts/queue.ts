import type { Prompt } from '../config/schema.js';
import { note, type PromptState, type QueuedPrompt, safely } from './context.js';
import { span } from './durations.js';
import type { GateReport } from './explanation.js';
import type { SurveyProgress } from './survey-progress.js';

/** At most this many prompts wait at once: a longer line would outlast the visitor's patience. */
export const QUEUE_CAP = 3;
/** How long a blocked prompt waits when the config's `limits.queueSeconds` does not say. */
export const QUEUE_SECONDS = 60;

/**
 * Whether the gates a prompt failed clear by themselves within the visit: only one at a time
 * does (the prompt on screen will close). Sampling, an answer or a false `if` never do.
 */
export const waitsItsTurn = (failed: GateReport[]) => failed.length > 0 && failed.every((report) => report.gate === 'one at a time');

/** Puts a blocked prompt in line, unless it is already there or is itself the one on screen. */
export function enqueue(state: PromptState, prompt: Prompt, resumed?: SurveyProgress): void {
  const { queue, current, tabs } = state;
  const seconds = state.deps.config()?.limits?.queueSeconds ?? QUEUE_SECONDS;
  const id = prompt.id;
  const priority = prompt.priority ?? 0;
  prune(state);
  if (!seconds || queue.some((entry) => entry.prompt.id === id) || current?.prompt.id === id || tabs.elsewhere() === id) return;
  const behind = queue.findIndex((entry) => (entry.prompt.priority ?? 0) < priority);
  queue.splice(behind < 0 ? queue.length : behind, 0, { prompt, expiresAt: Date.now() + seconds * 1000, ...(resumed ? { resumed } : {}) });
  state.expired.delete(id);
  note(state, id, `queued for up to ${seconds} s`);
  if (queue.length > QUEUE_CAP) dequeue(state, queue.at(-1)!, 'left the queue, it is full');
  wake(state);
}

/**
 * Drops the entries whose time ran out, remembering when for `explain()`. Checked whenever the
 * queue is read rather than on a timer of its own: nothing happens to an entry in between.
 */
export function prune(state: PromptState, now = Date.now()): void {
  for (const entry of [...state.queue])
    if (entry.expiresAt <= now) {
      state.expired.set(entry.prompt.id, entry.expiresAt);
      dequeue(state, entry, 'left the queue, its time ran out');
    }
}

/** Takes an entry (one that is in the queue) out of it, and says why. */
export function dequeue(state: PromptState, entry: QueuedPrompt, why: string): void {
  state.queue.splice(state.queue.indexOf(entry), 1);
  note(state, entry.prompt.id, why);
}

/** A prompt that shows (here, or in another tab) no longer waits for it. */
export function unqueue(state: PromptState, promptId: string, why: string): void {
  const entry = state.queue.find((queued) => queued.prompt.id === promptId);
  if (entry) dequeue(state, entry, `left the queue, ${why}`);
}

/** Empties the queue (a reset, or the SDK going away): nothing queued for before shows after. */
export function clearQueue(state: PromptState): void {
  state.queue.length = 0;
  state.expired.clear();
  state.leftPage.clear();
}

/**
 * Gives the queue its turn once the display lock is free: at once without Web Locks, else when
 * the tab holding it (this one included) lets go, even by closing. One wait at a time.
 */
export function wake(state: PromptState): void {
  if (state.waking || !state.queue.length || state.destroyed) return;
  state.waking = true;
  void state.tabs.whenFree().then(
    safely(state, (free: boolean) => {
      state.waking = false;
      if (free) state.offerTurn();
    }),
  );
}

/** For the trigger line of `explain()`: " (queued: waiting for "nps" to close, expires in 42 seconds)". */
export function queueStatus(state: PromptState, promptId: string): string {
  const now = Date.now();
  prune(state, now);
  const entry = state.queue.find((queued) => queued.prompt.id === promptId);
  if (entry) {
    const blocker = state.current?.prompt.id ?? state.tabs.elsewhere();
    return ` (queued: waiting for ${blocker ? `"${blocker}" to close` : 'its turn'}, expires in ${span(entry.expiresAt - now, Math.ceil)})`;
  }
  const expiredAt = state.expired.get(promptId);
  return expiredAt === undefined ? '' : ` (expired from the queue ${span(now - expiredAt)} ago)`;
}
