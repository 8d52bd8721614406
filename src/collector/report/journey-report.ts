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
  options: { writeKeys: string[]; stages: string[]; prompts: string[]; devices: string[]; locales: string[]; days: { first: string | null; last: string | null } };
  totals: Headline;
  /** The same totals over the range just before (as long as it); null for an unbounded range. */
  previous: (Headline & { from: string; to: string }) | null;
  funnel: Funnel;
  stages: StageKpis[];
  trends: TrendPoint[];
  prompts: PromptReport[];
  rewards: RewardsReport;
}

async function filterOptions(sql: Sql): Promise<JourneyReport['options']> {
  const distinct = async (column: string, table = 'waymark_visitor_days') =>
    (await sql.query<{ value: string }>(`SELECT DISTINCT ${column} AS value FROM ${table} WHERE ${column} <> '' ORDER BY 1`)).map((row) => row.value);
  const [writeKeys, stages, prompts, devices, locales, days] = await Promise.all([
    distinct('write_key'),
    distinct('stage', 'waymark_stage_entries'),
    distinct('prompt_id', 'waymark_prompt_kinds'),
    distinct('device'),
    distinct('locale'),
    sql.query<{ first: string | null; last: string | null }>(`SELECT to_char(min(day), 'YYYY-MM-DD') AS first, to_char(max(day), 'YYYY-MM-DD') AS last FROM waymark_visitor_days`),
  ]);
  return { writeKeys, stages, prompts, devices, locales, days: days[0] ?? { first: null, last: null } };
}

/** The whole journey report, every part read from the roll-ups the ingest keeps. */
export async function journeyReport(sql: Sql, filters: ReportFilters, config: Config | null): Promise<JourneyReport> {
  const configured = (config?.stages ?? []).map((stage) => stage.id);
  const before = previousRange(filters);
  const [options, totals, previous, journey, trends, prompts, rewards] = await Promise.all([
    filterOptions(sql),
    headline(sql, filters),
    before ? headline(sql, before) : null,
    funnel(sql, filters, configured),
    trendsReport(sql, filters),
    promptsReport(sql, filters),
    rewardsReport(sql, filters, config),
  ]);
  const stages = await stagesReport(sql, filters, journey.steps.map((step) => step.stage));
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
