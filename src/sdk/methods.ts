import { WaymarkError } from '../errors.js';
import type { Waymark, WaymarkEvents } from '../instance.js';
import { sanitizeProps } from '../track/sanitize.js';
import { type PropsInput, RESERVED } from '../types.js';
import { validName, validUserId } from './arguments.js';
import type { SdkCore } from './core.js';
import { NO_FLUSH, NO_STATS, notLoaded } from './fallbacks.js';
import { giveConsent, identity, record } from './record.js';
import { changeVisitor } from './visitor-change.js';

export type PublicMethods = Omit<Waymark, 'ready' | 'state'>;

/** What a method answers when it fails (guardAll): the same as before anything is loaded. */
export const FALLBACKS = { explain: notLoaded(''), referral: null, on: () => {}, flush: Promise.resolve(NO_FLUSH), stats: NO_STATS };

/** The instance's methods over its record; guardAll keeps anything they throw from the page. */
export const publicMethods = (sdk: SdkCore): PublicMethods => ({
  track: (name: string, props?: PropsInput) => {
    if (validName(name, sdk.report)) record(sdk, name, sanitizeProps(props));
  },
  page: (props?: PropsInput) => void record(sdk, RESERVED.pageView, sanitizeProps(props)),
  identify: (userId: string | null, traits?: PropsInput) => {
    if (!validUserId(userId, sdk.report) || !sdk.consented) return;
    sdk.ruleQueue.drain();
    const visitor = identity(sdk);
    visitor.setUserId(userId);
    changeVisitor(sdk, { anonymousId: visitor.anonymousId(), userId, reset: false }, true);
    record(sdk, RESERVED.identify, { userId, traits: sanitizeProps(traits) });
  },
  show: (promptId: string, showOptions?: { force?: boolean | undefined }) => {
    // Read now, inside the guard: the host's objects may have changed or throw by the time the config is ready.
    const id = String(promptId);
    const force = showOptions?.force === true;
    void sdk.booted.then(() => sdk.engine?.show(id, force));
  },
  explain: (promptId: string) => sdk.engine?.explain(String(promptId)) ?? notLoaded(promptId),
  redeem: (offerId: string) =>
    sdk.engine
      ? sdk.engine.redeem(String(offerId))
      : sdk.report(new WaymarkError('unknown_offer', `no offer "${String(offerId)}": the config is not loaded yet`)),
  referral: (base?: string) => sdk.engine?.referral(typeof base === 'string' ? base : undefined) ?? null,
  on: <K extends keyof WaymarkEvents>(event: K, handler: (payload: WaymarkEvents[K]) => void) =>
    typeof handler === 'function' ? sdk.events.on(event, handler) : () => {},
  flush: () => (sdk.ruleQueue.drain(), sdk.outbox?.flush() ?? Promise.resolve(NO_FLUSH)),
  stats: () => sdk.outbox?.stats() ?? NO_STATS,
  setConsent: (granted: boolean) => {
    sdk.consented = granted === true;
    // Withdrawn consent: what is still waiting is not sent either.
    if (sdk.consented) giveConsent(sdk);
    else void sdk.outbox?.clear();
  },
  reset: () => {
    sdk.ruleQueue.drain();
    // Without consent nothing new is written; with it, even an identity not used yet is replaced.
    const current = sdk.consented ? identity(sdk) : sdk.identityCache;
    current?.reset();
    changeVisitor(sdk, { anonymousId: current?.anonymousId() ?? '', userId: null, reset: true }, true);
  },
  destroy: () => destroy(sdk),
});

/** Stops everything the instance started; what is stored stays for the next page. */
function destroy(sdk: SdkCore): void {
  if (sdk.destroyed) return;
  sdk.ruleQueue.drain();
  sdk.destroyed = true;
  sdk.stopDetectors();
  sdk.engine?.close();
  sdk.ruleQueue.stop();
  sdk.feed.close();
  sdk.identityCache?.persist();
  sdk.outbox?.destroy();
  sdk.pageExit.stop();
  sdk.events.clear();
  sdk.onDestroy();
}
