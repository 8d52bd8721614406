import type { PromptAnsweredProps } from '../types.js';
import { addScore, bump, dict, finishScores, type ScoreStats, str, validScore } from './score-stats.js';

type Answer = Partial<PromptAnsweredProps>;

/** One survey question's results, counted once per submission (the latest answer to it). */
export interface QuestionSummary extends ScoreStats {
  /** Submissions that answered it. */
  answered: number;
  /** Submissions that answered it last and never completed the survey: where visitors left. */
  dropOff: number;
  /** Choice questions: choice (default-locale label) → submissions that picked it. */
  choices?: Record<string, number>;
  /** Texts typed in "Other". */
  other?: string[];
  /** Text questions' answers. */
  texts?: string[];
  /** Quiz questions: submissions that got it right. */
  right?: number;
}

export interface SurveyResults {
  /** Question id → results, in the order visitors first reached them. */
  questions: Record<string, QuestionSummary>;
  /** The questions each submission answered, joined by ` > `, → submissions that took that path. */
  paths: Record<string, number>;
}

/** One submission's answers by question: the latest answer of each, in the order first given. */
export type SurveySubmission = { answers: Map<string, Answer>; complete: boolean };

/**
 * Adds one `$prompt_answered` of a survey to its submission. A question answered again (after
 * Back) keeps its place and takes the newer answer; `complete` once given stays.
 */
export function addSurveyAnswer(submission: SurveySubmission | undefined, answer: Answer): SurveySubmission {
  const into = submission ?? { answers: new Map<string, Answer>(), complete: false };
  if (str(answer.questionId)) into.answers.set(answer.questionId, answer);
  if (answer.complete === true) into.complete = true;
  return into;
}

/** Per-question results, drop-off and branch paths of a survey's submissions. */
export function surveyResults(submissions: Iterable<SurveySubmission>): SurveyResults {
  const questions = dict<QuestionSummary>();
  const paths = dict<number>();
  for (const { answers, complete } of submissions) {
    const answered = [...answers].filter(([, answer]) => countable(answer));
    if (!answered.length) continue;
    for (const [id, answer] of answered) addQuestionAnswer((questions[id] ??= { answered: 0, dropOff: 0 }), answer);
    if (!complete) questions[answered[answered.length - 1]![0]]!.dropOff++;
    bump(paths, answered.map(([id]) => id).join(' > '));
  }
  for (const question of Object.values(questions)) finishScores(question);
  return { questions, paths };
}

/** An NPS question reports its band; a rating question its scale. */
const questionKind = (answer: Answer) => (answer.band !== undefined ? 'nps' : answer.scale !== undefined ? 'rating' : null);

/** A score off its scale is no answer; an info question's button is none either. */
function countable(answer: Answer): boolean {
  if (answer.score !== undefined) return validScore(questionKind(answer), answer.score, answer);
  return (Array.isArray(answer.choices) && answer.choices.some(str)) || str(answer.other) || str(answer.comment);
}

function addQuestionAnswer(question: QuestionSummary, answer: Answer) {
  question.answered++;
  const choices = Array.isArray(answer.choices) ? answer.choices.filter(str) : [];
  for (const choice of choices) bump((question.choices ??= dict()), choice);
  if (str(answer.other)) (question.other ??= []).push(answer.other);
  if (str(answer.comment)) (question.texts ??= []).push(answer.comment);
  if (typeof answer.correct === 'boolean') question.right = (question.right ?? 0) + (answer.correct ? 1 : 0);
  if (typeof answer.score === 'number') addScore(question, questionKind(answer), answer.score, answer);
}
