import type { Prompt } from '../config/schema.js';
import { note, type PromptState, safely } from './context.js';
import { wake } from './queue.js';

/** Runs `then` after the prompt's `delaySeconds`, unless the delay is cancelled first. */
export function waitThen(state: PromptState, prompt: Prompt, seconds: number, then: () => void): void {
  note(state, prompt.id, `showing in ${seconds} s if still eligible`);
  const run = safely(state, () => {
    state.pending.delete(prompt.id);
    then();
  });
  state.pending.set(prompt.id, setTimeout(run, seconds * 1000));
}

export function cancelDelay(state: PromptState, promptId: string, why: string): void {
  const { pending } = state;
  if (!pending.has(promptId)) return;
  clearTimeout(pending.get(promptId));
  pending.delete(promptId);
  note(state, promptId, `delay cancelled, ${why}`);
  wake(state); // the queue waited for it
}

export function cancelDelays(state: PromptState, why: string): void {
  for (const promptId of state.pending.keys()) cancelDelay(state, promptId, why);
}
