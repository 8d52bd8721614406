import type { Config } from '../config/schema.js';
import { matchesWhere } from '../rules/conditions.js';
import type { Device, Facts } from '../rules/facts.js';
import { isObject } from '../rules/lookup.js';
import { RESERVED, type Props, type Touchpoint } from '../types.js';
import { compileCounters } from './counters.js';
import { dict, makeRoom, MAX_EVENT_NAMES, MAX_FILTERED, MAX_PROMPTS, MAX_RECENT_IDS, MAX_TEXT, mergeTraits, restoreProfileData } from './data.js';
import { boundProfileTimes } from './future-times.js';
import { addToTally, countSince, localDay, type Tally } from './tally.js';

export { compileCounters } from './counters.js';

export interface ProfileEnv {
  now: number;
  points: number;
  tier: string | null;
  locale: string;
  device: Device;
}

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

const NOTHING_KEPT: ReadonlySet<string> = new Set();
const lastSeen = (tally: Tally) => tally.last;
const secondsSince = (since: number, now: number) => (since ? Math.max(0, (now - since) / 1000) : 0);

/** `stored` is a previous `toJSON()`; anything unreadable starts a fresh profile. */
export function createProfile(config: Config | null, stored?: unknown): Profile {
  const plan = compileCounters(config);
  const stageOrder = config?.stages?.map((stage) => stage.id) ?? [];
  const tierOrder = config?.rewards?.tiers?.map((tier) => tier.id) ?? [];
  const data = boundProfileTimes(restoreProfileData(stored));
  const recent = new Set(data.recentIds);
  let query = dict<string>();
  let queryOf = '';

  const count = (tallies: Record<string, Tally>, key: string, ms: number, day: number, max: number, keep: ReadonlySet<string>) => {
    if (key in tallies || makeRoom(tallies, max, keep, lastSeen)) tallies[key] = addToTally(tallies[key], ms, day);
  };

  const applyOnce = ({ id, name, ts, props, sessionId, page }: Touchpoint, own: boolean) => {
    if (typeof id !== 'string' || typeof name !== 'string' || recent.has(id)) return;
    recent.add(id);
    if (data.recentIds.push(id) > MAX_RECENT_IDS) recent.delete(data.recentIds.shift()!);
    const parsed = Date.parse(ts);
    const ms = Number.isFinite(parsed) ? parsed : Date.now();
    const day = localDay(ms);
    if (!isObject(props)) props = {};

    if (sessionId !== data.sessionId) {
      Object.assign(data, {
        sessionId: String(sessionId).slice(0, MAX_TEXT),
        sessionStart: ms,
        sessionPageViews: 0,
        sessionCount: data.sessionCount + 1,
        sessionPrompts: 0,
      });
    } else data.sessionStart = Math.min(data.sessionStart || ms, ms);
    // Page facts are this tab's own: another tab's touchpoints happened on another page.
    if (own && isObject(page))
      for (const key of ['url', 'path', 'referrer'] as const) if (typeof page[key] === 'string') data[key] = page[key].slice(0, MAX_TEXT);

    count(data.events, name, ms, day, MAX_EVENT_NAMES, plan.events);
    for (const counter of plan.byEvent.get(name) ?? []) {
      if (matchesWhere(counter.where, props)) count(data.filtered, counter.key, ms, day, MAX_FILTERED, plan.keys);
    }

    if (name === RESERVED.pageView) {
      data.sessionPageViews++;
      if (own) Object.assign(data, { pageViewAt: ms, scroll: 0 });
    }
    if (own && name === RESERVED.scroll && typeof props.depth === 'number') data.scroll = Math.max(data.scroll, Math.min(100, props.depth));
    if (name === RESERVED.identify) mergeTraits(data.traits, props.traits);
    if (name === RESERVED.stage && (typeof props.to === 'string' || props.to === null)) data.stage = props.to ?? '';
    if (name.startsWith('$prompt_') && typeof props.promptId === 'string') recordPrompt(name, props.promptId, props.complete === true, ms);
  };

  const recordPrompt = (name: string, promptId: string, complete: boolean, ms: number) => {
    if (!(promptId in data.prompts)) makeRoom(data.prompts, MAX_PROMPTS, NOTHING_KEPT, (item) => item.lastShownAt ?? 0);
    const history = (data.prompts[promptId] ??= { shown: 0, answered: 0, dismissed: 0, lastShownAt: null, lastAnsweredAt: null, lastDismissedAt: null });
    const latest = (previous: number | null) => Math.max(previous ?? ms, ms);
    if (name === RESERVED.promptShown) {
      history.shown++;
      history.lastShownAt = latest(history.lastShownAt);
      data.lastPromptShownAt = latest(data.lastPromptShownAt);
      data.sessionPrompts++;
    } else if (name === RESERVED.promptDismissed) {
      history.dismissed++;
      history.lastDismissedAt = latest(history.lastDismissedAt);
    } else if (name === RESERVED.promptAnswered && complete) {
      // The score alone arrives first with complete: false; only the finished answer counts.
      history.answered++;
      history.lastAnsweredAt = latest(history.lastAnsweredAt);
    }
  };

  return {
    apply(touchpoint, own = true) {
      try {
        applyOnce(touchpoint, own);
      } catch {
        // A malformed touchpoint (it breaks the Touchpoint type) changes nothing further.
      }
    },
    facts({ now, points, tier, locale, device }) {
      const today = localDay(now);
      if (queryOf !== data.url) query = parseQuery((queryOf = data.url));
      return {
        now,
        stage: data.stage || null,
        stageOrder,
        points,
        tier,
        tierOrder,
        traits: data.traits,
        locale,
        device,
        page: { url: data.url, path: data.path, query, referrer: data.referrer, seconds: secondsSince(data.pageViewAt, now), scroll: data.scroll },
        session: { pageViews: data.sessionPageViews, seconds: secondsSince(data.sessionStart, now), count: data.sessionCount },
        prompts: data.prompts,
        lastPromptShownAt: data.lastPromptShownAt || null,
        promptsShownThisSession: data.sessionPrompts,
        countEvents({ event, where, withinDays }) {
          const tally = where === undefined ? data.events[event] : data.filtered[plan.keyOf(event, where)];
          // withinDays: N counts today and the N - 1 calendar days before it.
          return !tally ? 0 : withinDays === undefined ? tally.count : countSince(tally, today - Math.ceil(withinDays) + 1);
        },
      };
    },
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

/** The first value of each query parameter, decoded. */
function parseQuery(url: string): Record<string, string> {
  const query = dict<string>();
  const start = url.indexOf('?');
  const end = url.indexOf('#', start);
  if (start >= 0) for (const [key, value] of new URLSearchParams(url.slice(start, end < 0 ? undefined : end))) query[key] ??= value;
  return query;
}
