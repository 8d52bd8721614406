import { matchesWhere } from '../rules/conditions.js';
import { isObject } from '../rules/lookup.js';
import { RESERVED, type Touchpoint } from '../types.js';
import type { CounterPlan } from './counters.js';
import { makeRoom, MAX_EVENT_NAMES, MAX_FILTERED, MAX_PROMPTS, MAX_RECENT_IDS, MAX_TEXT, mergeTraits, type ProfileData } from './data.js';
import { addToTally, localDay, type Tally } from './tally.js';

const NOTHING_KEPT: ReadonlySet<string> = new Set();
const lastSeen = (tally: Tally) => tally.last;

function count(tallies: Record<string, Tally>, key: string, ms: number, day: number, max: number, keep: ReadonlySet<string>) {
  if (key in tallies || makeRoom(tallies, max, keep, lastSeen)) tallies[key] = addToTally(tallies[key], ms, day);
}

/**
 * Counts a touchpoint once by id (`recent` holds `data.recentIds`); `own: false` (another tab's)
 * leaves this tab's page facts alone. `plan`: the counters the config asks for.
 */
export function applyTouchpoint(data: ProfileData, plan: CounterPlan, recent: Set<string>, { id, name, ts, props, sessionId, page }: Touchpoint, own: boolean) {
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
  if (name.startsWith('$prompt_') && typeof props.promptId === 'string') recordPrompt(data, name, props.promptId, props.complete === true, ms);
}

function recordPrompt(data: ProfileData, name: string, promptId: string, complete: boolean, ms: number) {
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
}
