import { SURVEY_END } from '../../src/config/survey-end.js';
import type { SurveyQuestion } from '../../src/config/survey.js';
import type { WidgetAnswer } from '../contract.js';

export { SURVEY_END };

/** Whether a `next` key matches an answer: a score, a range `low-high`, or a choice's label. */
function matches(key: string, answer: WidgetAnswer): boolean {
  if (typeof answer.score === 'number') {
    const [low, high = low] = key.split('-').map(Number);
    return answer.score >= low! && answer.score <= high!;
  }
  return answer.choices?.includes(key) === true;
}

/**
 * Where a survey goes after `question`: the target of the first key its answer matches (for
 * several choices, the first chosen choice in config order that has one), else `"*"`, else
 * the question after it, else the end. `answer` is undefined for a skipped question.
 */
export function nextQuestion(questions: SurveyQuestion[], index: number, answer: WidgetAnswer | undefined): string {
  const { next } = questions[index]!;
  const fallThrough = questions[index + 1]?.id ?? SURVEY_END;
  if (!next) return fallThrough;
  const keys = Object.keys(next).filter((key) => key !== '*');
  const ordered = answer?.choices ? keys.sort((a, b) => answer.choices!.indexOf(a) - answer.choices!.indexOf(b)) : keys;
  const key = answer ? ordered.find((candidate) => matches(candidate, answer)) : undefined;
  return next[key ?? '*'] ?? fallThrough;
}

/** Whether an answer says anything: a score, a choice, a text typed in "Other" or a text field. */
export const hasAnswer = (answer: WidgetAnswer | undefined): answer is WidgetAnswer =>
  answer !== undefined && (answer.score !== undefined || Boolean(answer.choices?.length) || Boolean(answer.other) || Boolean(answer.comment));

/** Questions still ahead on the path the answers so far take, for "2 of 4": the shortest way on counts. */
export function remainingSteps(questions: SurveyQuestion[], from: string): number {
  const ids = questions.map((question) => question.id);
  let steps = 0;
  for (let index = ids.indexOf(from); index >= 0 && steps < questions.length; steps++) index = ids.indexOf(nextQuestion(questions, index, undefined));
  return steps;
}
