import type { Config } from '../../src/config/schema.js';
import type { ProfileEnv } from '../../src/profile/profile.js';
import type { PageInfo, Props, Touchpoint } from '../../src/types.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Local noon, so day arithmetic in tests never straddles midnight. */
export const START = new Date(2026, 0, 10, 12, 0, 0).getTime();

let sequence = 0;

/** A touchpoint as the SDK records it; `at` is epoch ms. */
export function touchpoint(name: string, props: Props = {}, at = START, extra: { sessionId?: string; page?: Partial<PageInfo>; id?: string } = {}): Touchpoint {
  return {
    id: extra.id ?? `tp-${++sequence}`,
    name,
    props,
    ts: new Date(at).toISOString(),
    anonymousId: 'anon-1',
    userId: null,
    sessionId: extra.sessionId ?? 'session-1',
    page: { url: 'https://shop.example/', path: '/', referrer: '', title: 'Shop', ...extra.page },
  };
}

export const env = (now: number, extra: Partial<ProfileEnv> = {}): ProfileEnv => ({ now, points: 0, tier: null, locale: 'en', device: 'desktop', ...extra });

/** The journey of DESIGN.md, plus a recent-interest stage that expires. */
export const journeyConfig: Config = {
  version: 1,
  stages: [
    { id: 'awareness', when: { event: '$page_view' } },
    { id: 'consideration', when: { event: 'product_view', count: { gte: 2 } } },
    { id: 'decision', when: { event: 'checkout_started', withinDays: 7 } },
    { id: 'retention', when: { event: 'purchase' } },
    { id: 'advocacy', when: { any: [{ event: 'share' }, { event: 'review' }] } },
  ],
  prompts: [
    {
      id: 'big-spender',
      kind: 'nps',
      trigger: { on: 'purchase' },
      if: { event: 'purchase', where: { amount: { gte: 100 } }, withinDays: 30, count: { gte: 2 } },
      content: { question: 'How likely are you to recommend us?' },
    },
  ],
  rewards: {
    tiers: [
      { id: 'bronze', min: 0 },
      { id: 'silver', min: 500 },
    ],
  },
};
