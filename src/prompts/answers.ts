import type { Prompt } from '../config/schema.js';
import type { Props, PromptAnsweredProps } from '../types.js';
import type { WidgetAnswer } from '../../widgets/contract.js';
import { npsBand } from './nps-band.js';

/**
 * The props of `$prompt_answered`: everything a report needs without the config at hand
 * (a rating's scale and max, an NPS band).
 */
export function answerProps(prompt: Prompt, submissionId: string, answer: WidgetAnswer, complete: boolean): Props {
  const props: PromptAnsweredProps = { promptId: prompt.id, kind: prompt.kind, submissionId, complete };
  const { score, comment, choices, other } = answer;
  if (typeof score === 'number') {
    props.score = score;
    if (prompt.kind === 'nps') props.band = npsBand(score);
    if (prompt.kind === 'rating') {
      const scale = prompt.scale ?? 'stars';
      props.scale = scale;
      props.max = prompt.max ?? (scale === 'thumbs' ? 2 : 5);
      // docs/prompts-and-widgets.md: a rating without a `metric` counts as CSAT.
      props.metric = prompt.metric ?? 'csat';
    }
  }
  if (choices?.length) props.choices = choices;
  if (other) props.other = other;
  if (comment) props.comment = comment;
  return props as unknown as Props;
}
