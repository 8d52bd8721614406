import type { Config } from './config/schema.js';
import type { WaymarkError } from './errors.js';
import type { ChallengeView } from './rewards/challenge-view.js';
import type { Json, Optional, PropsInput, Touchpoint } from './types.js';

/**
 * Each option may be left out or set to `undefined` (`userId: session.user?.id`): either way
 * its default applies, so host code compiles under `exactOptionalPropertyTypes`.
 */
export interface InitOptions {
  /** Where batches are POSTed. Without it, touchpoints stay in the outbox until one is set. */
  endpoint?: string | undefined;
  /** The marketer config: an object, or a URL to fetch it from. */
  config?: Config | string | undefined;
  writeKey?: string | undefined;
  userId?: string | undefined;
  traits?: PropsInput | undefined;
  /** BCP 47, e.g. "fr-CA". Defaults to the browser's language. */
  locale?: string | undefined;
  /** false: nothing is stored or sent until setConsent(true). Default true. */
  consent?: boolean | undefined;
  debug?: boolean | undefined;
  format?: 'waymark' | 'segment' | undefined;
  /** Extra request headers. Any header makes requests non-simple (a CORS preflight). */
  headers?: Record<string, string> | undefined;
  /** Separates several SDK instances on one origin (storage names, init idempotency). */
  namespace?: string | undefined;
  /** Nonce for the `<style>` fallback under a strict CSP without constructable stylesheets. */
  nonce?: string | undefined;
  /** URL of the widgets chunk; the script tag finds it next to itself. */
  widgetsUrl?: string | undefined;
  /** Automatic signals; each can be switched off. */
  detectors?: Optional<DetectorOptions> | undefined;
  /** Outbox tuning. */
  delivery?: Optional<DeliveryOptions> | undefined;
}

export interface DetectorOptions {
  pageViews: boolean;
  scroll: boolean;
  exitIntent: boolean | { minDwellSeconds?: number | undefined };
  idle: boolean | { seconds?: number | undefined };
  clicks: boolean;
}

export interface DeliveryOptions {
  batchSize: number;
  batchBytes: number;
  flushIntervalMs: number;
  maxRecords: number;
  maxBytes: number;
  maxAgeDays: number;
  /** JSON bytes one record may have; larger ones are refused at track(). Capped at 32 KiB in the Segment format. */
  maxRecordBytes: number;
}

export interface FlushResult {
  sent: number;
  retried: number;
  dropped: number;
  pending: number;
}

export interface DeliveryStats {
  pending: number;
  sent: number;
  dropped: number;
  retries: number;
  /** 'indexeddb' normally; 'memory' after a storage failure. */
  storage: 'indexeddb' | 'memory';
  lastError: string | null;
  nextAttemptAt: string | null;
}

export interface GateReport {
  gate: string;
  pass: boolean;
  /** A sentence for people, e.g. "cooldown: shown 2 days ago, 88 days left". */
  reason: string;
}
export interface Explanation {
  promptId: string;
  /** Whether the prompt would show if its trigger fired now. */
  eligible: boolean;
  gates: GateReport[];
}

export interface WaymarkEvents {
  error: WaymarkError;
  flush: FlushResult;
  touchpoint: Touchpoint;
  ready: { config: Config | null };
  'prompt:shown': { promptId: string };
  'prompt:answered': { promptId: string; answer: Json };
  'prompt:dismissed': { promptId: string; reason: string };
}

/**
 * A value that changes over time. Backed by a signal of `@preact/signals-core` bundled into the SDK;
 * declared here so the package's types need no library installed beside it.
 */
export interface ReadonlySignal<T> {
  readonly value: T;
  peek(): T;
  /** Calls `listener` now and on every change; returns the unsubscribe function. */
  subscribe(listener: (value: T) => void): () => void;
}

export interface WaymarkState {
  stage: ReadonlySignal<string | null>;
  points: ReadonlySignal<number>;
  tier: ReadonlySignal<string | null>;
  /** Every challenge of `rewards.challenges` by id: progress, steps and completions. */
  challenges: ReadonlySignal<Record<string, ChallengeView>>;
}

export interface Waymark {
  track(name: string, props?: PropsInput): void;
  page(props?: PropsInput): void;
  identify(userId: string | null, traits?: PropsInput): void;
  show(promptId: string, options?: { force?: boolean | undefined }): void;
  explain(promptId: string): Explanation;
  redeem(offerId: string): void;
  /**
   * The visitor's referral code and a link carrying it (`?ref=CODE` on `baseUrl`, default the
   * current page); null before `ready()` or without `rewards.referrals`.
   */
  referral(baseUrl?: string): { code: string; url: string } | null;
  on<K extends keyof WaymarkEvents>(event: K, handler: (payload: WaymarkEvents[K]) => void): () => void;
  flush(): Promise<FlushResult>;
  stats(): DeliveryStats;
  setConsent(granted: boolean): void;
  reset(): void;
  destroy(): void;
  /** Resolves once the config and stored profile are loaded (after consent; never rejects). */
  ready(): Promise<void>;
  readonly state: WaymarkState;
}
