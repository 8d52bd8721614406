/**
 * Every name the SDK gives to what it keeps on the device or shares between the tabs of an
 * origin, in one place. The strings are part of the stored data: a page of a later version
 * must find what an earlier one left, so a name here never changes once released. Each is a
 * function of the namespace (`init({ namespace })`), so two SDKs on one origin never meet.
 * The functions are inlined by the build: each caller's bundle holds only its own strings.
 */

// IndexedDB databases, each with one object store.

/** Touchpoints not delivered yet, keyed by id and JSON length; and the flusher lease where Web Locks are missing. */
export const outboxDatabase = (namespace: string) => `waymark-${namespace}-outbox`;
/** The object store in {@link outboxDatabase}. */
export const OUTBOX_STORE = 'outbox';

/** The visitor's profile (counts, traits, stage, prompt history) and when it was saved. */
export const profileDatabase = (namespace: string) => `waymark-${namespace}-profile`;
/** The object store in {@link profileDatabase}. */
export const PROFILE_STORE = 'profile';

/** The visitor's points ledger and when it was saved. */
export const ledgerDatabase = (namespace: string) => `waymark-${namespace}-ledger`;
/** The object store in {@link ledgerDatabase}. */
export const LEDGER_STORE = 'ledger';

// localStorage keys, read synchronously. The identity keys and the sent marks fall back to a cookie
// where localStorage is full or blocked, named as the key with `_` for each `:`.

/** The anonymous visitor id. */
export const anonymousIdKey = (namespace: string) => `waymark:${namespace}:aid`;
/** The user id given to identify(), until reset() or identify(null). */
export const userIdKey = (namespace: string) => `waymark:${namespace}:uid`;
/** The current session: id, start and last activity, shared by the tabs. */
export const sessionKey = (namespace: string) => `waymark:${namespace}:session`;
/** The profile a hiding page held, stamped with a time, for when its IndexedDB write did not commit. */
export const profileCopyKey = (namespace: string) => `waymark:${namespace}:profile`;
/** The ledger as last changed, stamped with a time, for when its IndexedDB write did not commit. */
export const ledgerCopyKey = (namespace: string) => `waymark:${namespace}:ledger`;
/** The delivery retry schedule shared by the tabs: [time of the next attempt, failures in a row]. */
export const retryKey = (namespace: string) => `waymark:${namespace}:retry`;
/** The count of records dropped and not reported yet. */
export const droppedKey = (namespace: string) => `waymark:${namespace}:dropped`;
/** Followed by a page id: touchpoints a hiding page could not commit to IndexedDB, for the next page to store. */
export const spillKeyPrefix = (namespace: string) => `waymark:${namespace}:spill:`;
/** Followed by a page id: the ids a hiding page sent in its last request, so the next page does not send them again. */
export const sentKeyPrefix = (namespace: string) => `waymark:${namespace}:sent:`;

// sessionStorage keys: this tab only, gone when it closes.

/** The survey on screen, where the visitor was and what they answered, so a reload resumes it. */
export const surveyProgressKey = (namespace: string) => `waymark:${namespace}:survey`;

// BroadcastChannels.

/** Prompts opened and closed in other tabs, so one shows at a time. */
export const promptChannel = (namespace: string) => `waymark-${namespace}`;
/** Touchpoints and identity changes of the other tabs, applied to every tab's profile. */
export const touchpointChannel = (namespace: string) => `waymark-${namespace}-touchpoints`;

// Web Locks.

/** Held by the one tab of an origin that sends the outbox. */
export const flushLock = (namespace: string) => `waymark-${namespace}-flush`;
/** Held by the tab showing a prompt, while it shows. */
export const promptLock = (namespace: string) => `waymark-${namespace}-prompt`;
