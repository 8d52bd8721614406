import { RESERVED, type PromptAnsweredProps, type PromptKind, type Props } from '../types.js';
import type { Config } from '../config/schema.js';
import { emptyLedger } from '../rewards/ledger-step.js';
import { inOrder } from '../rewards/replay.js';
import { addScore, bump, dict, finishScores, type ScoreStats, str, validScore } from './score-stats.js';
import { addSurveyAnswer, type QuestionSummary, type SurveySubmission, surveyResults } from './survey-summary.js';
import { tierLabel } from './tier-label.js';

export type { QuestionSummary, ScoreStats };

export interface PromptSummary extends ScoreStats {
  kind: PromptKind | null;
  shown: number;
  /** Distinct submissions, partial ones included (a score counts as soon as it is chosen); scores off the scale are not answers. */
  answered: number;
  dismissed: number;
  /** answered / shown, at most 1; 0 when nothing was shown; null for prompts that ask nothing (reward toasts and offers). */
  responseRate: number | null;
  /** Submissions not completed (a score chosen, the follow-up left). */
  partial: number;
  /** Exit survey: choice → number of submissions that picked it. */
  reasons?: Record<string, number>;
  /** Exit survey: texts typed in "Other"; a choice of "Other" with nothing typed is no answer. */
  other?: string[];
  /** Survey: question id → its results and drop-off (submissions that left after it), in the order visitors reached them. */
  questions?: Record<string, QuestionSummary>;
  /** Survey: the questions each submission answered, joined by ` > ` → submissions that took that path. */
  paths?: Record<string, number>;
  /** Poll: visitors who voted, votes per choice, and each choice's share of the voters (a multiple-choice poll's shares add up to more than 1). */
  poll?: { votes: number; choices: Record<string, number>; shares: Record<string, number> };
  /** A prompt with variants: variant id → the same summary over that variant's records alone, to compare response rates and scores. */
  variants?: Record<string, PromptSummary>;
  /** Quiz: from `$quiz_completed`, once per submission: how many finished, the mean score of `max`, score → count. */
  quiz?: { completed: number; meanScore: number; max: number; scores: Record<string, number> };
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
const num = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Prompt results from touchpoints (any order, duplicates allowed): per prompt, impressions,
 * answers (the latest `$prompt_answered` of each submission; a partial one still counts its
 * score), dismissals, NPS, CSAT, CES, score distributions, exit-survey reasons, and each
 * survey question's results with the paths visitors took.
 */
export interface SummarizeOptions {
  /** The marketer config: names tiers by their labels and places visitors who never changed tier. */
  config?: Config | null;
}

export function summarize(touchpoints: Iterable<unknown>, options: SummarizeOptions = {}): Summary {
  const all = [...touchpoints];
  const summary = summarizeAll(all, options);
  // Each variant's records, summarized again under a key of their own, become the prompt's `variants`.
  const byVariant = all.flatMap((touchpoint) => {
    const props = (touchpoint as { props?: Props } | null)?.props;
    return props && str(props.variant) && str(props.promptId)
      ? [{ ...touchpoint!, props: { ...props, promptId: JSON.stringify([props.promptId, props.variant]) } }]
      : [];
  });
  for (const [key, result] of Object.entries(summarizeAll(byVariant, {}).prompts)) {
    const [promptId, variant] = JSON.parse(key) as [string, string];
    const prompt = summary.prompts[promptId];
    if (prompt) (prompt.variants ??= dict())[variant] = result;
  }
  return summary;
}

function summarizeAll(touchpoints: Iterable<unknown>, options: SummarizeOptions): Summary {
  const startTier = options.config?.rewards ? (emptyLedger(options.config).tier ?? 'none') : 'none';
  const prompts = dict<PromptSummary>();
  const submissions = new Map<string, Answer>();
  const surveys = new Map<string, Map<string, SurveySubmission>>();
  const quizzes = new Map<string, Props>();
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
    if (name === RESERVED.quizCompleted) {
      if (str(props.submissionId) && promptOf({ kind: 'quiz', ...props })) quizzes.set(JSON.stringify([props.promptId, props.submissionId]), props);
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
      // A survey's submission is complete once its last question is, whatever came after.
      if (earlier?.complete === true) answer.complete = true;
      submissions.set(key, answer);
      if (summary.kind === 'survey' || summary.kind === 'quiz') addToSurvey(surveys, props as Answer);
    }
  }

  for (const answer of submissions.values()) add(prompts[answer.promptId!]!, answer);
  for (const [promptId, bySubmission] of surveys) Object.assign(prompts[promptId]!, surveyResults(bySubmission.values()));
  for (const completed of quizzes.values()) addQuizScore(prompts[String(completed.promptId)]!, completed);
  for (const summary of Object.values(prompts)) {
    // Impressions can be lost (a blocked beacon, an export window) while answers arrive.
    summary.responseRate = summary.kind === 'reward' ? null : summary.shown ? Math.min(1, summary.answered / summary.shown) : 0;
    finishScores(summary);
    const { poll } = summary;
    for (const [choice, votes] of Object.entries(poll?.choices ?? {})) poll!.shares[choice] = votes / poll!.votes;
  }

  return visitors.size ? { prompts, pointsByTier: byTier(visitors.values(), options.config) } : { prompts };
}

/** Visitors grouped by their latest tier, with the points they earned and redeemed. */
function byTier(visitors: Iterable<{ tier: string; awarded: number; redeemed: number }>, config: Config | null | undefined): Record<string, TierSummary> {
  const tiers: Record<string, TierSummary> = dict();
  for (const { tier, awarded, redeemed } of visitors) {
    const group = (tiers[tier] ??= { label: tierLabel(config, tier), visitors: 0, awarded: 0, redeemed: 0 });
    group.visitors++;
    group.awarded += awarded;
    group.redeemed += redeemed;
  }
  return tiers;
}

/** One finished quiz: scores become a mean once all are counted. */
function addQuizScore(summary: PromptSummary, { score, max }: Props) {
  if (!num(score) || !num(max) || score < 0 || score > max) return;
  const quiz = (summary.quiz ??= { completed: 0, meanScore: 0, max: 0, scores: dict() });
  quiz.meanScore = (quiz.meanScore * quiz.completed + score) / (quiz.completed + 1);
  quiz.completed++;
  quiz.max = Math.max(quiz.max, max);
  bump(quiz.scores, score);
}

function addToSurvey(surveys: Map<string, Map<string, SurveySubmission>>, answer: Answer) {
  const bySubmission = surveys.get(answer.promptId!) ?? new Map<string, SurveySubmission>();
  surveys.set(answer.promptId!, bySubmission);
  bySubmission.set(answer.submissionId!, addSurveyAnswer(bySubmission.get(answer.submissionId!), answer));
}

/** Counts one submission; scores and sums become percentages and means at the end. */
function add(summary: PromptSummary, answer: Answer) {
  const kind = answer.kind ?? summary.kind;
  const scored = kind === 'nps' || kind === 'rating' ? kind : null;
  if (answer.score !== undefined && !validScore(scored, answer.score, answer)) return;
  const choices = Array.isArray(answer.choices) ? answer.choices.filter(str) : [];
  if (kind === 'exit' && !choices.length && !str(answer.other)) return;
  if (kind === 'poll' && !choices.length) return;
  summary.answered++;
  if (answer.complete !== true) summary.partial++;
  // A survey's and a quiz's results belong to their questions (surveyResults), not to the prompt.
  if (kind === 'survey' || kind === 'quiz') return;
  if (kind === 'poll') {
    const poll = (summary.poll ??= { votes: 0, choices: dict(), shares: dict() });
    poll.votes++;
    for (const choice of new Set(choices)) bump(poll.choices, choice);
    return;
  }
  if (kind === 'exit') {
    const reasons = (summary.reasons ??= dict());
    for (const choice of choices) bump(reasons, choice);
    if (str(answer.other)) (summary.other ??= []).push(answer.other);
    return;
  }
  if (num(answer.score)) addScore(summary, scored, answer.score, answer);
}
