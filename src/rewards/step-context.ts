import type { Config } from '../config/schema.js';
import type { Props, Touchpoint } from '../types.js';
import type { LedgerOutput, LedgerState } from './ledger-state.js';

/** One input being applied: what the rule, challenge, streak and expiry steps share. */
export interface StepContext {
  config: Config;
  state: LedgerState;
  touchpoint: Touchpoint;
  props: Props;
  /** The input's time (epoch ms) and its local calendar day. */
  at: number;
  day: number;
  output: LedgerOutput[];
  /** Moves the balance and records the `$points` for it. */
  change(delta: number, rule: string, offerId?: string): void;
}

export const hasOwn = (object: object, key: string) => Object.hasOwn(object, key);
