/**
 * The only boundary between the core and the widgets chunk. Widgets import these types
 * (type-only: no core code enters the chunk) and talk back only through the callbacks.
 */
import type { ExitPrompt, NpsPrompt, Offer, Prompt, RatingPrompt, RewardPrompt, Text, Theme } from '../src/config/schema.js';
import type { DismissReason } from '../src/types.js';
import type { ChallengeView } from '../src/rewards/challenge-view.js';

export type { ExitPrompt, NpsPrompt, Offer, Prompt, RatingPrompt, RewardPrompt, Text, Theme, DismissReason, ChallengeView };

export interface WidgetAnswer {
  /** nps 0–10; rating 1..max (thumbs: 1 = down, 2 = up). */
  score?: number;
  /** Follow-up or free text. */
  comment?: string;
  /** exit: chosen choice labels, in the config's default locale. */
  choices?: string[];
  /** exit: text typed in "Other". */
  other?: string;
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
  onDismiss(reason: DismissReason): void;
  onRedeem(offerId: string): void;
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
}

export interface WidgetsModule {
  mount(root: ShadowRoot, props: WidgetProps, options: MountOptions): MountedWidget;
}
