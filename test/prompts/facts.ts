import type { Facts, PromptHistory } from '../../src/rules/facts.js';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const NOW = Date.parse('2026-06-15T12:00:00Z');

/** Facts for one instant; only what a test sets differs from an empty visitor on "/". */
export function makeFacts(overrides: Partial<Facts> = {}): Facts {
  return {
    now: NOW,
    stage: null,
    stageOrder: [],
    points: 0,
    tier: null,
    tierOrder: [],
    traits: {},
    locale: 'en',
    device: 'desktop',
    page: { url: 'https://shop.test/', path: '/', query: {}, referrer: '', seconds: 0, scroll: 0 },
    session: { pageViews: 1, seconds: 0, count: 1 },
    prompts: {},
    lastPromptShownAt: null,
    promptsShownThisSession: 0,
    countEvents: () => 0,
    ...overrides,
  };
}

export const history = (partial: Partial<PromptHistory>): PromptHistory => ({
  shown: 0,
  answered: 0,
  dismissed: 0,
  lastShownAt: null,
  lastAnsweredAt: null,
  lastDismissedAt: null,
  ...partial,
});
