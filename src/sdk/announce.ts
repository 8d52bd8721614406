import type { Emitter } from '../emitter.js';
import type { WaymarkEvents } from '../instance.js';
import { RESERVED, type Touchpoint } from '../types.js';

/** Tells the page's `on()` handlers about a touchpoint the rules have seen, and about the prompt it marks. */
export function announce(events: Emitter<WaymarkEvents>, touchpoint: Touchpoint): void {
  events.emit('touchpoint', touchpoint);
  const { name, props } = touchpoint;
  const promptId = String(props.promptId);
  if (name === RESERVED.promptShown) events.emit('prompt:shown', { promptId });
  if (name === RESERVED.promptAnswered) events.emit('prompt:answered', { promptId, answer: props });
  if (name === RESERVED.promptDismissed) events.emit('prompt:dismissed', { promptId, reason: String(props.reason) });
}
