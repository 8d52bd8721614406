import type { WireRecord } from '../requests.js';

/** The walk's stages in the config's order. */
export const STAGES = ['awareness', 'consideration', 'decision', 'retention', 'advocacy'];
export const DATASET_CONFIG = {
  version: 1 as const,
  stages: STAGES.map((id) => ({ id, when: { event: `enter_${id}` } })),
  rewards: {
    rules: [{ id: 'nothing', on: 'never_sent', points: 1 }],
    tiers: [
      { id: 'bronze', min: 0, label: 'Bronze club' },
      { id: 'silver', min: 100, label: { en: 'Silver club', fr: 'Club argent' } },
    ],
  },
};

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface Visitor {
  anonymousId: string;
  writeKey: string;
  records: WireRecord[];
}

const DEVICES = ['desktop', 'phone', 'tablet'];
const LOCALES = ['en', 'fr', 'de'];
const REASONS = ['Price', 'Shipping cost', 'Just browsing'];

/** One visitor's records, in time order: stages with some steps back, prompts of every kind, points. */
function visitorRecords(n: number, next: () => number, start: number): WireRecord[] {
  const anonymousId = `v${n}`;
  let at = start;
  let submission = 0;
  const records: WireRecord[] = [];
  const add = (name: string, props: Record<string, unknown> = {}) => {
    at += 1_000 + Math.floor(next() * 600_000);
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
  const prompt = (promptId: string, kind: string, answer: Record<string, unknown> | null, partial?: Record<string, unknown>) => {
    const submissionId = `${anonymousId}-${++submission}`;
    add('$prompt_shown', { promptId, kind, submissionId });
    if (!answer) return add('$prompt_dismissed', { promptId, kind, submissionId, reason: next() < 0.5 ? 'close' : 'escape' });
    if (partial) add('$prompt_answered', { promptId, kind, submissionId, complete: false, ...partial });
    add('$prompt_answered', { promptId, kind, submissionId, complete: next() < 0.8, ...answer });
  };
  add('$page_view', { device: DEVICES[n % 3]!, locale: LOCALES[Math.floor(n / 3) % 3]! });
  const depth = 1 + Math.floor(next() * STAGES.length);
  let stage: string | null = null;
  for (let level = 0; level < depth; level++) {
    const to = STAGES[level]!;
    add('$stage', { from: stage, to });
    stage = to;
    for (let view = 0; view < 2; view++) add('product_view', { sku: `p${Math.floor(next() * 40)}` });
    const score = Math.floor(next() * 11);
    if (next() < 0.35)
      prompt(
        'nps',
        'nps',
        { score, band: score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor', comment: next() < 0.3 ? `comment ${n}` : undefined },
        { score },
      );
    if (next() < 0.25) prompt('csat', 'rating', next() < 0.8 ? { score: 1 + Math.floor(next() * 5), max: 5, scale: 'stars', metric: 'csat' } : null);
    if (next() < 0.2) prompt('effort', 'rating', { score: 1 + Math.floor(next() * 7), max: 7, scale: 'numbers', metric: 'ces' });
    // An "Other" picked with nothing typed is the middle case: no choice, empty text.
    if (next() < 0.2)
      prompt(
        'cart-exit',
        'exit',
        next() < 0.15 ? { choices: [], other: '' } : next() < 0.2 ? { choices: [], other: `other ${n}` } : { choices: [REASONS[Math.floor(next() * 3)]!] },
      );
    if (next() < 0.3) {
      add('$points', { delta: 50, rule: level % 2 ? 'purchase' : 'review', balance: 0, lifetime: 0, source: 'x' });
      add('$prompt_shown', { promptId: 'points-toast', kind: 'reward', submissionId: `${anonymousId}-t${level}` });
    }
    // A step back now and then: journeys are not linear.
    if (level > 1 && next() < 0.15) {
      add('$stage', { from: stage, to: STAGES[level - 1]! });
      add('$stage', { from: STAGES[level - 1]!, to: stage });
    }
  }
  if (next() < 0.3) add('$tier', { from: 'bronze', to: 'silver', source: 'x' });
  if (next() < 0.2) add('$points', { delta: -30, rule: '$redeem', offerId: 'five-off', balance: 0, lifetime: 0, source: 'y' });
  while (records.length < 20) add('page_view_extra');
  return records;
}

/** `visitors` visitors over two write keys, each with 20 or more touchpoints. */
export function generateDataset(visitors: number, seed = 13): Visitor[] {
  const next = random(seed);
  const start = Date.parse('2026-03-02T08:00:00.000Z');
  return Array.from({ length: visitors }, (_, n) => ({
    anonymousId: `v${n}`,
    writeKey: n % 4 === 0 ? 'key-b' : 'key-a',
    records: visitorRecords(n, next, start),
  }));
}
