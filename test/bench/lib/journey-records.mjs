/**
 * Journeys for the report bench: each visitor walks some of the five stages, sees NPS,
 * CSAT and exit prompts, earns and redeems points; 25 touchpoints per visitor.
 */
const STAGES = ['awareness', 'consideration', 'decision', 'retention', 'advocacy'];
const DEVICES = ['desktop', 'phone', 'tablet'];
const LOCALES = ['en', 'fr', 'de', 'es'];
export const JOURNEY_CONFIG = {
  version: 1,
  stages: STAGES.map((id) => ({ id, when: { event: `enter_${id}` } })),
  rewards: {
    rules: [{ id: 'unused', on: 'never_sent', points: 1 }],
    tiers: [
      { id: 'bronze', min: 0, label: 'Bronze' },
      { id: 'silver', min: 100, label: 'Silver' },
    ],
  },
};

/** The visitor's records in time order, ids unique across runs by `prefix`. */
export function journey(prefix, n, start) {
  const anonymousId = `${prefix}-v${n}`;
  const records = [];
  let at = start;
  const add = (name, props = {}) => {
    at += 20_000 + ((n * 7919 + records.length * 104_729) % 900_000);
    records.push({
      id: `${anonymousId}-${records.length}`,
      name,
      props,
      ts: new Date(at).toISOString(),
      anonymousId,
      userId: null,
      sessionId: `${anonymousId}-s`,
      page: { url: 'https://shop.example/', path: '/', referrer: '', title: 'Shop' },
    });
  };
  add('$page_view', { device: DEVICES[n % 3], locale: LOCALES[n % 4] });
  const depth = 1 + (n % STAGES.length);
  for (let level = 0; level < depth; level++) {
    add('$stage', { from: STAGES[level - 1] ?? null, to: STAGES[level] });
    add('product_view', { sku: `p${(n + level) % 40}` });
    const submissionId = `${anonymousId}-${level}`;
    const promptId = ['nps', 'csat', 'cart-exit'][(n + level) % 3];
    const kind = promptId === 'nps' ? 'nps' : promptId === 'csat' ? 'rating' : 'exit';
    add('$prompt_shown', { promptId, kind, submissionId });
    const answer =
      kind === 'nps'
        ? { score: (n * 3 + level) % 11 }
        : kind === 'rating'
          ? { score: 1 + ((n + level) % 5), max: 5, scale: 'stars', metric: 'csat' }
          : { choices: [['Price', 'Shipping cost', 'Just browsing'][n % 3]] };
    if ((n + level) % 4 === 0) add('$prompt_dismissed', { promptId, kind, submissionId, reason: 'close' });
    else add('$prompt_answered', { promptId, kind, submissionId, complete: true, ...answer });
    add('$points', { delta: 25, rule: level % 2 ? 'purchase' : 'review', balance: 0, lifetime: 0, source: submissionId });
  }
  if (n % 5 === 0) add('$tier', { from: 'bronze', to: 'silver', source: 'x' });
  if (n % 7 === 0) add('$points', { delta: -50, rule: '$redeem', offerId: 'five-off', balance: 0, lifetime: 0, source: 'r' });
  while (records.length < 25) add('page_view_extra');
  return records.slice(0, 25);
}
