import type { Config } from '../../config/schema.js';
import { emptyLedger } from '../../rewards/ledger-step.js';
import type { Sql } from '../storage/database.js';
import { dailyCounts } from './counters-sql.js';
import type { ReportFilters } from './filters.js';
import { tierLabel } from '../../server/tier-label.js';
import { Params, whereOf } from './where.js';

export interface RewardsReport {
  issued: number;
  redeemed: number;
  /** Points issued and not redeemed: what the programme still owes. */
  outstanding: number;
  /** redeemed / issued; null when nothing was issued. */
  redemptionRate: number | null;
  /** Grouped by each visitor's latest tier in the range, as summarize() does. */
  tiers: Array<{ tier: string; label: string; visitors: number; issued: number; redeemed: number; outstanding: number }>;
  /** Earning rules by points awarded, most first. */
  rules: Array<{ rule: string; awards: number; points: number }>;
  /** Offers (or rules) by points redeemed. */
  redemptions: Array<{ offer: string; redemptions: number; points: number }>;
}

async function byTier(sql: Sql, filters: ReportFilters) {
  const params = new Params();
  const rows = await sql.query<{ tier: string | null; visitors: string; issued: string; redeemed: string }>(
    `WITH visitors AS (
       SELECT visitor, sum(awarded) AS issued, sum(redeemed) AS redeemed, (array_agg(tier ORDER BY tier_ts DESC) FILTER (WHERE tier IS NOT NULL))[1] AS tier
       FROM waymark_points_days WHERE ${whereOf(filters, { time: 'day' }, params)} GROUP BY visitor)
     SELECT tier, count(*) AS visitors, sum(issued) AS issued, sum(redeemed) AS redeemed FROM visitors GROUP BY tier`,
    params.values,
  );
  return rows.map((row) => ({ tier: row.tier, visitors: Number(row.visitors), issued: Number(row.issued), redeemed: Number(row.redeemed) }));
}

/** Points issued, redeemed and outstanding, by tier (with its label) and by rule. Not narrowed by stage or prompt. */
export async function rewardsReport(sql: Sql, filters: ReportFilters, config: Config | null): Promise<RewardsReport> {
  const scope = { ...filters, stage: null, promptId: null };
  const [tiers, counts] = await Promise.all([byTier(sql, scope), dailyCounts(sql, scope, ['awarded', 'redeemed'], ['key'], false)]);
  // A visitor who never changed tier is in the tier a new ledger starts in.
  const startTier = config?.rewards ? emptyLedger(config).tier : null;
  const merged = new Map<string, { visitors: number; issued: number; redeemed: number }>();
  for (const row of tiers) {
    const tier = row.tier ?? startTier ?? 'none';
    const group = merged.get(tier) ?? { visitors: 0, issued: 0, redeemed: 0 };
    merged.set(tier, { visitors: group.visitors + row.visitors, issued: group.issued + row.issued, redeemed: group.redeemed + row.redeemed });
  }
  const configured = (config?.rewards?.tiers ?? []).map((tier) => tier.id);
  const tierRows = [...merged]
    .sort((a, b) => (configured.indexOf(a[0]) + 1 || Infinity) - (configured.indexOf(b[0]) + 1 || Infinity))
    .map(([tier, row]) => ({ tier, label: tierLabel(config, tier), ...row, outstanding: row.issued - row.redeemed }));
  const issued = tierRows.reduce((sum, row) => sum + row.issued, 0);
  const redeemed = tierRows.reduce((sum, row) => sum + row.redeemed, 0);
  const rules = counts.filter((row) => row.measure === 'awarded').map((row) => ({ rule: row.groups[0]!, awards: row.count, points: row.amount }));
  const redemptions = counts.filter((row) => row.measure === 'redeemed').map((row) => ({ offer: row.groups[0]!, redemptions: row.count, points: row.amount }));
  return {
    issued,
    redeemed,
    outstanding: issued - redeemed,
    redemptionRate: issued ? redeemed / issued : null,
    tiers: tierRows,
    rules: rules.sort((a, b) => b.points - a.points),
    redemptions: redemptions.sort((a, b) => b.points - a.points),
  };
}
