import { lazy, chunkUrl } from '../lazy/load.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { createEmitter } from '../emitter.js';
import { WaymarkError } from '../errors.js';
import { guardAll } from '../guard.js';
import type { Waymark, WaymarkEvents } from '../instance.js';
import { createPageExit } from '../lifecycle/page-exit.js';
import { createLogger } from '../log.js';
import type { InitOptions } from '../options.js';
import { createOutbox, type Outbox } from '../outbox/index.js';
import { createPipeline } from '../scheduler.js';
import type { PromptController } from '../prompts/controller.js';
import type { PromptHost } from '../prompts/host.js';
import { stampTzOffset } from '../rewards/tz-stamp.js';
import { storageErrorsOnce } from '../storage/errors.js';
import { startDetectors } from '../track/detectors/index.js';
import { detectLocale } from '../track/device.js';
import { createIdentity, type Identity } from '../track/identity.js';
import { currentPage } from '../track/page-info.js';
import { createSizeCheck } from '../track/record-size.js';
import { sanitizeProps } from '../track/sanitize.js';
import { createTabFeed, type IdentityChange } from '../track/tab-feed.js';
import { makeTouchpoint } from '../track/touchpoint.js';
import { type Props, type PropsInput, RESERVED, type Touchpoint } from '../types.js';
import type { Derived, Visitor } from '../profile/visitor.js';
import { announce } from './announce.js';
import { validName, validUserId } from './arguments.js';
import { NO_FLUSH, NO_STATS, notLoaded } from './fallbacks.js';
import { outboxOptions } from './outbox-options.js';
import { createState, updateState } from './state.js';

const loadEngine = lazy('waymark-engine.js', () => import('../lazy/engine.js'));

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
  const state = createState();
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
    (outbox ??= createOutbox(
      outboxOptions(options, report, events, pageExit, debug, (profile) => {
        if (visitor) recordAll(visitor.ledger.adopt(profile));
      }),
    ));
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
      announce(events, touchpoint);
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

  const syncState = () => updateState(state, visitor);

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

  const startPrompts = (chunk: typeof import('../lazy/engine.js')) => {
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

  return {
    ...guardAll(
      report,
      {
        track: (name: string, props?: PropsInput) => {
          if (validName(name, report)) record(name, sanitizeProps(props));
        },
        page: (props?: PropsInput) => void record(RESERVED.pageView, sanitizeProps(props)),
        identify: (userId: string | null, traits?: PropsInput) => {
          if (!validUserId(userId, report) || !consent) return;
          pipeline.drain();
          identity().setUserId(userId);
          changeVisitor({ anonymousId: identity().anonymousId(), userId, reset: false }, true);
          record(RESERVED.identify, { userId, traits: sanitizeProps(traits) });
        },
        show: (promptId: string, showOptions?: { force?: boolean | undefined }) => {
          // Read now, inside the guard: the host's objects may have changed or throw by the time the config is ready.
          const id = String(promptId);
          const force = showOptions?.force === true;
          void ready.then(() => controller?.show(id, { force }));
        },
        explain: (promptId: string) => controller?.explain(String(promptId)) ?? notLoaded(promptId),
        redeem: (offerId: string) => redeem(String(offerId)),
        referral: (base?: string) => {
          const made = visitor?.referral(typeof base === 'string' ? base : undefined);
          recordAll(made?.records ?? []);
          return made?.link ?? null;
        },
        on: <K extends keyof WaymarkEvents>(event: K, handler: (payload: WaymarkEvents[K]) => void) =>
          typeof handler === 'function' ? events.on(event, handler) : () => {},
        flush: () => (pipeline.drain(), outbox?.flush() ?? Promise.resolve(NO_FLUSH)),
        stats: () => outbox?.stats() ?? NO_STATS,
        setConsent: (granted: boolean) => {
          consent = granted === true;
          // Withdrawn consent: what is still waiting is not sent either.
          if (consent) openOutbox(), grantConsent();
          else void outbox?.clear();
        },
        reset: () => {
          pipeline.drain();
          // Without consent nothing new is written; with it, even an identity not used yet is replaced.
          const current = consent ? identity() : identityCache;
          current?.reset();
          changeVisitor({ anonymousId: current?.anonymousId() ?? '', userId: null, reset: true }, true);
        },
        destroy: () => {
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
      },
      { explain: notLoaded(''), referral: null, on: () => {}, flush: Promise.resolve(NO_FLUSH), stats: NO_STATS },
    ),
    ready: () => ready,
    state,
  };
}
