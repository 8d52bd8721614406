import { WaymarkError } from '../errors.js';
import type { IdentityChange } from '../track/tab-feed.js';
import type { Touchpoint } from '../types.js';
import { announce } from './announce.js';
import type { SdkCore } from './core.js';

/** A touchpoint's turn in the scheduler: the rules apply it, then the page's handlers hear of it. */
export function processTouchpoint(sdk: SdkCore, touchpoint: Touchpoint, own: boolean): void {
  try {
    sdk.engine?.onTouchpoint(touchpoint, own);
    if (own) announce(sdk.events, touchpoint);
  } catch (error) {
    sdk.report(new WaymarkError('internal', `processing "${touchpoint.name}" failed: ${String(error)}`, error));
  }
}

/**
 * Who the visitor is changes in every tab at once. What was queued before is processed
 * first (by identify/reset in their own tab), as the old visitor; after a reset nothing of
 * the old one (points, prompt history, scheduled prompts) carries over.
 */
export function changeVisitor(sdk: SdkCore, change: IdentityChange, own: boolean): void {
  if (own) sdk.feed.announce(change);
  else {
    sdk.ruleQueue.drain();
    if (change.anonymousId) sdk.identityCache?.adopt(change.anonymousId, change.userId);
  }
  if (change.reset) sdk.engine?.forget();
}
