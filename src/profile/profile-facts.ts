import type { Config } from '../config/schema.js';
import type { Device, Facts } from '../rules/facts.js';
import type { CounterPlan } from './counters.js';
import { dict, type ProfileData } from './data.js';
import { countSince, localDay } from './tally.js';

/** What the facts take from outside the profile, at the moment they are read. */
export interface ProfileEnv {
  now: number;
  points: number;
  tier: string | null;
  locale: string;
  device: Device;
}

const secondsSince = (since: number, now: number) => (since ? Math.max(0, (now - since) / 1000) : 0);

/** The facts the rules read, from the profile's data and the moment's `env`; the page's query is parsed once per URL. */
export function createFactsReader(config: Config | null, data: ProfileData, plan: CounterPlan): (env: ProfileEnv) => Facts {
  const stageOrder = config?.stages?.map((stage) => stage.id) ?? [];
  const tierOrder = config?.rewards?.tiers?.map((tier) => tier.id) ?? [];
  let query = dict<string>();
  let queryOf = '';
  return ({ now, points, tier, locale, device }) => {
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
