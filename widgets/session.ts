import type { DismissReason, WidgetAnswer, WidgetProps } from './contract.js';

/** Later partial answers within this window are coalesced: arrowing across a scale is one answer, not ten. */
export const PARTIAL_COALESCE_MS = 600;

export interface Session {
  /** `complete: false` for a score or choice, `true` when the visitor finishes. */
  answer(answer: WidgetAnswer, complete: boolean): void;
  dismiss(reason: DismissReason): void;
  redeem(offerId: string): void;
  /** Reports a coalesced partial answer now (before closing). */
  flush(): void;
  /** Ends the widget (after the thank-you, or a dismissal). */
  end(): void;
}

/**
 * The widget's one way back to the controller. The first partial answer goes out at once so
 * a score counts even if the visitor leaves; nothing is reported after completion or
 * dismissal; a throwing callback cannot break the host page.
 */
export function createSession(props: WidgetProps, end: () => void): Session {
  let settled = false;
  let sentPartial = false;
  let pending: WidgetAnswer | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const call = (callback: () => void) => {
    try {
      callback();
    } catch {
      // The controller's own failure: it reports it; the visitor's page keeps working.
    }
  };
  const flush = () => {
    clearTimeout(timer);
    const answer = pending;
    pending = undefined;
    if (answer) call(() => props.onAnswer(answer, false));
  };
  return {
    answer(answer, complete) {
      if (settled) return;
      if (complete) {
        settled = true;
        clearTimeout(timer);
        pending = undefined;
        call(() => props.onAnswer(answer, true));
      } else if (!sentPartial || answer.questionId !== undefined) {
        // A survey reports an answer when the visitor moves on: each one counts, none to coalesce.
        sentPartial = true;
        call(() => props.onAnswer(answer, false));
      } else {
        pending = answer;
        clearTimeout(timer);
        timer = setTimeout(flush, PARTIAL_COALESCE_MS);
      }
    },
    dismiss(reason) {
      if (!settled) {
        flush();
        settled = true;
        call(() => props.onDismiss(reason));
      }
      end();
    },
    redeem(offerId) {
      if (settled) return;
      settled = true;
      call(() => props.onRedeem(offerId));
    },
    flush,
    end,
  };
}
