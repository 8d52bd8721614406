import type { Config } from '../config/schema.js';
import type { Emitter } from '../emitter.js';
import type { WaymarkEvents } from '../instance.js';
import type { InitOptions } from '../options.js';
import type { Outbox } from '../outbox/index.js';
import type { Scheduler } from '../scheduler.js';
import type { Identity } from '../track/identity.js';
import type { TabFeed } from '../track/tab-feed.js';
import type { Touchpoint } from '../types.js';
import type { Engine, EngineHost } from './engine.js';

/**
 * One instance's parts and its mutable state, in one record the SDK's jobs share (recording,
 * consent, the visitor's identity, the boot, the public methods). The engine chunk sees it as
 * its EngineHost; the names only the core reads are shortened by the build.
 */
export interface SdkCore extends EngineHost {
  readonly options: InitOptions & { namespace: string };
  readonly events: Emitter<WaymarkEvents>;
  /** True (and reported) for a touchpoint too large to send. */
  readonly tooLarge: (touchpoint: Touchpoint) => boolean;
  // Set once by createSdk, right after the record exists: they call back into it.
  /** The rule work queued after each touchpoint (src/scheduler.ts). */
  ruleQueue: Scheduler;
  feed: TabFeed;
  stopDetectors: () => void;
  readonly onDestroy: () => void;
  /** Resolves on the first consent: the profile is opened, and the outbox created, only then. */
  readonly consentGiven: Promise<void>;
  readonly grantConsent: () => void;
  /** Settles once the config and the stored profile are loaded (`wm.ready()`). */
  booted: Promise<void>;
  config: Config | null;
  consented: boolean;
  destroyed: boolean;
  /** Made on first use, so that without consent not even the anonymous id is written. */
  identityCache: Identity | undefined;
  /** Created on consent only: without it nothing is stored or sent, not even earlier leftovers. */
  outbox: Outbox | null;
  /** The config's part (profile, rewards, prompts), once the engine chunk has started it. */
  engine: Engine | null;
}
