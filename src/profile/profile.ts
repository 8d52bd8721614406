import type { Config } from '../config/schema.js';
import type { Facts } from '../rules/facts.js';
import type { Props, Touchpoint } from '../types.js';
import { applyTouchpoint } from './apply.js';
import { compileCounters } from './counters.js';
import { dict, mergeTraits, restoreProfileData } from './data.js';
import { boundProfileTimes } from './future-times.js';
import { createFactsReader, type ProfileEnv } from './profile-facts.js';

export { compileCounters } from './counters.js';
export type { ProfileEnv } from './profile-facts.js';

/** What the rules know about one visitor, built from the touchpoints applied to it. */
export interface Profile {
  /**
   * Idempotent by touchpoint id: a touchpoint broadcast back from another tab counts once.
   * `own: false` (another tab's touchpoint) counts it but leaves this tab's page facts alone.
   */
  apply(touchpoint: Touchpoint, own?: boolean): void;
  facts(env: ProfileEnv): Facts;
  /** Set by the caller after deriveStage (a `$stage` touchpoint sets it too). */
  stage: string | null;
  traits: Props;
  /** The live stored form (serializable, bounded): save it, do not mutate it. */
  toJSON(): unknown;
}

/** `stored` is a previous `toJSON()`; anything unreadable starts a fresh profile. */
export function createProfile(config: Config | null, stored?: unknown): Profile {
  const plan = compileCounters(config);
  const data = boundProfileTimes(restoreProfileData(stored));
  const recent = new Set(data.recentIds);
  return {
    apply(touchpoint, own = true) {
      try {
        applyTouchpoint(data, plan, recent, touchpoint, own);
      } catch {
        // A malformed touchpoint (it breaks the Touchpoint type) changes nothing further.
      }
    },
    facts: createFactsReader(config, data, plan),
    get stage() {
      return data.stage || null;
    },
    set stage(stage) {
      data.stage = stage ?? '';
    },
    get traits() {
      return data.traits;
    },
    set traits(traits) {
      mergeTraits((data.traits = dict()), traits);
    },
    toJSON: () => data,
  };
}
