import type { Config } from '../config/schema.js';
import { matchesWhere } from '../rules/conditions.js';
import type { Device, EventQuery, Facts } from '../rules/facts.js';
import { isObject } from '../rules/lookup.js';
import { RESERVED, type PageInfo, type Props, type Touchpoint } from '../types.js';
import { compileCounters } from './counters.js';
import {
  dict,
  emptyHistory,
  makeRoom,
  MAX_EVENT_NAMES,
  MAX_FILTERED,
  MAX_PROMPTS,
  MAX_RECENT_IDS,
  MAX_TEXT,
  mergeTraits,
  restoreProfileData,
  type ProfileData,
} from './data.js';
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
  /** Idempotent by touchpoint id: a touchpoint broadcast back from another tab counts once. */
  apply(touchpoint: Touchpoint): void;
  facts(env: ProfileEnv): Facts;
  /** Set by the caller after deriveStage (a `$stage` touchpoint sets it too). */
  stage: string | null;
  traits: Props;
  /** The live stored form (serializable, bounded): save it, do not mutate it. */
  toJSON(): unknown;
}

const NO_KEYS: ReadonlySet<string> = new Set();
const lastSeen = (tally: Tally) => tally.last;

/** `stored` is a previous `toJSON()`; anything unreadable starts a fresh profile. */
export function createProfile(config: Config | null, stored?: unknown): Profile {
  const plan = compileCounters(config);
  const stageOrder = config?.stages?.map((stage) => stage.id) ?? [];
  const tierOrder = config?.rewards?.tiers?.map((tier) => tier.id) ?? [];
  const data: ProfileData = restoreProfileData(stored);
  const recent = new Set(data.recentIds);

  const bump = (tallies: Record<string, Tally>, key: string, ms: number, day: number, max: number, keep: ReadonlySet<string>) => {
    if (key in tallies || makeRoom(tallies, max, keep, lastSeen)) tallies[key] = addToTally(tallies[key], ms, day);
  };

  const applyOnce = (touchpoint: Touchpoint) => {
    const { id, name } = touchpoint;
    if (typeof id !== 'string' || typeof name !== 'string' || recent.has(id)) return;
    recent.add(id);
    if (data.recentIds.push(id) > MAX_RECENT_IDS) recent.delete(data.recentIds.shift()!);
    const parsed = Date.parse(touchpoint.ts);
    const ms = Number.isFinite(parsed) ? parsed : Date.now();
    const props: Props = isObject(touchpoint.props) ? touchpoint.props : {};

    let session = data.session;
    if (touchpoint.sessionId !== session.id) {
      session = data.session = { id: String(touchpoint.sessionId).slice(0, MAX_TEXT), startedAt: ms, pageViews: 0, count: session.count + 1, promptsShown: 0 };
    } else session.startedAt = Math.min(session.startedAt ?? ms, ms);
    updatePage(data.page, touchpoint.page);

    const day = localDay(ms);
    bump(data.events, name, ms, day, MAX_EVENT_NAMES, plan.events);
    for (const counter of plan.byEvent.get(name) ?? []) {
      if (matchesWhere(counter.where, props)) bump(data.filtered, counter.key, ms, day, MAX_FILTERED, plan.keys);
    }

    switch (name) {
      case RESERVED.pageView:
        data.page.viewedAt = ms;
        data.page.scroll = 0;
        session.pageViews++;
        break;
      case RESERVED.scroll:
        if (typeof props.depth === 'number') data.page.scroll = Math.max(data.page.scroll, Math.min(100, props.depth));
        break;
      case RESERVED.identify:
        mergeTraits(data.traits, props.traits);
        break;
      case RESERVED.stage:
        if (typeof props.to === 'string' || props.to === null) data.stage = props.to;
        break;
      case RESERVED.promptShown:
      case RESERVED.promptAnswered:
      case RESERVED.promptDismissed:
        recordPrompt(name, props, ms);
    }
  };

  const recordPrompt = (name: string, props: Props, ms: number) => {
    const promptId = props.promptId;
    if (typeof promptId !== 'string') return;
    if (!(promptId in data.prompts)) {
      if (!makeRoom(data.prompts, MAX_PROMPTS, NO_KEYS, (history) => history.lastShownAt ?? 0)) return;
      data.prompts[promptId] = emptyHistory();
    }
    const history = data.prompts[promptId]!;
    const latest = (previous: number | null) => Math.max(previous ?? ms, ms);
    if (name === RESERVED.promptShown) {
      history.shown++;
      history.lastShownAt = latest(history.lastShownAt);
      data.lastPromptShownAt = latest(data.lastPromptShownAt);
      data.session.promptsShown++;
    } else if (name === RESERVED.promptDismissed) {
      history.dismissed++;
      history.lastDismissedAt = latest(history.lastDismissedAt);
    } else if (props.complete === true) {
      // The score alone arrives first with complete: false; only the finished answer counts.
      history.answered++;
      history.lastAnsweredAt = latest(history.lastAnsweredAt);
    }
  };

  let query: Record<string, string> = parseQuery(data.page.url);
  let queryOf = data.page.url;

  return {
    apply(touchpoint) {
      try {
        applyOnce(touchpoint);
      } catch {
        // A malformed touchpoint (it breaks the Touchpoint type) changes nothing further.
      }
    },
    facts({ now, points, tier, locale, device }) {
      const today = localDay(now);
      const { page, session } = data;
      if (queryOf !== page.url) {
        query = parseQuery(page.url);
        queryOf = page.url;
      }
      return {
        now,
        stage: data.stage,
        stageOrder,
        points,
        tier,
        tierOrder,
        traits: data.traits,
        locale,
        device,
        page: { url: page.url, path: page.path, query, referrer: page.referrer, seconds: secondsSince(page.viewedAt, now), scroll: page.scroll },
        session: { pageViews: session.pageViews, seconds: secondsSince(session.startedAt, now), count: session.count },
        prompts: data.prompts,
        lastPromptShownAt: data.lastPromptShownAt,
        promptsShownThisSession: session.promptsShown,
        countEvents(eventQuery: EventQuery) {
          const { event, where, withinDays } = eventQuery;
          const tally = where === undefined ? data.events[event] : data.filtered[plan.keyOf(event, where)];
          if (!tally) return 0;
          // withinDays: N counts today and the N - 1 calendar days before it.
          return withinDays === undefined ? tally.count : countSince(tally, today - Math.ceil(withinDays) + 1);
        },
      };
    },
    get stage() {
      return data.stage;
    },
    set stage(stage) {
      data.stage = stage;
    },
    get traits() {
      return data.traits;
    },
    set traits(traits) {
      data.traits = dict();
      mergeTraits(data.traits, traits);
    },
    toJSON: () => data,
  };
}

const secondsSince = (since: number | null, now: number) => (since === null ? 0 : Math.max(0, (now - since) / 1000));

function updatePage(page: ProfileData['page'], info: PageInfo | undefined) {
  if (!isObject(info)) return;
  for (const key of ['url', 'path', 'referrer'] as const) {
    if (typeof info[key] === 'string') page[key] = info[key].slice(0, MAX_TEXT);
  }
}

/** The first value of each query parameter, decoded. */
function parseQuery(url: string): Record<string, string> {
  const query = dict<string>();
  const start = url.indexOf('?');
  if (start < 0) return query;
  const end = url.indexOf('#', start);
  for (const [key, value] of new URLSearchParams(url.slice(start, end < 0 ? undefined : end))) {
    if (!(key in query)) query[key] = value;
  }
  return query;
}
