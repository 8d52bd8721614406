import { matchesWhere } from '../../src/rules/conditions.js';
import type { EventQuery, Facts } from '../../src/rules/facts.js';
import type { Props } from '../../src/types.js';

export const DAY = 86_400_000;
export const NOW = new Date(2026, 2, 15, 12, 0, 0).getTime();

/** An event in the fixture's history, `daysAgo` whole calendar days before NOW's day. */
export interface PastEvent {
  name: string;
  props?: Props;
  daysAgo?: number;
}

/**
 * Facts with neutral defaults, and a countEvents written independently of the profile
 * (a plain scan of `history`), so the evaluator is tested on its own.
 */
export function makeFacts(overrides: Partial<Facts> = {}, history: PastEvent[] = []): Facts {
  return {
    now: NOW,
    stage: null,
    stageOrder: ['awareness', 'consideration', 'decision', 'retention', 'advocacy'],
    points: 0,
    tier: null,
    tierOrder: ['bronze', 'silver', 'gold'],
    traits: {},
    locale: 'en-US',
    device: 'desktop',
    page: {
      url: 'https://shop.example/cart?utm_source=news&q=caf%C3%A9',
      path: '/cart',
      query: { utm_source: 'news', q: 'café' },
      referrer: '',
      seconds: 0,
      scroll: 0,
    },
    session: { pageViews: 1, seconds: 30, count: 1 },
    prompts: {},
    lastPromptShownAt: null,
    promptsShownThisSession: 0,
    countEvents: (query: EventQuery) =>
      history.filter(
        (event) =>
          event.name === query.event &&
          matchesWhere(query.where, event.props ?? {}) &&
          (query.withinDays === undefined || (event.daysAgo ?? 0) < Math.ceil(query.withinDays)),
      ).length,
    ...overrides,
  };
}
