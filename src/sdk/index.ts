import { createEmitter } from '../emitter.js';
import { WaymarkError } from '../errors.js';
import { guardAll } from '../guard.js';
import type { Waymark, WaymarkEvents } from '../instance.js';
import { chunkUrl } from '../lazy/load.js';
import { createPageExit } from '../lifecycle/page-exit.js';
import { createLogger } from '../log.js';
import type { InitOptions } from '../options.js';
import { createScheduler } from '../scheduler.js';
import { storageErrorsOnce } from '../storage/errors.js';
import { startDetectors } from '../track/detectors/index.js';
import { detectLocale } from '../track/locale.js';
import { createSizeCheck } from '../track/record-size.js';
import { createTabFeed } from '../track/tab-feed.js';
import { uuidv7 } from '../track/uuid.js';
import { boot } from './boot.js';
import type { SdkCore } from './core.js';
import { FALLBACKS, publicMethods } from './methods.js';
import { giveConsent, identity, record } from './record.js';
import { createState } from './state.js';
import { changeVisitor, processTouchpoint } from './visitor-change.js';

type LaterParts = 'ruleQueue' | 'feed' | 'stopDetectors' | 'booted';

/** Wires the parts once per instance over one record (core.ts). Every public method is guarded: nothing throws out. */
export function createSdk(options: InitOptions & { namespace: string }, onDestroy: () => void): Waymark {
  const debug = createLogger(() => options.debug === true);
  const events = createEmitter<WaymarkEvents>((error) => report(new WaymarkError('internal', `an event handler threw: ${String(error)}`, error)));
  const report = storageErrorsOnce((error) => events.emit('error', error), debug);
  let grantConsent = () => {};
  // The parts that need the record itself (the scheduler, the tab feed, the boot) are added below.
  const sdk = {
    options,
    namespace: options.namespace,
    locale: detectLocale(options.locale),
    events,
    report,
    debug,
    state: createState(),
    // One owner of the page's last moment: the rules derive, then the profile and outbox persist, then the outbox sends.
    pageExit: createPageExit((error) => report(new WaymarkError('internal', String(error), error))),
    widgetsUrl: options.widgetsUrl ?? chunkUrl('waymark-widgets.js'),
    nonce: options.nonce,
    tooLarge: createSizeCheck(options, report),
    consentGiven: new Promise<void>((resolve) => (grantConsent = resolve)),
    grantConsent: () => grantConsent(),
    onDestroy,
    config: null,
    consented: options.consent !== false,
    destroyed: false,
    identityCache: undefined,
    outbox: null,
    engine: null,
    record: (name, props) => record(sdk, name, props),
    anonymousId: () => identity(sdk).anonymousId(),
    newId: uuidv7,
    drain: () => sdk.ruleQueue.drain(),
    flushSoon: () => sdk.outbox?.flushSoon(),
  } satisfies Omit<SdkCore, LaterParts> as SdkCore;
  sdk.pageExit.on('derive', () => sdk.ruleQueue.drain());
  if (sdk.consented) giveConsent(sdk);
  sdk.feed = createTabFeed(
    sdk.namespace,
    (touchpoints) => touchpoints.forEach((touchpoint) => sdk.ruleQueue.push(touchpoint, false)),
    (change) => changeVisitor(sdk, change, false),
  );
  sdk.ruleQueue = createScheduler((touchpoint, own) => processTouchpoint(sdk, touchpoint, own), sdk.feed.share);
  sdk.stopDetectors = startDetectors(options.detectors ?? {}, (name, props) => void record(sdk, name, props));
  sdk.booted = boot(sdk);
  return { ...guardAll(report, publicMethods(sdk), FALLBACKS), ready: () => sdk.booted, state: sdk.state };
}
