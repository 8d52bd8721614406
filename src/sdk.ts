import { signal } from '@preact/signals-core';
import type { Explanation, FlushResult, InitOptions, Waymark, WaymarkEvents } from './api.js';
import { loadConfig } from './config/load.js';
import type { Config } from './config/schema.js';
import { createEmitter } from './emitter.js';
import { WaymarkError } from './errors.js';
import { guard } from './guard.js';
import { createLogger } from './log.js';
import { createOutbox, DEFAULT_DELIVERY } from './outbox/index.js';
import { createIdentity } from './track/identity.js';
import { currentPage } from './track/page-info.js';
import { sanitizeProps } from './track/sanitize.js';
import { makeTouchpoint } from './track/touchpoint.js';
import type { Props, Touchpoint } from './types.js';

export const SDK_VERSION = '__WAYMARK_VERSION__';

/** Wires the modules once per instance. Every public method is guarded: nothing throws out. */
export function createSdk(options: InitOptions & { namespace: string }, onDestroy: () => void): Waymark {
  const namespace = options.namespace;
  let debugOn = options.debug === true;
  const debug = createLogger(() => debugOn);
  const events = createEmitter<WaymarkEvents>((error) => report(new WaymarkError('internal', `an event handler threw: ${String(error)}`, error)));
  const report = (error: WaymarkError) => {
    debug(`${error.code}: ${error.message}`);
    events.emit('error', error);
  };
  const identity = createIdentity(namespace, typeof options.userId === 'string' ? options.userId : undefined);
  const state = { stage: signal<string | null>(null), points: signal(0), tier: signal<string | null>(null) };
  let config: Config | null = null;
  let consent = options.consent !== false;
  let destroyed = false;
  const outbox = createOutbox({
    namespace,
    endpoint: () => options.endpoint,
    ...(options.writeKey ? { writeKey: options.writeKey } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    format: options.format === 'segment' ? 'segment' : 'waymark',
    sdkVersion: SDK_VERSION,
    delivery: { ...DEFAULT_DELIVERY, ...options.delivery },
    onError: report,
    onFlush: (result) => events.emit('flush', result),
    debug,
  });

  const record = (name: string, props: Props): Touchpoint | null => {
    if (destroyed || !consent) return null;
    const touchpoint = makeTouchpoint(name, props, identity, currentPage());
    outbox.add(touchpoint);
    events.emit('touchpoint', touchpoint);
    return touchpoint;
  };

  const readyPromise = loadConfig(options.config, report).then((loaded) => {
    config = loaded;
    events.emit('ready', { config });
  });

  const publicName = (name: unknown): name is string => {
    if (typeof name !== 'string' || !name.trim() || name.length > 200) {
      report(new WaymarkError('invalid_argument', `track() needs a non-empty name, got ${typeof name === 'string' ? JSON.stringify(name) : typeof name}`));
      return false;
    }
    if (name.startsWith('$')) {
      report(new WaymarkError('invalid_argument', `"${name}": names starting with $ are reserved for the SDK`));
      return false;
    }
    return true;
  };
  const noFlush: FlushResult = { sent: 0, retried: 0, dropped: 0, pending: 0 };

  const wm: Waymark = {
    track: guard(report, 'track', (name: string, props?: Props) => {
      if (publicName(name)) record(name, sanitizeProps(props));
    }, undefined),
    page: guard(report, 'page', (props?: Props) => void record('$page_view', sanitizeProps(props)), undefined),
    identify: guard(report, 'identify', (userId: string | null, traits?: Props) => {
      if (userId !== null && (typeof userId !== 'string' || !userId)) {
        report(new WaymarkError('invalid_argument', 'identify() needs a user id string (or null to keep the visitor anonymous)'));
        return;
      }
      identity.setUserId(userId);
      record('$identify', { userId, traits: sanitizeProps(traits) });
    }, undefined),
    show: guard(report, 'show', (promptId: string) => {
      report(new WaymarkError('unknown_prompt', `no prompt "${String(promptId)}" to show`));
    }, undefined),
    explain: guard(report, 'explain', (promptId: string): Explanation => ({
      promptId: String(promptId),
      eligible: false,
      gates: [{ gate: 'config', pass: false, reason: config ? `no prompt "${String(promptId)}" in the config` : 'no valid config is loaded' }],
    }), { promptId: '', eligible: false, gates: [] }),
    redeem: guard(report, 'redeem', (offerId: string) => {
      report(new WaymarkError('unknown_offer', `no offer "${String(offerId)}"`));
    }, undefined),
    on: guard(report, 'on', (event, handler) => (typeof handler === 'function' ? events.on(event, handler) : () => {}), () => {}),
    flush: guard(report, 'flush', () => outbox.flush(), Promise.resolve(noFlush)),
    stats: guard(report, 'stats', () => outbox.stats(), {
      pending: 0, sent: 0, dropped: 0, retries: 0, storage: 'memory', lastError: null, nextAttemptAt: null,
    }),
    setConsent: guard(report, 'setConsent', (granted: boolean) => void (consent = granted === true), undefined),
    reset: guard(report, 'reset', () => identity.reset(), undefined),
    destroy: guard(report, 'destroy', () => {
      if (destroyed) return;
      destroyed = true;
      identity.persist();
      outbox.destroy();
      events.clear();
      onDestroy();
    }, undefined),
    ready: () => readyPromise.catch(() => {}),
    state,
  };
  void debugOn;
  return wm;
}
