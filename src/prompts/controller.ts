import type { Explanation, GateReport } from '../api.js';
import type { Config, Offer, Prompt, Theme } from '../config/schema.js';
import { WaymarkError } from '../errors.js';
import { evaluate, matchesWhere } from '../rules/conditions.js';
import type { Facts } from '../rules/facts.js';
import type { ChallengeView } from '../rewards/challenge-view.js';
import { uuidv7 } from '../track/uuid.js';
import { RESERVED, type DismissReason, type Props, type Touchpoint } from '../types.js';
import type { WidgetAnswer, WidgetProps } from '../../widgets/contract.js';
import { answerProps } from './answers.js';
import { checkGates } from './gates.js';
import type { PromptHost } from './host.js';
import { createTabSync } from './tabs.js';

export interface PromptControllerDeps {
  config: () => Config | null;
  facts: () => Facts;
  anonymousId: () => string;
  host: PromptHost;
  /** Records a touchpoint through the normal pipeline. */
  record: (name: string, props: Props) => void;
  widgetEnv: (prompt: Prompt) => { locale: string; defaultLocale: string; theme: Theme; vars: Record<string, string | number>; challenge?: ChallengeView };
  offer: (offerId: string) => Offer | undefined;
  redeem: (offerId: string) => void;
  /** Called when an answer completes, so it leaves before the visitor does. */
  flushSoon: () => void;
  namespace: string;
  onError: (error: WaymarkError) => void;
  debug?: (message: string, ...details: unknown[]) => void;
}

/** One prompt on screen (or loading), from the decision to its answer or dismissal. */
interface Display {
  prompt: Prompt;
  submissionId: string;
  /** The last partial answer: a score counts even if the follow-up is skipped. */
  answer?: WidgetAnswer;
  release?: () => void;
  /** History as it was before this display, so its own impression does not fail its `if`. */
  before: Pick<Facts, 'prompts' | 'lastPromptShownAt' | 'promptsShownThisSession'>;
}

export type PromptController = ReturnType<typeof createPromptController>;

/**
 * Decides which prompt shows, when: for each touchpoint, the prompts it triggers pass through
 * the gates (checkGates, then one at a time, also across tabs); the highest `priority` wins.
 * Turns the widget's callbacks into `$prompt_*` touchpoints.
 */
export function createPromptController(deps: PromptControllerDeps) {
  const { host, record, debug } = deps;
  const note = (promptId: string, text: string) => debug?.(`prompt "${promptId}": ${text}`);
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  let current: Display | null = null;
  let destroyed = false;

  const safely =
    <Args extends unknown[]>(body: (...args: Args) => void) =>
    (...args: Args) => {
      try {
        body(...args);
      } catch (error) {
        fail(error);
      }
    };
  const fail = (error: unknown) => deps.onError(new WaymarkError('internal', `prompts: ${String(error)}`, error));

  const tabs = createTabSync(
    deps.namespace,
    safely((promptId, open) => {
      if (open) cancel(promptId, 'it opened in another tab');
      else if (current?.prompt.id === promptId) close(current, 'other-tab');
    }),
  );
  const onPageHide = () => current && tabs.announce(current.prompt.id, false);
  globalThis.addEventListener?.('pagehide', onPageHide);

  const find = (promptId: string) => deps.config()?.prompts?.find((prompt) => prompt.id === promptId);

  const gates = (prompt: Prompt): GateReport[] => {
    const reports = checkGates(prompt, deps.config()!, deps.facts(), deps.anonymousId());
    const other = tabs.elsewhere();
    const busy = current ? `"${current.prompt.id}" is showing in this tab` : other ? `"${other}" is showing in another tab` : '';
    reports.push({ gate: 'one at a time', pass: !busy, reason: `one at a time: ${busy || 'nothing else is showing'}` });
    return reports;
  };

  /** Runs the gates and says why with `debug`; true when the prompt may show. */
  const eligible = (prompt: Prompt): boolean => {
    const failed = gates(prompt).filter((report) => !report.pass);
    note(prompt.id, failed.length ? `not shown (${failed.map((report) => report.reason).join('; ')})` : 'eligible');
    return !failed.length;
  };

  const cancel = (promptId: string, why: string) => {
    if (!pending.has(promptId)) return;
    clearTimeout(pending.get(promptId));
    pending.delete(promptId);
    note(promptId, `delay cancelled, ${why}`);
  };

  const cancelAll = (why: string) => {
    for (const promptId of pending.keys()) cancel(promptId, why);
  };

  const finish = (display: Display) => {
    if (current !== display) return;
    current = null;
    display.release?.();
    tabs.announce(display.prompt.id, false);
  };

  const dismiss = (display: Display, reason: DismissReason) => {
    if (current !== display) return;
    const { prompt, submissionId, answer } = display;
    if (answer) {
      // The score was given; only the follow-up was skipped. That completes the answer.
      record(RESERVED.promptAnswered, answerProps(prompt, submissionId, answer, true));
      deps.flushSoon();
    } else record(RESERVED.promptDismissed, { promptId: prompt.id, kind: prompt.kind, submissionId, reason });
    finish(display);
  };

  /** Closes a prompt the visitor did not close: it is over elsewhere, or stale after navigation. */
  const close = (display: Display, reason: DismissReason) => {
    dismiss(display, reason);
    host.close();
  };

  const widgetProps = (display: Display): WidgetProps => {
    const { prompt, submissionId } = display;
    const offer = prompt.kind === 'reward' && prompt.offer ? deps.offer(prompt.offer) : undefined;
    return {
      prompt,
      ...deps.widgetEnv(prompt),
      ...(offer ? { offer } : {}),
      onAnswer: safely((answer: WidgetAnswer, complete: boolean) => {
        if (current !== display) return;
        display.answer = answer;
        record(RESERVED.promptAnswered, answerProps(prompt, submissionId, answer, complete));
        if (complete) {
          finish(display);
          deps.flushSoon();
        }
      }),
      onDismiss: safely((reason: DismissReason) => dismiss(display, reason)),
      // The widget ends itself after a redemption, with no answer or dismissal to report.
      onRedeem: safely((offerId: string) => {
        if (current === display) finish(display);
        deps.redeem(offerId);
      }),
    };
  };

  const open = async (prompt: Prompt, force = false) => {
    const { prompts, lastPromptShownAt, promptsShownThisSession } = deps.facts();
    const history = prompts[prompt.id];
    const display: Display = {
      prompt,
      submissionId: uuidv7(),
      before: { prompts: { ...prompts, ...(history && { [prompt.id]: { ...history } }) }, lastPromptShownAt, promptsShownThisSession },
    };
    current = display;
    const release = await tabs.claim();
    if (current !== display || destroyed) return release?.();
    if (!release && !force) {
      current = null;
      return note(prompt.id, 'not shown (one at a time: a prompt is showing in another tab)');
    }
    if (release) display.release = release;
    const shown = await host.show(widgetProps(display));
    if (current !== display || destroyed) {
      // Closed from elsewhere while the widgets were loading.
      if (shown && !destroyed) host.close();
      return;
    }
    if (!shown) return finish(display); // the host has reported why
    record(RESERVED.promptShown, { promptId: prompt.id, kind: prompt.kind, submissionId: display.submissionId });
    tabs.announce(prompt.id, true);
    note(prompt.id, 'shown');
  };

  const openSafely = (prompt: Prompt, force?: boolean) =>
    open(prompt, force).catch((error) => {
      if (current?.prompt === prompt) finish(current);
      fail(error);
    });

  /** After an SPA route change: drop delays and close prompts whose `if` no longer holds. */
  const revalidate = () => {
    const facts = deps.facts();
    for (const promptId of pending.keys()) {
      const condition = find(promptId)?.if;
      if (condition && !evaluate(condition, facts)) cancel(promptId, 'its "if" no longer holds');
    }
    const condition = current?.prompt.if;
    if (current && condition && !evaluate(condition, Object.assign(Object.create(facts) as Facts, current.before))) {
      note(current.prompt.id, 'closed, its "if" no longer holds on this page');
      close(current, 'navigation');
    }
  };

  return {
    /** Call after the profile has applied the touchpoint, so the facts include it. */
    onTouchpoint(touchpoint: Touchpoint) {
      const prompts = deps.config()?.prompts;
      if (destroyed || !prompts) return;
      if (touchpoint.name === RESERVED.pageView && (pending.size || current)) revalidate();
      const candidates = prompts
        .filter(({ trigger }) => trigger.on === touchpoint.name && matchesWhere(trigger.where, touchpoint.props))
        .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0)); // stable: ties keep config order
      for (const prompt of candidates) {
        if (pending.has(prompt.id)) return; // already chosen, waiting out its delay
        if (!eligible(prompt)) continue;
        const delaySeconds = prompt.trigger.delaySeconds;
        if (!delaySeconds) return void openSafely(prompt);
        note(prompt.id, `showing in ${delaySeconds} s if still eligible`);
        pending.set(
          prompt.id,
          setTimeout(
            safely(() => {
              pending.delete(prompt.id);
              if (!destroyed && eligible(prompt)) openSafely(prompt);
            }),
            delaySeconds * 1000,
          ),
        );
        return;
      }
    },

    /** Manual display: through every gate, or with `force` past all but a prompt already open here. */
    show(promptId: string, options?: { force?: boolean }) {
      const prompt = find(promptId);
      if (!prompt) return deps.onError(new WaymarkError('unknown_prompt', `no prompt "${promptId}" in the config`));
      if (!options?.force) {
        if (eligible(prompt)) void openSafely(prompt);
      } else if (current) note(promptId, `not shown, "${current.prompt.id}" is open in this tab`);
      else void openSafely(prompt, true);
    },

    explain(promptId: string): Explanation {
      const prompt = find(promptId);
      if (!prompt) {
        const reason = `config: ${deps.config() ? `no prompt "${promptId}"` : 'no valid config is loaded'}`;
        return { promptId, eligible: false, gates: [{ gate: 'config', pass: false, reason }] };
      }
      const { on, where, delaySeconds } = prompt.trigger;
      const trigger = `trigger: on "${on}"${where ? ' with matching props' : ''}${delaySeconds ? `, ${delaySeconds} s later` : ''}${pending.has(promptId) ? ' (waiting now)' : ''}`;
      const reports = [{ gate: 'trigger', pass: true, reason: trigger }, ...gates(prompt)];
      return { promptId, eligible: reports.every((report) => report.pass), gates: reports };
    },

    /** A new visitor (reset): what the old one's touchpoints scheduled is not shown to them. */
    forget: () => cancelAll('the visitor was reset'),

    destroy() {
      destroyed = true;
      cancelAll('the SDK was destroyed');
      if (current) {
        finish(current);
        host.close();
      }
      globalThis.removeEventListener?.('pagehide', onPageHide);
      tabs.close();
    },
  };
}
