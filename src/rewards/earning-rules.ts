import type { Config, EarningRule, Text } from '../config/schema.js';
import type { Props } from '../types.js';
import { matchesWhere } from '../rules/conditions.js';
import { propValue } from '../rules/lookup.js';

export const DAY_MS = 86_400_000;

/**
 * The visitor's calendar day (days since 1970-01-01 on their wall clock). `tzOffset` is in
 * minutes east of UTC, as the browser stamps it on the touchpoint.
 */
export const localDay = (ms: number, tzOffset: number): number => Math.floor((ms + tzOffset * 60_000) / DAY_MS);

/** Weeks start on Monday (ISO 8601); day 0, 1970-01-01, was a Thursday. */
export const localWeek = (day: number): number => Math.floor((day + 3) / 7);

/** The offset a touchpoint carries, or UTC: ±18 h bounds every real zone. */
export const tzOffsetOf = (props: Props): number => {
  const offset = props.tzOffset;
  return typeof offset === 'number' && Math.abs(offset) <= 1080 ? offset : 0;
};

/** Points one rule gives for these props before caps (0 when it does not apply). */
export function rulePoints(rule: EarningRule, props: Props): number {
  if (rule.where && !matchesWhere(rule.where, props)) return 0;
  const points = rule.points;
  if (typeof points === 'number') return points;
  const amount = propValue(props, points.of);
  if (typeof amount !== 'number' || !(amount > 0)) return 0;
  // Float quotients land just under whole steps (0.3 / 0.1 = 2.999…): nudge them back.
  const steps = amount / points.every + 1e-9;
  return (points.round === 'nearest' ? Math.round(steps) : Math.floor(steps)) * points.award;
}

/** The highest tier whose `min` the lifetime points reach (tiers are validated ascending). */
export function tierFor(config: Config, lifetime: number): string | null {
  let tier: string | null = null;
  for (const candidate of config.rewards?.tiers ?? []) if (lifetime >= candidate.min) tier = candidate.id;
  return tier;
}

const textIn = (text: Text, locale: string): string =>
  typeof text === 'string' ? text : (text[locale] ?? text[locale.split('-')[0]!] ?? Object.values(text)[0] ?? '');

export type RewardVars = {
  points: number;
  delta: number;
  tier: string;
  nextTier: string;
  toNextTier: number;
  /** 0–1 of the way from the current tier's `min` to the next one's (1 at the top tier). */
  tierProgress?: number;
};

/** Values for `{points}`, `{delta}`, `{tier}`, `{nextTier}`, `{toNextTier}` in prompt texts. */
export function rewardVars(config: Config, ledger: { points: number; lifetime: number; tier: string | null }, delta = 0, locale = ''): RewardVars {
  const tiers = config.rewards?.tiers ?? [];
  const label = (id: string | undefined) => {
    const tier = tiers.find((candidate) => candidate.id === id);
    return tier ? textIn(tier.label ?? tier.id, locale) : '';
  };
  const index = tiers.findIndex((tier) => tier.min > ledger.lifetime);
  const next = tiers[index];
  const vars: RewardVars = {
    points: ledger.points,
    delta,
    tier: label(ledger.tier ?? undefined),
    nextTier: label(next?.id),
    toNextTier: next ? next.min - ledger.lifetime : 0,
  };
  if (tiers.length) {
    const floor = tiers[index - 1]?.min ?? 0;
    vars.tierProgress = next ? (ledger.lifetime - floor) / (next.min - floor) : 1;
  }
  return vars;
}
