import type { Config } from '../config/schema.js';
import type { WaymarkError } from '../errors.js';
import type { PageExit } from '../lifecycle/page-exit.js';
import type { Logger } from '../log.js';
import type { InitOptions } from '../options.js';
import { type Derived, openVisitor, type Visitor } from '../profile/visitor.js';
import { createPromptController, type PromptController } from '../prompts/controller.js';
import type { Explanation } from '../prompts/explanation.js';
import { createPromptHost } from '../prompts/host.js';
import { widgetsLoader } from '../prompts/load-widgets.js';
import { pollResultsUrl } from '../prompts/poll-results.js';
import type { ReferralLink } from '../rewards/visitor-journeys.js';
import { type Props, RESERVED, type Touchpoint } from '../types.js';
import type { SdkState } from './state.js';

/**
 * What the engine takes from the instance that loaded it. These names cross from the core
 * bundle into the engine chunk, so the build keeps them as they are.
 */
export interface EngineHost {
  readonly config: Config | null;
  readonly namespace: string;
  readonly locale: string;
  readonly state: SdkState;
  readonly pageExit: PageExit;
  readonly debug: Logger;
  readonly widgetsUrl: string | undefined;
  readonly options: InitOptions;
  readonly nonce: string | undefined;
  readonly destroyed: boolean;
  report(error: WaymarkError): void;
  anonymousId(): string;
  newId(): string;
  /** Stamps and records a touchpoint (null: not recorded, no consent or too large). */
  record(name: string, props: Props): Touchpoint | null;
  /** Processes what is queued first, so a decision sees every earlier touchpoint. */
  drain(): void;
  flushSoon(): void;
}

/** The part of an instance a config drives: the visitor's profile, stage and points, and the prompts. */
export interface Engine {
  /** The rules' share of a touchpoint: the profile and ledger apply it, then the prompts hear of it. */
  onTouchpoint(touchpoint: Touchpoint, own: boolean): void;
  redeem(offerId: string): void;
  referral(base: string | undefined): ReferralLink | null;
  show(promptId: string, force: boolean): void;
  explain(promptId: string): Explanation | undefined;
  /** The endpoint's word on the visitor's points and tier. */
  adopt(profile: unknown): void;
  /** A new visitor (reset): nothing of the old one carries over. */
  forget(): void;
  close(): void;
}

/**
 * Loads the visitor's profile (IndexedDB) and starts the prompts; what they derive at once (a
 * stage, a referral) is recorded. Null when the instance was destroyed while the profile loaded.
 */
export async function startEngine(host: EngineHost, config: Config): Promise<Engine | null> {
  const { record, report } = host;
  let current: Visitor | null = null;
  const syncState = () => updateState(host.state, current);
  const visitor = await openVisitor(config, host.namespace, host.locale, report, syncState, host.pageExit);
  if (host.destroyed) return (visitor.close(), null);
  current = visitor;
  const recordAll = (derived: Derived[]) => derived.forEach(({ name, props }) => record(name, props));
  const redeem = (offerId: string) => {
    host.drain();
    const result = visitor.ledger.redeem(offerId);
    if (!result.ok) return report(result.error);
    const touchpoint = record(RESERVED.redeem, result.props);
    // Applying now reserves the points, so a double click cannot spend them twice.
    if (touchpoint) recordAll(visitor.ledger.apply(touchpoint));
  };
  syncState();
  const prompts = config.prompts?.length ? startPrompts(host, config, visitor, redeem) : undefined;
  recordAll(visitor.restage());
  recordAll(visitor.landing(globalThis.location?.search ?? ''));
  return {
    onTouchpoint(touchpoint, own) {
      const derived = visitor.apply(touchpoint, own);
      if (!own) return syncState(); // another tab's $stage or points move this tab's signals too
      recordAll(derived);
      prompts?.onTouchpoint(touchpoint);
    },
    redeem,
    referral(base) {
      const made = visitor.referral(base);
      recordAll(made.records);
      return made.link;
    },
    show: (promptId, force) => prompts?.show(promptId, { force }),
    explain: (promptId) => prompts?.explain(promptId),
    adopt: (profile) => recordAll(visitor.ledger.adopt(profile)),
    forget() {
      prompts?.forget();
      visitor.forget();
    },
    close() {
      prompts?.destroy();
      visitor.close();
    },
  };
}

/** The prompt controller and the host its widgets mount in, for a config with prompts. */
function startPrompts(host: EngineHost, config: Config, visitor: Visitor, redeem: (offerId: string) => void): PromptController {
  const { nonce, report } = host;
  const promptHost = createPromptHost({ load: widgetsLoader(host.widgetsUrl), ...(nonce ? { nonce } : {}), onError: report });
  const controller = createPromptController({
    config: () => config,
    facts: () => visitor.facts(),
    anonymousId: host.anonymousId,
    newId: host.newId,
    host: promptHost,
    record: (name, props) => void host.record(name, props),
    widgetEnv: (prompt) => ({ locale: host.locale, defaultLocale: config.defaultLocale ?? 'en', theme: config.theme ?? {}, ...visitor.widgetExtras(prompt) }),
    offer: (offerId) => config.rewards?.offers?.find((offer) => offer.id === offerId),
    redeem,
    pollResultsUrl: (promptId) => pollResultsUrl(host.options.endpoint, promptId),
    flushSoon: host.flushSoon,
    namespace: host.namespace,
    onError: report,
    debug: host.debug,
  });
  // Destroying the prompts also stops their host from mounting a widget still loading.
  return { ...controller, destroy: () => (controller.destroy(), promptHost.destroy()) };
}

/** Copies what the visitor's profile and ledger say now into `wm.state`. */
function updateState(state: SdkState, visitor: Visitor | null): void {
  if (!visitor) return;
  state.points.value = visitor.ledger.points;
  state.tier.value = visitor.ledger.tier;
  state.stage.value = visitor.stage;
  state.challenges.value = visitor.challenges();
}
