import { type DismissReason, RESERVED } from '../types.js';
import type { WidgetAnswer, WidgetProps } from '../../widgets/contract.js';
import { answerProps } from './answers.js';
import { type Display, type PromptState, safely } from './context.js';
import { dismissDisplay, finishDisplay } from './display-end.js';

/**
 * What the widget gets: the prompt, its texts' locale and theme, and callbacks that become
 * `$prompt_*` touchpoints. A callback from a display that is no longer current does nothing.
 */
export function widgetProps(state: PromptState, display: Display): WidgetProps {
  const { deps } = state;
  const { prompt, submissionId } = display;
  const offer = prompt.kind === 'reward' && prompt.offer ? deps.offer(prompt.offer) : undefined;
  return {
    prompt,
    ...deps.widgetEnv(prompt),
    ...(offer ? { offer } : {}),
    onAnswer: safely(state, (answer: WidgetAnswer, complete: boolean) => {
      if (state.current !== display) return;
      display.answer = answer;
      deps.record(RESERVED.promptAnswered, answerProps(prompt, submissionId, answer, complete));
      if (complete) {
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
