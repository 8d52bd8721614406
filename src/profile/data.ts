import type { PromptHistory } from '../rules/facts.js';
import { isObject } from '../rules/lookup.js';
import type { Json, Props } from '../types.js';
import { MAX_DAYS, type Tally } from './tally.js';

// Caps that keep the stored profile bounded whatever the host page tracks.
export const MAX_EVENT_NAMES = 500;
export const MAX_FILTERED = 200;
export const MAX_PROMPTS = 200;
export const MAX_TRAITS = 100;
const MAX_TRAIT_CHARS = 1_000;
export const MAX_RECENT_IDS = 100;
export const MAX_TEXT = 2_048;

/** What the profile stores: `toJSON()` returns it, `createProfile` restores it. */
export interface ProfileData {
  v: 1;
  /** Every touchpoint name, `$` names included. */
  events: Record<string, Tally>;
  /** `where`-filtered event conditions of the config, by counter key. */
  filtered: Record<string, Tally>;
  traits: Props;
  stage: string | null;
  session: { id: string; startedAt: number | null; pageViews: number; count: number; promptsShown: number };
  page: { url: string; path: string; referrer: string; viewedAt: number | null; scroll: number };
  prompts: Record<string, PromptHistory>;
  lastPromptShownAt: number | null;
  /** Ids of the latest touchpoints applied, so one arriving twice counts once. */
  recentIds: string[];
}

/** A record without a prototype: keys like `__proto__` or `constructor` are plain keys. */
export const dict = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

export const emptyHistory = (): PromptHistory => ({ shown: 0, answered: 0, dismissed: 0, lastShownAt: null, lastAnsweredAt: null, lastDismissedAt: null });

export function emptyProfileData(): ProfileData {
  return {
    v: 1,
    events: dict(),
    filtered: dict(),
    traits: dict(),
    stage: null,
    session: { id: '', startedAt: null, pageViews: 0, count: 0, promptsShown: 0 },
    page: { url: '', path: '', referrer: '', viewedAt: null, scroll: 0 },
    prompts: dict(),
    lastPromptShownAt: null,
    recentIds: [],
  };
}

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

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const nullableNumber = (value: unknown) => value === null || finite(value);

const isTally = (value: unknown): value is Tally =>
  isObject(value) &&
  finite(value.count) &&
  finite(value.first) &&
  finite(value.last) &&
  Array.isArray(value.days) &&
  value.days.length % 2 === 0 &&
  value.days.length <= 2 * MAX_DAYS + 2 &&
  value.days.every((item, index, days) => finite(item) && (index % 2 === 1 || index < 2 || item > days[index - 2]));

const isHistory = (value: unknown): value is PromptHistory =>
  isObject(value) &&
  finite(value.shown) &&
  finite(value.answered) &&
  finite(value.dismissed) &&
  nullableNumber(value.lastShownAt) &&
  nullableNumber(value.lastAnsweredAt) &&
  nullableNumber(value.lastDismissedAt);

/** Copies the entries that pass `valid`, at most `max` of them. */
function copyValid<T>(stored: unknown, valid: (value: unknown) => value is T, max: number): Record<string, T> {
  const out = dict<T>();
  if (!isObject(stored)) return out;
  let size = 0;
  for (const key of Object.keys(stored)) {
    const value = stored[key];
    if (size < max && valid(value)) {
      out[key] = value;
      size++;
    }
  }
  return out;
}

/** Takes each field of `stored` that has the type of the same field in `fresh`. */
function sameShape<T extends object>(fresh: T, stored: unknown): T {
  if (!isObject(stored)) return fresh;
  const out = fresh as Record<string, unknown>;
  for (const key of Object.keys(out)) {
    const want = out[key];
    const got = stored[key];
    if (typeof got === 'string' && typeof want === 'string') out[key] = got.slice(0, MAX_TEXT);
    else if (finite(got) && (typeof want === 'number' || want === null)) out[key] = got;
  }
  return fresh;
}

/**
 * A previous `toJSON()` back into profile data. Anything unreadable (another version,
 * corruption, a different shape) is dropped part by part; garbage yields a fresh profile.
 */
export function restoreProfileData(stored: unknown): ProfileData {
  const data = emptyProfileData();
  if (!isObject(stored) || stored.v !== 1) return data;
  try {
    data.events = copyValid(stored.events, isTally, MAX_EVENT_NAMES);
    data.filtered = copyValid(stored.filtered, isTally, MAX_FILTERED);
    data.prompts = copyValid(stored.prompts, isHistory, MAX_PROMPTS);
    mergeTraits(data.traits, stored.traits);
    data.stage = typeof stored.stage === 'string' ? stored.stage.slice(0, MAX_TEXT) : null;
    sameShape(data.session, stored.session);
    sameShape(data.page, stored.page);
    if (finite(stored.lastPromptShownAt)) data.lastPromptShownAt = stored.lastPromptShownAt;
    if (Array.isArray(stored.recentIds)) data.recentIds = stored.recentIds.filter((id) => typeof id === 'string').slice(-MAX_RECENT_IDS);
    return data;
  } catch {
    return emptyProfileData();
  }
}
