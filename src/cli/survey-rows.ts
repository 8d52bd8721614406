import type { QuestionSummary, Summary } from '../server/index.js';

type Row = Array<string | number>;
const round = (value: number) => String(Math.round(value * 10) / 10);
const byCount = (counts: Record<string, number>) => Object.entries(counts).sort((a, b) => b[1] - a[1]);

/** One line of what a question found: its score, or its top choices, or how many wrote. */
function questionResult(question: QuestionSummary): string {
  if (question.nps) return `NPS ${round(question.nps.score)}`;
  if (question.csat) return `CSAT ${round(question.csat.score)}%`;
  if (question.ces) return `CES ${round(question.ces.mean)}`;
  const parts = question.right === undefined ? [] : [`right: ${question.right}`];
  if (question.choices) parts.push(...byCount(question.choices).map(([choice, count]) => `${choice}: ${count}`));
  if (question.other?.length) parts.push(`Other: ${question.other.length}`);
  if (question.texts?.length) parts.push(`${question.texts.length} written`);
  if (!parts.length && question.distribution) parts.push(...Object.entries(question.distribution).map(([score, count]) => `${score}: ${count}`));
  return parts.join('  ');
}

/** Survey questions in the order visitors reached them: answers, where visitors left, what they said. */
export function surveyQuestionRows(prompts: Array<[string, Summary['prompts'][string]]>): Row[] {
  return prompts.flatMap(([id, { questions }]) =>
    Object.entries(questions ?? {}).map(([questionId, question]) => [id, questionId, question.answered, question.dropOff, questionResult(question)]),
  );
}

/** The branch paths visitors took through each survey, most taken first. */
export function surveyPathRows(prompts: Array<[string, Summary['prompts'][string]]>): Row[] {
  return prompts.flatMap(([id, { paths }]) => byCount(paths ?? {}).map(([path, count]) => [id, path, count]));
}

/** Each poll's choices, most voted first, with their share of the voters. */
export function pollRows(prompts: Array<[string, Summary['prompts'][string]]>): Row[] {
  return prompts.flatMap(([id, { poll }]) =>
    poll ? byCount(poll.choices).map(([choice, votes]) => [id, choice, votes, `${round(100 * poll.shares[choice]!)}%`, poll.votes]) : [],
  );
}

/** A variant's headline result: its NPS, CSAT, CES, a quiz's mean score, or a poll's or exit survey's top choice. */
function variantResult(result: Summary['prompts'][string]): string {
  if (result.nps) return `NPS ${round(result.nps.score)}`;
  if (result.csat) return `CSAT ${round(result.csat.score)}%`;
  if (result.ces) return `CES ${round(result.ces.mean)}`;
  if (result.quiz) return `mean score ${round(result.quiz.meanScore)} of ${result.quiz.max}`;
  const [top] = byCount(result.poll?.choices ?? result.reasons ?? {});
  return top ? `${top[0]}: ${top[1]}` : '–';
}

/** Each variant of a prompt side by side: how many saw it, how many answered, and what they said. */
export function variantRows(prompts: Array<[string, Summary['prompts'][string]]>): Row[] {
  return prompts.flatMap(([id, { variants }]) =>
    Object.entries(variants ?? {}).map(([variant, result]) => [
      id,
      variant,
      result.shown,
      result.answered,
      result.responseRate === null ? '–' : `${round(100 * result.responseRate)}%`,
      variantResult(result),
    ]),
  );
}
