import type { JourneyReport } from '../server/index.js';
import { bold, type CliIo } from './io.js';
import { formatTable } from './table.js';

const percent = (ratio: number | null | undefined) => (ratio === null || ratio === undefined ? '–' : `${Math.round(ratio * 1000) / 10}%`);
const round = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? '–' : String(Math.round(value * 10 ** digits) / 10 ** digits);
const withCount = (value: string, total: number | undefined) => (total ? `${value} (n=${total})` : '–');
const minutes = (seconds: number | null) => (seconds === null ? '–' : `${round(seconds / 60)} min`);

interface Section {
  title: string;
  headers: string[];
  rows: Array<Array<string | number>>;
}

const totalsRow = (label: string, figures: JourneyReport['totals']) => [
  label,
  figures.touchpoints,
  figures.visitors,
  figures.shown,
  figures.answered,
  percent(figures.responseRate),
  withCount(round(figures.nps?.score), figures.nps?.total),
  withCount(`${round(figures.csat?.score)}%`, figures.csat?.total),
  withCount(round(figures.ces?.mean, 2), figures.ces?.total),
  figures.pointsIssued,
];

const totalsSection = ({ totals, previous }: JourneyReport): Section => ({
  title: 'Totals',
  headers: ['range', 'touchpoints', 'visitors', 'shown', 'answered', 'response', 'NPS', 'CSAT', 'CES', 'points issued'],
  rows: [totalsRow('this range', totals), ...(previous ? [totalsRow(`${previous.from}..${previous.to}`, previous)] : [])],
});

const funnelSection = (report: JourneyReport): Section => ({
  title: 'Stage funnel',
  headers: ['stage', 'visitors', 'to next', 'drop-off', 'median to next', 'moved back into'],
  rows: report.funnel.steps.map((step) => [
    step.stage,
    step.visitors,
    step.next ? percent(step.next.conversion) : '–',
    step.next ? step.next.dropOff : '–',
    step.next ? minutes(step.next.medianSeconds) : '–',
    step.backwardIn,
  ]),
});

const stagesSection = (report: JourneyReport): Section => ({
  title: 'KPIs by stage',
  headers: ['stage', 'touchpoints', 'shown', 'answered', 'response', 'NPS', 'CSAT', 'CES'],
  rows: report.stages.map((stage) => [
    stage.stage || '(none)',
    stage.touchpoints,
    stage.shown,
    stage.answered,
    percent(stage.responseRate),
    withCount(round(stage.nps?.score), stage.nps?.total),
    withCount(`${round(stage.csat?.score)}%`, stage.csat?.total),
    withCount(round(stage.ces?.mean, 2), stage.ces?.total),
  ]),
});

const trendSection = ({ filters, trends }: JourneyReport): Section => ({
  title: `Trend per ${filters.interval}`,
  headers: [filters.interval, 'touchpoints', 'visitors', 'answered', 'NPS'],
  rows: trends.map((point) => [point.start, point.touchpoints, point.visitors, point.answered, withCount(round(point.nps?.score), point.nps?.total)]),
});

type PromptRow = JourneyReport['prompts'][number];
const promptKpi = (prompt: PromptRow) =>
  prompt.nps ? `NPS ${round(prompt.nps.score)}` : prompt.csat ? `CSAT ${round(prompt.csat.score)}%` : prompt.ces ? `CES ${round(prompt.ces.mean, 2)}` : '–';
const promptSpread = (prompt: PromptRow) =>
  (prompt.distribution ?? []).map(([score, count]) => `${score}: ${count}`).join('  ') ||
  (prompt.reasons ?? []).map((reason) => `${reason.reason}: ${reason.count}`).join(', ');

const promptsSection = (report: JourneyReport): Section => ({
  title: 'Prompts',
  headers: ['prompt', 'kind', 'shown', 'answered', 'partial', 'dismissed', 'response', 'KPI', 'distribution (score: count)'],
  rows: report.prompts.map((prompt) => [
    prompt.promptId,
    prompt.kind ?? '?',
    prompt.shown,
    prompt.answered,
    prompt.partial,
    prompt.dismissed,
    prompt.responseRate === null ? 'n/a' : percent(prompt.responseRate),
    promptKpi(prompt),
    promptSpread(prompt),
  ]),
});

const tiersSection = ({ rewards }: JourneyReport): Section => ({
  title: 'Rewards by tier',
  headers: ['tier', 'visitors', 'issued', 'redeemed', 'outstanding'],
  rows: [
    ...rewards.tiers.map((tier) => [tier.label, tier.visitors, tier.issued, tier.redeemed, tier.outstanding]),
    ...(rewards.tiers.length
      ? [['all', rewards.tiers.reduce((sum, tier) => sum + tier.visitors, 0), rewards.issued, rewards.redeemed, rewards.outstanding]]
      : []),
  ],
});

const rulesSection = ({ rewards }: JourneyReport): Section => ({
  title: 'Rules that award most',
  headers: ['rule', 'awards', 'points'],
  rows: rewards.rules.map((rule) => [rule.rule, rule.awards, rule.points]),
});

const SECTIONS = [totalsSection, funnelSection, stagesSection, trendSection, promptsSection, tiersSection, rulesSection];

/** The journey report as the tables the /report page shows, one per section; empty ones are left out. */
export function renderJourney(report: JourneyReport, io: CliIo): string {
  const { filters } = report;
  const range = `${filters.from ?? 'the beginning'} to ${filters.to ?? 'now'}`;
  const tables = SECTIONS.map((build) => build(report))
    .filter((section) => section.rows.length)
    .map((section) => `${bold(io, section.title)}\n${formatTable(section.headers, section.rows)}`);
  return [`${bold(io, `Waymark journey report — ${range}`)}\n`, ...tables].join('\n');
}
