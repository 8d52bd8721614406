import type { PromptHistory } from '../rules/facts.js';
import { isObject } from '../rules/lookup.js';
import type { Json, Props } from '../types.js';
import { MAX_DAYS, type Tally } from './tally.js';

// Caps that keep the stored profile bounded whatever the host page tracks.
export const MAX_EVENT_NAMES = 500;
export const MAX_FILTERED = 200;
export const MAX_PROMPTS = 200;
export const MAX_TRAITS = 100;
export const MAX_RECENT_IDS = 100;
export const MAX_TEXT = 2_048;
const MAX_TRAIT_CHARS = 1_000;

/** What the profile stores: `toJSON()` returns it, `createProfile` restores it. Times are epoch ms, 0 for never. */
export interface ProfileData {
  v: 1;
  /** Every touchpoint name, `$` names included. */
  events: Record<string, Tally>;
  /** `where`-filtered event conditions of the config, by counter key. */
  filtered: Record<string, Tally>;
  prompts: Record<string, PromptHistory>;
  traits: Props;
  /** Ids of the latest touchpoints applied, so one arriving twice counts once. */
  recentIds: string[];
  /** '' for none. */
  stage: string;
  sessionId: string;
  sessionStart: number;
  sessionPageViews: number;
  sessionCount: number;
  sessionPrompts: number;
  url: string;
  path: string;
  referrer: string;
  pageViewAt: number;
  scroll: number;
  lastPromptShownAt: number;
}

/** A record without a prototype: keys like `__proto__` or `constructor` are plain keys. */
export const dict = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

export const emptyProfileData = (): ProfileData => ({
  v: 1,
  events: dict(),
  filtered: dict(),
  prompts: dict(),
  traits: dict(),
  recentIds: [],
  stage: '',
  sessionId: '',
  sessionStart: 0,
  sessionPageViews: 0,
  sessionCount: 0,
  sessionPrompts: 0,
  url: '',
  path: '',
  referrer: '',
  pageViewAt: 0,
  scroll: 0,
  lastPromptShownAt: 0,
});

/**
 * Makes room for one more key: evicts the entry that is oldest by `age`, never one in
 * `keep`. False when everything left is kept.
 */
export function makeRoom<T>(record: Record<string, T>, max: number, keep: ReadonlySet<string>, age: (item: T) => number): boolean {
  const keys = Object.keys(record);
  if (keys.length < max) return true;
  let oldest: string | undefined;
  for (const key of keys) {
    if (!keep.has(key) && (oldest === undefined || age(record[key]!) < age(record[oldest]!))) oldest = key;
  }
  if (oldest !== undefined) delete record[oldest];
  return oldest !== undefined;
}

/** Merges identify() traits; skips values too big to keep, and new keys past the cap. */
export function mergeTraits(traits: Props, incoming: unknown) {
  if (!isObject(incoming)) return;
  let size = Object.keys(traits).length;
  for (const key of Object.keys(incoming)) {
    const value = incoming[key] as Json | undefined;
    if (value === undefined || (JSON.stringify(value)?.length ?? 0) > MAX_TRAIT_CHARS) continue;
    if (!(key in traits) && size++ >= MAX_TRAITS) continue;
    traits[key] = value;
  }
}

// Enough to never throw later: apply() and facts() read exactly these fields.
const isTally = (value: unknown) =>
  isObject(value) && Number.isFinite(value.count) && Array.isArray(value.days) && value.days.length % 2 === 0 && value.days.length <= 2 * MAX_DAYS + 2;
const isHistory = (value: unknown) => isObject(value) && ['shown', 'answered', 'dismissed'].every((key) => Number.isFinite(value[key]));

/** Copies into a prototype-free record, if every entry is valid and there are not too many. */
function copyAll<T>(stored: unknown, valid: (value: unknown) => boolean, max: number): Record<string, T> | null {
  if (!isObject(stored)) return null;
  const entries = Object.entries(stored);
  return entries.length <= max && entries.every(([, value]) => valid(value)) ? Object.assign(dict<T>(), stored) : null;
}

/**
 * A previous `toJSON()` back into profile data; anything not exactly in shape (another
 * version, corruption, a foreign value) gives a fresh profile instead.
 */
export function restoreProfileData(stored: unknown): ProfileData {
  const data = emptyProfileData() as unknown as Record<string, unknown>;
  if (!isObject(stored) || stored.v !== 1) return emptyProfileData();
  for (const key of Object.keys(data)) {
    const got = stored[key];
    const want = data[key];
    if (typeof got !== typeof want || (typeof got === 'number' && !Number.isFinite(got)) || (typeof got === 'string' && got.length > MAX_TEXT))
      return emptyProfileData();
    if (typeof got !== 'object') data[key] = got;
  }
  const events = copyAll<Tally>(stored.events, isTally, MAX_EVENT_NAMES);
  const filtered = copyAll<Tally>(stored.filtered, isTally, MAX_FILTERED);
  const prompts = copyAll<PromptHistory>(stored.prompts, isHistory, MAX_PROMPTS);
  const recentIds = stored.recentIds;
  if (!events || !filtered || !prompts || !Array.isArray(recentIds) || !recentIds.every((id) => typeof id === 'string')) return emptyProfileData();
  mergeTraits(data.traits as Props, stored.traits);
  return Object.assign(data as unknown as ProfileData, { events, filtered, prompts, recentIds: recentIds.slice(-MAX_RECENT_IDS) });
}
