import type { Config } from './config/schema.js';
import type { WaymarkError } from './errors.js';
import type { FlushResult, DeliveryStats } from './outbox/public-types.js';
import type { Explanation } from './prompts/explanation.js';
import type { ChallengeView } from './rewards/challenge-view.js';
import type { Json, PropsInput, Touchpoint } from './types.js';

/** The instance `init()` returns: its methods, its events and its read-only state. */

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
 * A value that changes over time, set by the SDK alone (src/state-signal.ts); the page reads
 * it, or subscribes to it.
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
