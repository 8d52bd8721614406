import type { Prompt } from '../config/schema.js';
import { type DismissReason, RESERVED } from '../types.js';
import type { SurveyResume, WidgetAnswer, WidgetProps } from '../../widgets/contract.js';
import { answerProps } from './answers.js';
import { type Display, type PromptState, safely } from './context.js';
import { dismissDisplay, finishDisplay } from './display-end.js';
import { clearProgress, saveProgress } from './survey-progress.js';
import { variantProps, withVariant } from './variant.js';

/**
 * What the widget gets: the prompt, its texts' locale and theme, and callbacks that become
 * `$prompt_*` touchpoints. A callback from a display that is no longer current does nothing.
 */
export function widgetProps(state: PromptState, display: Display): WidgetProps {
  const { deps } = state;
  const { submissionId, variant } = display;
  // The widget shows, and answers are read against, this visitor's variant of the prompt.
  const prompt = withVariant(display.prompt, variant);
  const offer = prompt.kind === 'reward' && prompt.offer ? deps.offer(prompt.offer) : undefined;
  return {
    prompt,
    ...deps.widgetEnv(prompt),
    ...(offer ? { offer } : {}),
    ...(display.opened ? { opened: true } : {}),
    ...surveyProps(state, display),
    ...pollProps(deps.pollResultsUrl(prompt.id), prompt.kind),
    onAnswer: safely(state, (answer: WidgetAnswer, complete: boolean) => {
      if (state.current !== display) return;
      display.answer = answer;
      const props = { ...answerProps(prompt, submissionId, answer, complete), ...variantProps(variant) };
      deps.record(RESERVED.promptAnswered, props);
      if (prompt.kind === 'quiz') (display.correct ??= {})[String(props.questionId)] = props.correct === true;
      if (complete) {
        if (prompt.kind === 'quiz') recordQuizScore(state, display, prompt);
        if (prompt.kind === 'survey' || prompt.kind === 'quiz') clearProgress(deps.namespace);
        finishDisplay(state, display);
        deps.flushSoon();
      }
    }),
    onDismiss: safely(state, (reason: DismissReason) => dismissDisplay(state, display, reason)),
    // The widget ends itself after a redemption, with no answer or dismissal to report.
    onRedeem: safely(state, (offerId: string) => {
      if (state.current === display) finishDisplay(state, display);
      deps.redeem(offerId);
    }),
  };
}

/** A survey resumes where a reload left it, and keeps its progress for the next reload. */
function surveyProps(state: PromptState, display: Display): Pick<WidgetProps, 'resume' | 'onProgress'> {
  const { prompt, submissionId, resume } = display;
  if (prompt.kind !== 'survey' && prompt.kind !== 'quiz') return {};
  return {
    ...(resume ? { resume } : {}),
    onProgress: safely(state, (progress: SurveyResume) => {
      if (state.current === display) saveProgress(state.deps.namespace, { promptId: prompt.id, submissionId, ...progress });
    }),
  };
}

/** `$quiz_completed`: how many questions the visitor got right, for reward rules and reports. */
function recordQuizScore(state: PromptState, { submissionId, correct = {}, variant }: Display, prompt: Prompt) {
  const max = 'questions' in prompt ? prompt.questions.length : 0;
  const score = Object.values(correct).filter(Boolean).length;
  state.deps.record(RESERVED.quizCompleted, { promptId: prompt.id, submissionId, score, max, ...variantProps(variant) });
}

/** A poll learns where its collector serves its votes; any other kind, or no collector, nothing. */
const pollProps = (url: string | null, kind: string): Pick<WidgetProps, 'pollResultsUrl'> => (url && kind === 'poll' ? { pollResultsUrl: url } : {});
