import type { Config } from '../../config/schema.js';
import type { Sql } from '../storage/database.js';
import { previousRange, type ReportFilters } from './filters.js';
import { funnel, type Funnel } from './funnel-sql.js';
import { promptsReport, type PromptReport } from './prompts-report.js';
import { rewardsReport, type RewardsReport } from './rewards-sql.js';
import { stagesReport, type StageKpis } from './stages-report.js';
import { headline, trendsReport, type Headline, type TrendPoint } from './trends-report.js';

/** The `GET /api/report` answer; docs/report.md documents every field. */
export interface JourneyReport {
  version: 2;
  filters: ReportFilters;
  /** Values each filter can take, for pickers. */
  options: {
    writeKeys: string[];
    stages: string[];
    prompts: string[];
    devices: string[];
    locales: string[];
    days: { first: string | null; last: string | null };
  };
  totals: Headline;
  /** The same totals over the range just before (as long as it); null for an unbounded range. */
  previous: (Headline & { from: string; to: string }) | null;
  funnel: Funnel;
  stages: StageKpis[];
  trends: TrendPoint[];
  prompts: PromptReport[];
  rewards: RewardsReport;
}

/** The values each picker offers, in two small scans: traits from the visitor days, stages and prompts from the roll-up. */
async function filterOptions(sql: Sql): Promise<JourneyReport['options']> {
  const [traits, named] = await Promise.all([
    sql.query<{ write_key: string | null; device: string | null; locale: string | null; first: string | null; last: string | null }>(
      `SELECT write_key, device, locale, to_char(min(day), 'YYYY-MM-DD') AS first, to_char(max(day), 'YYYY-MM-DD') AS last
       FROM waymark_visitor_days GROUP BY GROUPING SETS ((write_key), (device), (locale), ())`,
    ),
    sql.query<{ kind: string; value: string }>(
      `SELECT 'stage' AS kind, key AS value FROM waymark_daily WHERE measure = 'move' AND key <> '' GROUP BY key
       UNION SELECT 'prompt', prompt_id FROM waymark_prompt_kinds`,
    ),
  ]);
  const values = (pick: (row: (typeof traits)[number]) => string | null) =>
    traits
      .map(pick)
      .filter((value): value is string => Boolean(value))
      .sort();
  const names = (kind: string) =>
    named
      .filter((row) => row.kind === kind)
      .map((row) => row.value)
      .sort();
  const span = traits.find((row) => row.write_key === null && row.device === null && row.locale === null);
  return {
    writeKeys: values((row) => row.write_key),
    stages: names('stage'),
    prompts: names('prompt'),
    devices: values((row) => row.device),
    locales: values((row) => row.locale),
    days: { first: span?.first ?? null, last: span?.last ?? null },
  };
}

/** The whole journey report, every part read from the roll-ups the ingest keeps. */
export async function journeyReport(sql: Sql, filters: ReportFilters, config: Config | null): Promise<JourneyReport> {
  const configured = (config?.stages ?? []).map((stage) => stage.id);
  const before = previousRange(filters);
  const journeyPart = funnel(sql, filters, configured);
  const [options, totals, previous, journey, trends, prompts, rewards, stages] = await Promise.all([
    filterOptions(sql),
    headline(sql, filters),
    before ? headline(sql, before) : null,
    journeyPart,
    trendsReport(sql, filters),
    promptsReport(sql, filters),
    rewardsReport(sql, filters, config),
    stagesReport(
      sql,
      filters,
      journeyPart.then((part) => part.steps.map((step) => step.stage)),
    ),
  ]);
  return {
    version: 2,
    filters,
    options,
    totals,
    previous: before && previous ? { from: before.from!, to: before.to!, ...previous } : null,
    funnel: journey,
    stages,
    trends,
    prompts,
    rewards,
  };
}
