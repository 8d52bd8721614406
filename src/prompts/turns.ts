import type { PromptState } from './context.js';
import { openPrompt } from './display.js';
import { failingGates } from './explain.js';
import { dequeue, prune, waitsItsTurn } from './queue.js';

/**
 * The screen may be free: the first queued prompt that passes every gate again shows, and
 * those that never can now (a session cap reached, an `if` that stopped holding) leave the
 * queue. A prompt chosen first and waiting out its delay keeps its place ahead of the queue.
 */
export function takeTurns(state: PromptState): void {
  prune(state);
  for (const entry of [...state.queue]) {
    if (state.current || state.destroyed || state.pending.size) return;
    // A resumed survey is the display the reload interrupted: only another prompt on screen holds it back.
    const failed = failingGates(state, entry.prompt).filter((report) => !entry.resumed || report.gate === 'one at a time');
    if (waitsItsTurn(failed)) continue; // still showing in another tab: the lock wakes the queue
    dequeue(state, entry, failed.length ? `left the queue (${failed.map((report) => report.reason).join('; ')})` : 'its turn');
    if (!failed.length) void openPrompt(state, entry.prompt, false, entry.resumed);
  }
}
