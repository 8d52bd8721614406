import type { DeliveryStats, Explanation, FlushResult, InitOptions, Waymark, WaymarkEvents } from './api.js';
import { loadConfig } from './config/load.js';
import type { Config } from './config/schema.js';
import { createEmitter } from './emitter.js';
import { WaymarkError } from './errors.js';
import { guard } from './guard.js';
import { createLogger } from './log.js';
import { storageErrorsOnce } from './storage/errors.js';
import { createOutbox, DEFAULT_DELIVERY, type Outbox } from './outbox/index.js';
import { createPipeline } from './scheduler.js';
import { createPageExit } from './lifecycle/page-exit.js';
import { chunkUrl, lazy } from './lazy/load.js';
import type { PromptController } from './prompts/controller.js';
import type { PromptHost } from './prompts/host.js';
import { stateSignal } from './state-signal.js';
import { startDetectors } from './track/detectors/index.js';
import { detectLocale } from './track/device.js';
import { definedOnly } from './defined-only.js';
import { createIdentity, type Identity } from './track/identity.js';
import { currentPage } from './track/page-info.js';
import { createSizeCheck } from './track/record-size.js';
import { sanitizeProps } from './track/sanitize.js';
import { createTabFeed, type IdentityChange } from './track/tab-feed.js';
import { makeTouchpoint } from './track/touchpoint.js';
import { stampTzOffset } from './rewards/tz-stamp.js';
import { RESERVED, type Props, type PropsInput, type Touchpoint } from './types.js';
import type { Derived, Visitor } from './profile/visitor.js';
import type { ChallengeView } from './rewards/challenge-view.js';

export const SDK_VERSION = '__WAYMARK_VERSION__';

const loadEngine = lazy('waymark-engine.js', () => import('./lazy/engine.js'));

/**
 * Records go only where they were recorded for: two setups on one origin (a shop and an app
 * with other write keys or endpoints) get separate outboxes, so neither sends the other's.
 */
function outboxName(namespace: string, { endpoint, writeKey, format }: InitOptions): string {
  const key = `${endpoint}|${writeKey}|${format}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return `${namespace}-${(hash >>> 0).toString(36)}`;
}

const NO_FLUSH: FlushResult = { sent: 0, retried: 0, dropped: 0, pending: 0 };
const NO_STATS: DeliveryStats = { pending: 0, sent: 0, dropped: 0, retries: 0, storage: 'memory', lastError: null, nextAttemptAt: null };

/** Wires the modules once per instance. Every public method is guarded: nothing throws out. */
export function createSdk(options: InitOptions & { namespace: string }, onDestroy: () => void): Waymark {
  const { namespace } = options;
  const debug = createLogger(() => options.debug === true);
  const events = createEmitter<WaymarkEvents>((error) => report(new WaymarkError('internal', `an event handler threw: ${String(error)}`, error)));
  const report = storageErrorsOnce((error) => events.emit('error', error), debug);
  const locale = detectLocale(options.locale);
  // Made on first use, so that without consent not even the anonymous id is written.
  let identityCache: Identity | undefined;
  const identity = () => (identityCache ??= createIdentity(namespace, typeof options.userId === 'string' ? options.userId : undefined));
  let grantConsent = () => {};
  const consentGiven = new Promise<void>((resolve) => (grantConsent = resolve));
  const state = {
    stage: stateSignal<string | null>(null),
    points: stateSignal(0),
    tier: stateSignal<string | null>(null),
    challenges: stateSignal<Record<string, ChallengeView>>({}),
  };
  let config: Config | null = null;
  let visitor: Visitor | null = null;
  let controller: PromptController | null = null;
  let host: PromptHost | null = null;
  let consent = options.consent !== false;
  let destroyed = false;

  // One owner of the page's last moment: the rules derive, then the profile and outbox persist, then the outbox sends.
  const pageExit = createPageExit((error) => report(new WaymarkError('internal', String(error), error)));
  pageExit.on('derive', () => pipeline.drain());
  // Created on consent only: without it nothing is stored or sent, not even earlier leftovers.
  let outbox: Outbox | null = null;
  const openOutbox = (): Outbox =>
    (outbox ??= createOutbox({
      namespace: outboxName(namespace, options),
      endpoint: () => options.endpoint,
      ...(options.writeKey ? { writeKey: options.writeKey } : {}),
      ...(options.headers ? { headers: options.headers } : {}),
      format: options.format === 'segment' ? 'segment' : 'waymark',
      sdkVersion: SDK_VERSION,
      delivery: { ...DEFAULT_DELIVERY, ...definedOnly(options.delivery) },
      onError: report,
      pageExit,
      onFlush: (result) => events.emit('flush', result),
      // Server authority: the endpoint's answer may carry the visitor's points and tier.
      onResponse: (body) => {
        const profile = (body as { profile?: unknown } | null)?.profile;
        if (profile && visitor) recordAll(visitor.ledger.adopt(profile));
      },
      debug,
    }));
  if (consent) openOutbox(), grantConsent();

  const tooLarge = createSizeCheck(options, report);
  /** Stamps a touchpoint, hands it to the outbox at once, and queues the rule work. */
  const record = (name: string, props: Props): Touchpoint | null => {
    if (destroyed || !consent) return null;
    const touchpoint = makeTouchpoint(name, stampTzOffset(config, name, props), identity(), currentPage());
    if (tooLarge(touchpoint)) return null;
    openOutbox().add(touchpoint);
    pipeline.push(touchpoint, true);
    return touchpoint;
  };
  const recordAll = (derived: Derived[]) => derived.forEach(({ name, props }) => record(name, props));

  const process = (touchpoint: Touchpoint, own: boolean) => {
    try {
      const derived = visitor?.apply(touchpoint, own) ?? [];
      if (!own) return syncState(); // another tab's $stage or points move this tab's signals too
      recordAll(derived);
      controller?.onTouchpoint(touchpoint);
      announce(touchpoint);
    } catch (error) {
      report(new WaymarkError('internal', `processing "${touchpoint.name}" failed: ${String(error)}`, error));
    }
  };
  const feed = createTabFeed(
    namespace,
    (touchpoints) => touchpoints.forEach((touchpoint) => pipeline.push(touchpoint, false)),
    (change) => changeVisitor(change, false),
  );
  /**
   * Who the visitor is changes in every tab at once. What was queued before is processed
   * first (by identify/reset in their own tab), as the old visitor; after a reset nothing of
   * the old one (points, prompt history, scheduled prompts) carries over.
   */
  const changeVisitor = (change: IdentityChange, own: boolean) => {
    if (own) feed.announce(change);
    else {
      pipeline.drain();
      if (change.anonymousId) identityCache?.adopt(change.anonymousId, change.userId);
    }
    if (change.reset) controller?.forget(), visitor?.forget();
  };
  const pipeline = createPipeline(process, feed.share);

  const announce = (touchpoint: Touchpoint) => {
    events.emit('touchpoint', touchpoint);
    const { name, props } = touchpoint;
    const promptId = String(props.promptId);
    if (name === RESERVED.promptShown) events.emit('prompt:shown', { promptId });
    if (name === RESERVED.promptAnswered) events.emit('prompt:answered', { promptId, answer: props });
    if (name === RESERVED.promptDismissed) events.emit('prompt:dismissed', { promptId, reason: String(props.reason) });
  };

  const syncState = () => {
    if (!visitor) return;
    state.points.value = visitor.ledger.points;
    state.tier.value = visitor.ledger.tier;
    state.stage.value = visitor.stage;
    state.challenges.value = visitor.challenges();
  };

  const redeem = (offerId: string) => {
    if (!visitor) return report(new WaymarkError('unknown_offer', `no offer "${String(offerId)}": the config is not loaded yet`));
    pipeline.drain();
    const result = visitor.ledger.redeem(offerId);
    if (!result.ok) return report(result.error);
    const touchpoint = record(RESERVED.redeem, result.props);
    // Applying now reserves the points, so a double click cannot spend them twice.
    if (touchpoint) recordAll(visitor.ledger.apply(touchpoint));
  };

  const stopDetectors = startDetectors(options.detectors ?? {}, (name, props) => void record(name, props));

  // Without a config there is nothing to evaluate: touchpoints are only recorded and delivered.
  const engine = options.config === undefined || options.config === null ? undefined : loadEngine();
  const ready = Promise.all([loadConfig(options.config, report, debug), engine])
    .then(async ([loaded, chunk]) => {
      config = loaded;
      // The profile lives in IndexedDB: it is opened only once there is consent to store.
      if (config && chunk) await consentGiven;
      if (config && chunk && !destroyed) {
        visitor = await chunk.openVisitor(config, namespace, locale, report, syncState, pageExit);
        if (destroyed) return visitor.close();
        syncState();
        if (config.prompts?.length) startPrompts(chunk);
        recordAll(visitor.restage());
        recordAll(visitor.landing(globalThis.location?.search ?? ''));
      }
      events.emit('ready', { config });
    })
    .catch((error) => report(new WaymarkError('config_fetch_failed', `the engine could not start: ${String(error)}`, error)))
    // Whatever failed, touchpoints keep flowing (recorded and delivered, without rules).
    .finally(() => destroyed || pipeline.start());

  const startPrompts = (chunk: typeof import('./lazy/engine.js')) => {
    const widgetsUrl = options.widgetsUrl ?? chunkUrl('waymark-widgets.js');
    host = chunk.createPromptHost({ load: chunk.widgetsLoader(widgetsUrl), ...(options.nonce ? { nonce: options.nonce } : {}), onError: report });
    controller = chunk.createPromptController({
      config: () => config,
      facts: () => visitor!.facts(),
      anonymousId: () => identity().anonymousId(),
      host,
      record: (name, props) => void record(name, props),
      widgetEnv: (prompt) => ({ locale, defaultLocale: config?.defaultLocale ?? 'en', theme: config?.theme ?? {}, ...visitor!.widgetExtras(prompt) }),
      offer: (offerId) => config?.rewards?.offers?.find((offer) => offer.id === offerId),
      redeem,
      flushSoon: () => outbox?.flushSoon(),
      namespace,
      onError: report,
      debug,
    });
  };

  const validName = (name: unknown): name is string => {
    if (typeof name !== 'string' || !/\S/.test(name) || name.length > 200) {
      report(new WaymarkError('invalid_argument', `track() needs a non-empty name, got ${typeof name === 'string' ? JSON.stringify(name) : typeof name}`));
      return false;
    }
    if (name.startsWith('$')) {
      report(new WaymarkError('invalid_argument', `"${name}": names starting with $ are reserved for the SDK`));
      return false;
    }
    return true;
  };
  const notLoaded = (promptId: unknown): Explanation => ({
    promptId: String(promptId),
    eligible: false,
    gates: [{ gate: 'config', pass: false, reason: 'config: not loaded yet' }],
  });

  return {
    track: guard(
      report,
      'track',
      (name: string, props?: PropsInput) => {
        if (validName(name)) record(name, sanitizeProps(props));
      },
      undefined,
    ),
    page: guard(report, 'page', (props?: PropsInput) => void record(RESERVED.pageView, sanitizeProps(props)), undefined),
    identify: guard(
      report,
      'identify',
      (userId: string | null, traits?: PropsInput) => {
        if (userId !== null && (typeof userId !== 'string' || !userId)) {
          return report(new WaymarkError('invalid_argument', 'identify() needs a user id string (or null to keep the visitor anonymous)'));
        }
        if (!consent) return;
        pipeline.drain();
        identity().setUserId(userId);
        changeVisitor({ anonymousId: identity().anonymousId(), userId, reset: false }, true);
        record(RESERVED.identify, { userId, traits: sanitizeProps(traits) });
      },
      undefined,
    ),
    show: guard(
      report,
      'show',
      (promptId: string, showOptions?: { force?: boolean | undefined }) => {
        // Read now, inside the guard: the host's objects may have changed or throw by the time the config is ready.
        const id = String(promptId);
        const force = showOptions?.force === true;
        void ready.then(() => controller?.show(id, { force }));
      },
      undefined,
    ),
    explain: guard(report, 'explain', (promptId: string) => controller?.explain(String(promptId)) ?? notLoaded(promptId), notLoaded('')),
    redeem: guard(report, 'redeem', (offerId: string) => redeem(String(offerId)), undefined),
    referral: guard(
      report,
      'referral',
      (base?: string) => {
        const made = visitor?.referral(typeof base === 'string' ? base : undefined);
        recordAll(made?.records ?? []);
        return made?.link ?? null;
      },
      null,
    ),
    on: guard(
      report,
      'on',
      (event, handler) => (typeof handler === 'function' ? events.on(event, handler) : () => {}),
      () => {},
    ),
    flush: guard(report, 'flush', () => (pipeline.drain(), outbox?.flush() ?? Promise.resolve(NO_FLUSH)), Promise.resolve(NO_FLUSH)),
    stats: guard(report, 'stats', () => outbox?.stats() ?? NO_STATS, NO_STATS),
    setConsent: guard(
      report,
      'setConsent',
      (granted: boolean) => {
        consent = granted === true;
        // Withdrawn consent: what is still waiting is not sent either.
        if (consent) openOutbox(), grantConsent();
        else void outbox?.clear();
      },
      undefined,
    ),
    reset: guard(
      report,
      'reset',
      () => {
        pipeline.drain();
        // Without consent nothing new is written; with it, even an identity not used yet is replaced.
        const current = consent ? identity() : identityCache;
        current?.reset();
        changeVisitor({ anonymousId: current?.anonymousId() ?? '', userId: null, reset: true }, true);
      },
      undefined,
    ),
    destroy: guard(
      report,
      'destroy',
      () => {
        if (destroyed) return;
        pipeline.drain();
        destroyed = true;
        stopDetectors();
        controller?.destroy();
        host?.destroy();
        pipeline.stop();
        feed.close();
        visitor?.close();
        identityCache?.persist();
        outbox?.destroy();
        pageExit.stop();
        events.clear();
        onDestroy();
      },
      undefined,
    ),
    ready: () => ready,
    state,
  };
}
