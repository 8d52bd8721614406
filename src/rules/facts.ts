import type { PropsWhere } from '../config/schema.js';
import type { Props } from '../types.js';

export type Device = 'mobile' | 'tablet' | 'desktop';

export interface EventQuery {
  event: string;
  where?: PropsWhere | undefined;
  withinDays?: number | undefined;
}

export interface PromptHistory {
  shown: number;
  answered: number;
  dismissed: number;
  lastShownAt: number | null;
  lastAnsweredAt: number | null;
  lastDismissedAt: number | null;
}

/**
 * Everything a condition can look at, at one instant. Rules are pure functions of
 * (config, facts): no DOM, no timers, no storage, so they run in Node as well.
 */
export interface Facts {
  /** Epoch ms. */
  now: number;
  stage: string | null;
  /** Stage ids in config order, for atLeast/atMost. */
  stageOrder: readonly string[];
  points: number;
  tier: string | null;
  /** Tier ids in config order, for atLeast/atMost. */
  tierOrder: readonly string[];
  traits: Props;
  locale: string;
  device: Device;
  page: { url: string; path: string; query: Record<string, string>; referrer: string; seconds: number; scroll: number };
  session: { pageViews: number; seconds: number; count: number };
  prompts: Record<string, PromptHistory>;
  /** Across all prompts, for the global limits. */
  lastPromptShownAt: number | null;
  promptsShownThisSession: number;
  /** How many recorded touchpoints match (lifetime, or in the last `withinDays` days). */
  countEvents(query: EventQuery): number;
}
