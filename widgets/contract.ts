/**
 * The only boundary between the core and the widgets chunk. Widgets import these types
 * (type-only: no core code enters the chunk) and talk back only through the callbacks; a
 * poll also reads its counts from the collector URL it is given (`pollResultsUrl`).
 */
import type {
  ExitPrompt,
  NpsPrompt,
  Offer,
  PollPrompt,
  Prompt,
  QuizPrompt,
  RatingPrompt,
  RewardPrompt,
  SurveyPrompt,
  Text,
  Theme,
} from '../src/config/schema.js';
import type { DismissReason } from '../src/types.js';
import type { ChallengeView } from '../src/rewards/challenge-view.js';

export type {
  ExitPrompt,
  NpsPrompt,
  Offer,
  PollPrompt,
  Prompt,
  QuizPrompt,
  RatingPrompt,
  RewardPrompt,
  SurveyPrompt,
  Text,
  Theme,
  DismissReason,
  ChallengeView,
};

export interface WidgetAnswer {
  /** nps 0–10; rating 1..max (thumbs: 1 = down, 2 = up). */
  score?: number;
  /** Follow-up or free text. */
  comment?: string;
  /** exit: chosen choice labels, in the config's default locale. */
  choices?: string[];
  /** exit: text typed in "Other". */
  other?: string;
  /** survey: the question answered. */
  questionId?: string;
}

export interface WidgetProps {
  prompt: Prompt;
  /** The visitor's locale (BCP 47) and the config's fallback. */
  locale: string;
  defaultLocale: string;
  theme: Theme;
  /**
   * Values for `{placeholder}` interpolation: points, delta, tier, nextTier, toNextTier…
   * A points toast draws its tier progress bar from `tierProgress` (0–1) when given, else
   * from `points / (points + toNextTier)`.
   */
  vars: Record<string, string | number>;
  /** The offer of a reward prompt with `offer`. */
  offer?: Offer;
  /** The challenge of a reward prompt with `challenge`: its steps and progress (`vars.progress` too). */
  challenge?: ChallengeView;
  /** A score or choice was made (`complete: false`), or the visitor finished (`complete: true`). */
  onAnswer(answer: WidgetAnswer, complete: boolean): void;
  /** survey: where a reload in this tab's session left it, to go on from there. */
  resume?: SurveyResume;
  /** survey: the visitor moved (an answer changed, Next, Back), so a reload can resume. */
  onProgress?(progress: SurveyResume): void;
  /** The visitor opened it (a feedback tab's launcher): focus follows them into it. A trigger's show leaves focus where it is. */
  opened?: boolean;
  /** poll: where the collector serves its votes so far; absent when the endpoint is not a collector. */
  pollResultsUrl?: string;
  onDismiss(reason: DismissReason): void;
  onRedeem(offerId: string): void;
}

/** A poll's votes so far: how many voted, and choice label (default locale) → votes for it. */
export interface PollResults {
  votes: number;
  choices: Record<string, number>;
}

/** A survey's path so far (question ids, the current one last) and its answers by question. */
export interface SurveyResume {
  path: string[];
  answers: Record<string, WidgetAnswer | undefined>;
}

export interface MountedWidget {
  /** Removes the widget without reporting a dismissal (the controller already knows why). */
  close(): void;
}

export interface MountOptions {
  /** Nonce for the `<style>` fallback where constructable stylesheets are missing. */
  nonce?: string | undefined;
  /** The widget ended by itself: after its thank-you, or after reporting a dismissal. */
  onClosed?: (() => void) | undefined;
  /** Preview: laid out in the page flow, never modal, no timeouts (gallery, playground). */
  inline?: boolean | undefined;
  /** The code of a kind that comes in a chunk of its own (survey), loaded beside this one. */
  kind?: KindModule | undefined;
}

/**
 * What the shell lends a kind chunk, so the chunk bundles no copy of its own: one preact
 * instance (hooks need it) and the shell's parts that kinds share.
 */
export interface ShellLib {
  jsx: typeof import('preact/jsx-runtime').jsx;
  jsxs: typeof import('preact/jsx-runtime').jsxs;
  Fragment: typeof import('preact').Fragment;
  useState: typeof import('preact/hooks').useState;
  useEffect: typeof import('preact/hooks').useEffect;
  useRef: typeof import('preact/hooks').useRef;
  useMemo: typeof import('preact/hooks').useMemo;
  Options: typeof import('./shell/options.js').Options;
  ratingScale: typeof import('./rating.js').ratingScale;
  languageOf: typeof import('../src/config/localize.js').languageOf;
}

/** A kind's own chunk: `install()` takes the shell's parts, then `Kind` renders inside the shell's frame. */
export interface KindModule {
  install(shell: ShellLib): void;
  Kind(props: import('./kind.js').KindProps): import('preact').JSX.Element;
}

export interface WidgetsModule {
  mount(root: ShadowRoot, props: WidgetProps, options: MountOptions): MountedWidget;
}
