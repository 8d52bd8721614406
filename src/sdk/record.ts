import { createIdentity, type Identity } from '../track/identity.js';
import { createOutbox, type Outbox } from '../outbox/index.js';
import { stampTzOffset } from '../rewards/tz-stamp.js';
import { currentPage } from '../track/page-info.js';
import { makeTouchpoint } from '../track/touchpoint.js';
import type { Props, Touchpoint } from '../types.js';
import type { SdkCore } from './core.js';
import { outboxOptions } from './outbox-options.js';

/** The visitor's identity, made (and written) on first use. */
export const identity = (sdk: SdkCore): Identity =>
  (sdk.identityCache ??= createIdentity(sdk.namespace, typeof sdk.options.userId === 'string' ? sdk.options.userId : undefined));

export const openOutbox = (sdk: SdkCore): Outbox => (sdk.outbox ??= createOutbox(outboxOptions(sdk)));

/** Consent given: the outbox opens, and whatever waited for consent (the profile) goes on. */
export function giveConsent(sdk: SdkCore): void {
  openOutbox(sdk);
  sdk.grantConsent();
}

/** Stamps a touchpoint, hands it to the outbox at once, and queues the rule work. */
export function record(sdk: SdkCore, name: string, props: Props): Touchpoint | null {
  if (sdk.destroyed || !sdk.consented) return null;
  const touchpoint = makeTouchpoint(name, stampTzOffset(sdk.config, name, props), identity(sdk), currentPage());
  if (sdk.tooLarge(touchpoint)) return null;
  openOutbox(sdk).add(touchpoint);
  sdk.ruleQueue.push(touchpoint, true);
  return touchpoint;
}
