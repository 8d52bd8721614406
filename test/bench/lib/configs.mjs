/** Every marketer config the bench serves at /bench/config/<name>.json. */

const kinds = ['nps', 'rating', 'exit', 'reward'];
const contentOf = (kind, index) =>
  kind === 'exit'
    ? { question: `What stopped you today? (${index})`, choices: ['Price', 'Shipping cost', 'Just browsing'], allowOther: true }
    : kind === 'reward'
      ? { title: '+{delta} points!', body: '{toNextTier} points to {nextTier}.' }
      : { question: { en: `How likely are you to recommend us? (${index})`, fr: `Nous recommanderiez-vous ? (${index})` } };

/** A site's usual setup, after DESIGN.md: five stages, four prompts, a few reward rules. */
const typical = {
  version: 1,
  stages: [
    { id: 'awareness', when: { event: '$page_view' } },
    { id: 'consideration', when: { event: 'product_view', count: { gte: 2 } } },
    { id: 'decision', when: { event: 'checkout_started' } },
    { id: 'retention', when: { event: 'purchase' } },
    { id: 'advocacy', when: { any: [{ event: 'share' }, { event: 'review' }] } },
  ],
  prompts: [
    {
      id: 'nps-after-purchase',
      kind: 'nps',
      trigger: { on: 'purchase', delaySeconds: 2 },
      if: { stage: { in: ['retention', 'advocacy'] } },
      sample: 0.5,
      frequency: { cooldownDays: 90, afterDismissDays: 14 },
      content: contentOf('nps', 0),
    },
    { id: 'cart-exit', kind: 'exit', trigger: { on: '$exit_intent' }, if: { path: { startsWith: '/cart' } }, content: contentOf('exit', 1) },
    { id: 'support-csat', kind: 'rating', scale: 'stars', max: 5, trigger: { on: 'ticket_closed' }, content: { question: 'How did we do?' } },
    { id: 'points-toast', kind: 'reward', trigger: { on: '$points', where: { delta: { gt: 0 } } }, content: contentOf('reward', 3) },
  ],
  rewards: {
    rules: [
      { id: 'signup', on: 'signup', points: 10, limit: { lifetime: 1 } },
      { id: 'spend', on: 'purchase', points: { every: 50, of: 'amount', award: 50 } },
    ],
    tiers: [
      { id: 'bronze', min: 0 },
      { id: 'silver', min: 500 },
    ],
  },
  limits: { cooldownHours: 72, maxPerSession: 1 },
};

/** Two NPS prompts on their own events, no delay, no caps: the cold one loads the widgets chunk. */
const prompt = {
  version: 1,
  prompts: ['cold', 'warm'].map((which) => ({ id: `bench-${which}`, kind: 'nps', trigger: { on: `bench_prompt_${which}` }, content: contentOf('nps', which) })),
  limits: { cooldownHours: 0, maxPerSession: 10 },
};

/** The events the rules scenario tracks, cycling: each one matches the triggers of ten prompts. */
export const RULE_EVENTS = Array.from({ length: 10 }, (_, index) => `bench_e${index}`);
/** Tracked last; the final stage holds once it is processed, which marks the end of the work. */
export const DONE_EVENT = 'bench_done';
export const DONE_STAGE = 'bench-done';

const stageWhen = (k) =>
  k % 3 === 0
    ? { event: RULE_EVENTS[k], count: { gte: 5 * k }, withinDays: 30 }
    : k % 3 === 1
      ? { any: [{ event: RULE_EVENTS[k], where: { amount: { gt: 150 } } }, { path: { startsWith: '/checkout' } }] }
      : { all: [{ event: RULE_EVENTS[k] }, { device: { in: ['desktop', 'mobile'] } }] };

/**
 * The figure-6 config: ten stages and a hundred prompts of every kind whose triggers match the
 * tracked events but whose gates never all pass (a prompt on screen would skew the timing).
 * Every gate style is exercised: trigger `where`, `if` on stage/traits/history/URL, sample,
 * frequency, priority.
 */
const rules = {
  version: 1,
  stages: [...Array.from({ length: 9 }, (_, k) => ({ id: `stage-${k + 1}`, when: stageWhen(k + 1) })), { id: DONE_STAGE, when: { event: DONE_EVENT } }],
  prompts: Array.from({ length: 100 }, (_, index) => {
    const kind = kinds[index % 4];
    const base = { id: `prompt-${index}`, kind, trigger: { on: RULE_EVENTS[index % 10] }, priority: index % 7, content: contentOf(kind, index) };
    if (kind === 'rating') Object.assign(base, { scale: 'stars', max: 5 });
    switch (Math.floor(index / 4) % 4) {
      case 0:
        return { ...base, trigger: { ...base.trigger, where: { amount: { gt: 1000 } } } };
      case 1:
        return { ...base, if: { all: [{ stage: { atLeast: 'stage-3' } }, { trait: { plan: { eq: 'enterprise' } } }] } };
      case 2:
        return { ...base, if: { event: RULE_EVENTS[(index + 1) % 10], count: { gte: 100_000 }, withinDays: 7 } };
      default:
        return {
          ...base,
          sample: 0.5,
          frequency: { cooldownDays: 30, maxShows: 2 },
          if: { any: [{ path: { regex: '^/never/' } }, { url: { matches: '*://*/nowhere/*' } }] },
        };
    }
  }),
  limits: { cooldownHours: 24, maxPerSession: 1 },
};

/** The same end marker with nothing else: what the pipeline costs without rules to evaluate. */
const rulesBaseline = { version: 1, stages: [{ id: DONE_STAGE, when: { event: DONE_EVENT } }] };

export const CONFIGS = { typical, prompt, rules, 'rules-baseline': rulesBaseline };
