import type { Prompt } from '../config/schema.js';
import { evaluate, matchesWhere } from '../rules/conditions.js';
import type { Facts } from '../rules/facts.js';
import { RESERVED, type Touchpoint } from '../types.js';
import type { PromptState } from './context.js';
import { span } from './durations.js';

/**
 * Whether an SPA route change (`view`, its `$page_view`) left the page that triggered the
 * prompt: a `$page_view` trigger whose `where` the new page fails. That page view is gone for
 * good, unlike an `if`, which may hold again. `presentation.keepOnRouteChange` opts out.
 */
export function leftTriggerPage(prompt: Prompt, view: Touchpoint): boolean {
  const where = prompt.trigger?.where;
  return !prompt.presentation?.keepOnRouteChange && prompt.trigger?.on === RESERVED.pageView && !!where && !matchesWhere(where, view.props);
}

export const LEFT = 'its page was left';

/** Why a prompt no longer belongs on the page a route change led to, or undefined while it does. */
export function leftItsPage(prompt: Prompt, view: Touchpoint, facts: Facts): string | undefined {
  if (leftTriggerPage(prompt, view)) return LEFT;
  if (!prompt.presentation?.keepOnRouteChange && prompt.if && !evaluate(prompt.if, facts)) return 'its "if" no longer holds';
  return undefined;
}

/** For the trigger line of `explain()`: " (ended, its page was left 5 seconds ago)", closed or out of the queue. */
export function pageStatus(state: PromptState, promptId: string): string {
  const at = state.leftPage.get(promptId);
  return at === undefined ? '' : ` (ended, ${LEFT} ${span(Date.now() - at)} ago)`;
}
