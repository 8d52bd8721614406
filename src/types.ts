/** JSON-safe values: what a touchpoint's props may hold after sanitizing. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Props = { [key: string]: Json };
/**
 * What host code may pass as props or traits: `undefined` values are dropped (in arrays they
 * become null), as JSON.stringify does, so `{ coupon: order.coupon }` needs no guard.
 */
export type JsonInput = Json | undefined | JsonInput[] | { [key: string]: JsonInput };
export type PropsInput = { [key: string]: JsonInput };

/** `Partial` that also takes an explicit `undefined`, which `exactOptionalPropertyTypes` tells apart. */
export type Optional<T> = { [K in keyof T]?: T[K] | undefined };

export interface PageInfo {
  url: string;
  path: string;
  referrer: string;
  title: string;
}

/**
 * The one record type. `id` is a UUIDv7, made once when the touchpoint is recorded and
 * never changed: ids sort by time, so the outbox keys on them to read back in order.
 */
export interface Touchpoint {
  id: string;
  name: string;
  props: Props;
  /** ISO 8601, UTC. */
  ts: string;
  anonymousId: string;
  userId: string | null;
  sessionId: string;
  page: PageInfo;
}

/** Names the SDK itself emits. Host code may not track names starting with `$`. */
export const RESERVED = {
  pageView: '$page_view',
  scroll: '$scroll',
  exitIntent: '$exit_intent',
  idle: '$idle',
  stage: '$stage',
  points: '$points',
  tier: '$tier',
  redeem: '$redeem',
  identify: '$identify',
  promptShown: '$prompt_shown',
  promptAnswered: '$prompt_answered',
  promptDismissed: '$prompt_dismissed',
  quizCompleted: '$quiz_completed',
} as const;

export type PromptKind = 'nps' | 'rating' | 'exit' | 'reward' | 'survey' | 'quiz' | 'poll';
export type DismissReason = 'close' | 'escape' | 'timeout' | 'navigation' | 'other-tab';

/**
 * Props of the prompt lifecycle touchpoints. `summarize()` on the server reads exactly these.
 * A score counts as soon as it is chosen: the first `$prompt_answered` has `complete: false`,
 * the follow-up completes it under the same `submissionId`.
 */
export interface PromptShownProps {
  promptId: string;
  kind: PromptKind;
  submissionId: string;
}
export interface PromptAnsweredProps {
  promptId: string;
  kind: PromptKind;
  submissionId: string;
  complete: boolean;
  /** nps 0–10; rating 1..max (thumbs: 1 down, 2 up). */
  score?: number;
  max?: number;
  scale?: string;
  metric?: 'csat' | 'ces' | 'none';
  /** nps only. */
  band?: 'detractor' | 'passive' | 'promoter';
  /** exit only: chosen choice labels (in the default locale). */
  choices?: string[];
  other?: string;
  comment?: string;
  /** survey and quiz: the question this answer is to. */
  questionId?: string;
  /** quiz only: whether the choices were exactly the right ones. */
  correct?: boolean;
}
export interface PromptDismissedProps {
  promptId: string;
  kind: PromptKind;
  submissionId: string;
  reason: DismissReason;
}
