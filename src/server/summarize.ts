import { RESERVED, type PromptAnsweredProps, type PromptKind, type Props } from '../types.js';
import type { Config } from '../config/schema.js';
import { emptyLedger } from '../rewards/ledger-step.js';
import { inOrder } from '../rewards/replay.js';
import { tierLabel } from './tier-label.js';

export interface PromptSummary {
  kind: PromptKind | null;
  shown: number;
  /** Distinct submissions, partial ones included (a score counts as soon as it is chosen); scores off the scale are not answers. */
  answered: number;
  dismissed: number;
  /** answered / shown, at most 1; 0 when nothing was shown; null for prompts that ask nothing (reward toasts and offers). */
  responseRate: number | null;
  /** Submissions not completed (a score chosen, the follow-up left). */
  partial: number;
  /** % promoters (9–10) − % detractors (0–6), −100…100. */
  nps?: { score: number; promoters: number; passives: number; detractors: number; total: number };
  /** % satisfied: top-2 box (4–5 of 5, 9–10 of 10); on 2–3 point scales, the top answer only. */
  csat?: { score: number; total: number };
  /** Mean effort score, on the prompt's own scale. */
  ces?: { mean: number; total: number };
  /** Score → number of submissions. */
  distribution?: Record<string, number>;
  /** Exit survey: choice → number of submissions that picked it. */
  reasons?: Record<string, number>;
  /** Exit survey: texts typed in "Other"; a choice of "Other" with nothing typed is no answer. */
  other?: string[];
}

export interface TierSummary {
  /** The tier's label from the config, else its id (`No tier` for `none`). */
  label: string;
  /** Visitors whose latest `$tier` is this tier; those who never changed tier are in the config's starting tier (`none` without a config). */
  visitors: number;
  awarded: number;
  redeemed: number;
}

export interface Summary {
  prompts: Record<string, PromptSummary>;
  /** From `$points` and `$tier`, grouped by each visitor's latest tier. */
  pointsByTier?: Record<string, TierSummary>;
}

type Answer = Partial<PromptAnsweredProps>;
const str = (value: unknown): value is string => typeof value === 'string' && value !== '';
const num = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
/** Keyed by prompt ids, choices and tiers from the wire: no prototype, so `constructor` is a plain key. */
const dict = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
const bump = (counts: Record<string, number>, key: string | number) => void (counts[key] = (counts[key] ?? 0) + 1);

/**
 * Prompt results from touchpoints (any order, duplicates allowed): per prompt, impressions,
 * answers (the latest `$prompt_answered` of each submission; a partial one still counts its
 * score), dismissals, NPS, CSAT, CES, score distributions and exit-survey reasons.
 */
export interface SummarizeOptions {
  /** The marketer config: names tiers by their labels and places visitors who never changed tier. */
  config?: Config | null;
}

export function summarize(touchpoints: Iterable<unknown>, options: SummarizeOptions = {}): Summary {
  const startTier = options.config?.rewards ? (emptyLedger(options.config).tier ?? 'none') : 'none';
  const prompts = dict<PromptSummary>();
  const submissions = new Map<string, Answer>();
  const visitors = new Map<string, { tier: string; awarded: number; redeemed: number }>();
  const promptOf = (props: Props) => {
    const id = props.promptId;
    if (!str(id)) return null;
    const summary = (prompts[id] ??= { kind: null, shown: 0, answered: 0, dismissed: 0, responseRate: 0, partial: 0 });
    if (str(props.kind)) summary.kind = props.kind as PromptKind;
    return summary;
  };

  for (const { name, props, anonymousId, userId } of inOrder(touchpoints)) {
    if (name === RESERVED.points || name === RESERVED.tier) {
      const key = str(userId) ? `u:${userId}` : `a:${String(anonymousId)}`;
      const visitor = visitors.get(key) ?? { tier: startTier, awarded: 0, redeemed: 0 };
      visitors.set(key, visitor);
      if (name === RESERVED.tier) visitor.tier = str(props.to) ? props.to : 'none';
      else if (num(props.delta)) props.delta > 0 ? (visitor.awarded += props.delta) : (visitor.redeemed -= props.delta);
      continue;
    }
    const summary = name.startsWith('$prompt_') ? promptOf(props) : null;
    if (!summary) continue;
    if (name === RESERVED.promptShown) summary.shown++;
    else if (name === RESERVED.promptDismissed) summary.dismissed++;
    else if (name === RESERVED.promptAnswered && str(props.submissionId)) {
      const key = JSON.stringify([props.promptId, props.submissionId]);
      const earlier = submissions.get(key);
      const answer = { ...(props as Answer) };
      // A later step of the same submission may omit the score it already reported.
      if (!num(answer.score) && earlier && num(earlier.score)) answer.score = earlier.score;
      submissions.set(key, answer);
    }
  }

  for (const answer of submissions.values()) add(prompts[answer.promptId!]!, answer);
  for (const summary of Object.values(prompts)) {
    // Impressions can be lost (a blocked beacon, an export window) while answers arrive.
    summary.responseRate = summary.kind === 'reward' ? null : summary.shown ? Math.min(1, summary.answered / summary.shown) : 0;
    if (summary.nps) {
      const { promoters, detractors, total } = summary.nps;
      summary.nps.score = total ? ((promoters - detractors) / total) * 100 : 0;
    }
    if (summary.csat) summary.csat.score = (summary.csat.score / summary.csat.total) * 100;
    if (summary.ces) summary.ces.mean /= summary.ces.total;
  }

  const result: Summary = { prompts };
  if (visitors.size) {
    const byTier: Record<string, TierSummary> = (result.pointsByTier = dict());
    for (const { tier, awarded, redeemed } of visitors.values()) {
      const group = (byTier[tier] ??= { label: tierLabel(options.config, tier), visitors: 0, awarded: 0, redeemed: 0 });
      group.visitors++;
      group.awarded += awarded;
      group.redeemed += redeemed;
    }
  }
  return result;
}

/** The scale a rating was answered on: 2 (thumbs) to 10 points, as the config allows. */
const ratingMax = (answer: Answer) => answer.max ?? (answer.scale === 'thumbs' ? 2 : 5);
const inRange = (score: number, low: number, high: number) => Number.isInteger(score) && score >= low && score <= high;

/** A score outside its scale (99 of 5 stars, NPS 11) is not an answer: it would skew every result. */
function validScore(kind: PromptKind | null | undefined, answer: Answer): boolean {
  const { score } = answer;
  if (score === undefined) return true;
  if (!num(score)) return false;
  if (kind === 'nps') return inRange(score, 0, 10);
  if (kind !== 'rating') return true;
  const max = ratingMax(answer);
  return inRange(max, 2, 10) && inRange(score, 1, max);
}

/** Counts one submission; scores and sums become percentages and means at the end. */
function add(summary: PromptSummary, answer: Answer) {
  const kind = answer.kind ?? summary.kind;
  if (!validScore(kind, answer)) return;
  const choices = Array.isArray(answer.choices) ? answer.choices.filter(str) : [];
  if (kind === 'exit' && !choices.length && !str(answer.other)) return;
  summary.answered++;
  if (answer.complete !== true) summary.partial++;
  if (kind === 'exit') {
    const reasons = (summary.reasons ??= dict());
    for (const choice of choices) bump(reasons, choice);
    if (str(answer.other)) (summary.other ??= []).push(answer.other);
    return;
  }
  const score = answer.score;
  if (!num(score)) return;
  bump((summary.distribution ??= dict()), score);
  if (kind === 'nps') {
    const nps = (summary.nps ??= { score: 0, promoters: 0, passives: 0, detractors: 0, total: 0 });
    nps.total++;
    if (score >= 9) nps.promoters++;
    else if (score >= 7) nps.passives++;
    else nps.detractors++;
  } else if (kind === 'rating' && answer.metric === 'ces') {
    const ces = (summary.ces ??= { mean: 0, total: 0 });
    ces.total++;
    ces.mean += score;
  } else if (kind === 'rating' && answer.metric !== 'none') {
    const max = ratingMax(answer);
    const csat = (summary.csat ??= { score: 0, total: 0 });
    csat.total++;
    if (max >= 4 ? score >= max - 1 : score >= max) csat.score++;
  }
}
