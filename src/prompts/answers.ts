import type { Prompt, RatingPrompt } from '../config/schema.js';
import type { Props, PromptAnsweredProps } from '../types.js';
import type { WidgetAnswer } from '../../widgets/contract.js';
import { npsBand } from './nps-band.js';

/**
 * The props of `$prompt_answered`: everything a report needs without the config at hand
 * (a rating's scale and max, an NPS band).
 */
export function answerProps(prompt: Prompt, submissionId: string, answer: WidgetAnswer, complete: boolean): Props {
  const props: PromptAnsweredProps = { promptId: prompt.id, kind: prompt.kind, submissionId, complete };
  const { score, comment, choices, other, questionId } = answer;
  // A survey's answer is to one of its questions, scored as a prompt of that question's type.
  const question = 'questions' in prompt ? prompt.questions.find((candidate) => candidate.id === questionId) : undefined;
  if (question) props.questionId = question.id;
  if (question && 'correct' in question) props.correct = isCorrect(question.correct, choices);
  const scored = question ?? prompt;
  const type = 'type' in scored ? scored.type : scored.kind;
  if (typeof score === 'number') {
    props.score = score;
    if (type === 'nps') props.band = npsBand(score);
    if (type === 'rating') {
      const rating = scored as Pick<RatingPrompt, 'scale' | 'max' | 'metric'>;
      const scale = rating.scale ?? 'stars';
      props.scale = scale;
      props.max = rating.max ?? (scale === 'thumbs' ? 2 : 5);
      // docs/prompts-and-widgets.md: a rating without a `metric` counts as CSAT.
      props.metric = rating.metric ?? 'csat';
    }
  }
  if (choices?.length) props.choices = choices;
  if (other) props.other = other;
  if (comment) props.comment = comment;
  return props as unknown as Props;
}

/** A quiz answer is right when its choices are exactly the right ones, in any order. */
const isCorrect = (correct: string[], choices: string[] = []) => choices.length === correct.length && correct.every((label) => choices.includes(label));
