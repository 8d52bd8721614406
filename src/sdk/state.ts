import type { WaymarkState } from '../instance.js';
import type { ChallengeView } from '../rewards/challenge-view.js';
import { type StateSignal, stateSignal } from '../state-signal.js';

/** `wm.state` as the SDK holds it: the same signals, which it alone sets. */
export interface SdkState extends WaymarkState {
  stage: StateSignal<string | null>;
  points: StateSignal<number>;
  tier: StateSignal<string | null>;
  challenges: StateSignal<Record<string, ChallengeView>>;
}

export const createState = (): SdkState => ({
  stage: stateSignal<string | null>(null),
  points: stateSignal(0),
  tier: stateSignal<string | null>(null),
  challenges: stateSignal<Record<string, ChallengeView>>({}),
});
