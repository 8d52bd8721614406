import type { Config, Offer, Prompt, PromptVariant, Theme } from '../config/schema.js';
import { WaymarkError } from '../errors.js';
import type { Facts } from '../rules/facts.js';
import type { ChallengeView } from '../rewards/challenge-view.js';
import type { Props } from '../types.js';
import type { SurveyResume, WidgetAnswer } from '../../widgets/contract.js';
import type { PromptHost } from './host.js';
import type { SurveyProgress } from './survey-progress.js';
import type { TabSync } from './tabs.js';

export interface PromptControllerDeps {
  config: () => Config | null;
  facts: () => Facts;
  anonymousId: () => string;
  /** A unique id (a display's submissionId): the core's UUIDv7, so the engine carries no copy of it. */
  newId: () => string;
  host: PromptHost;
  /** Records a touchpoint through the normal pipeline. */
  record: (name: string, props: Props) => void;
  widgetEnv: (prompt: Prompt) => { locale: string; defaultLocale: string; theme: Theme; vars: Record<string, string | number>; challenge?: ChallengeView };
  offer: (offerId: string) => Offer | undefined;
  redeem: (offerId: string) => void;
  /** Where the collector the endpoint names serves a poll's votes, or null (poll-results.ts). */
  pollResultsUrl: (promptId: string) => string | null;
  /** Called when an answer completes, so it leaves before the visitor does. */
  flushSoon: () => void;
  namespace: string;
  onError: (error: WaymarkError) => void;
  debug?: (message: string, ...details: unknown[]) => void;
}

/** One prompt on screen (or loading), from the decision to its answer or dismissal. */
export interface Display {
  prompt: Prompt;
  submissionId: string;
  /** The last partial answer: a score counts even if the follow-up is skipped. */
  answer?: WidgetAnswer;
  release?: () => void;
  /** quiz: whether each question answered so far was right. */
  correct?: Record<string, boolean>;
  /** This visitor's variant of the prompt, when it has variants (variant.ts). */
  variant?: PromptVariant;
  /** survey: shown again after a reload, where the visitor was. */
  resume?: SurveyResume;
  /** The visitor opened it from its feedback tab. */
  opened?: boolean;
  /** History as it was before this display, so its own impression does not fail its `if`. */
  before: Pick<Facts, 'prompts' | 'lastPromptShownAt' | 'promptsShownThisSession'>;
}

/** A prompt whose trigger fired while another prompt held the screen, waiting for its turn. */
export interface QueuedPrompt {
  prompt: Prompt;
  /** `Date.now()` when it stops waiting. */
  expiresAt: number;
  /** A survey resumed after a reload: it comes back with its progress, past the gates a resume skips. */
  resumed?: SurveyProgress;
}

/**
 * What every part of the prompt controller shares: its dependencies, the prompt on screen, the
 * delays, and the tabs. The parts are plain functions of this state, so the bundle keeps one
 * short name for each.
 */
export interface PromptState {
  readonly deps: PromptControllerDeps;
  readonly tabs: TabSync;
  /** Prompts chosen by a trigger with `delaySeconds`, waiting to be checked again. */
  readonly pending: Map<string, ReturnType<typeof setTimeout>>;
  /** Blocked prompts waiting for the screen, highest `priority` first, then in trigger order. */
  readonly queue: QueuedPrompt[];
  /** When each prompt last ran out of time in the queue, for `explain()`. */
  readonly expired: Map<string, number>;
  /** When each prompt last closed or left the queue because the visitor left its page, for `explain()`. */
  readonly leftPage: Map<string, number>;
  /** A wait for the display lock is under way (queue.ts). */
  waking: boolean;
  /**
   * Gives the queued prompts their turn once the screen may be free. Set by the controller
   * (turns.ts), so the display files that call it need not import what shows prompts.
   */
  offerTurn: () => void;
  /** The prompt on screen changed, or the facts did: the tab launchers follow (tab.ts). */
  onScreen: () => void;
  /** The prompt on screen or loading: there is at most one. */
  current: Display | null;
  destroyed: boolean;
}

export const createPromptState = (deps: PromptControllerDeps, tabs: TabSync): PromptState => ({
  deps,
  tabs,
  pending: new Map(),
  queue: [],
  expired: new Map(),
  leftPage: new Map(),
  waking: false,
  offerTurn: () => {},
  onScreen: () => {},
  current: null,
  destroyed: false,
});

/** A line of the `debug` log about one prompt. */
export const note = (state: PromptState, promptId: string, text: string) => state.deps.debug?.(`prompt "${promptId}": ${text}`);

export const fail = (state: PromptState, error: unknown) => state.deps.onError(new WaymarkError('internal', `prompts: ${String(error)}`, error));

/** Wraps a callback the page's event loop calls, so a bug in it is reported instead of thrown. */
export const safely =
  <Args extends unknown[]>(state: PromptState, body: (...args: Args) => void) =>
  (...args: Args) => {
    try {
      body(...args);
    } catch (error) {
      fail(state, error);
    }
  };

export const findPrompt = (state: PromptState, promptId: string) => state.deps.config()?.prompts?.find((prompt) => prompt.id === promptId);
