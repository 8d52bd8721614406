import type { JourneyReport } from '../server/index.js';
import { bold, type CliIo } from './io.js';
import { formatTable } from './table.js';

const percent = (ratio: number | null | undefined) => (ratio === null || ratio === undefined ? '–' : `${Math.round(ratio * 1000) / 10}%`);
const round = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? '–' : String(Math.round(value * 10 ** digits) / 10 ** digits);
const withCount = (value: string, total: number | undefined) => (total ? `${value} (n=${total})` : '–');
const minutes = (seconds: number | null) => (seconds === null ? '–' : `${round(seconds / 60)} min`);

/** The journey report as the tables the /report page shows, one per section. */
export function renderJourney(report: JourneyReport, io: CliIo): string {
  const { totals, previous, filters } = report;
  const range = `${filters.from ?? 'the beginning'} to ${filters.to ?? 'now'}`;
  const sections: string[] = [`${bold(io, `Waymark journey report — ${range}`)}\n`];
  const section = (title: string, headers: string[], rows: Array<Array<string | number>>) => {
    if (rows.length) sections.push(`${bold(io, title)}\n${formatTable(headers, rows)}`);
  };
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
  section(
    'Totals',
    ['range', 'touchpoints', 'visitors', 'shown', 'answered', 'response', 'NPS', 'CSAT', 'CES', 'points issued'],
    [totalsRow('this range', totals), ...(previous ? [totalsRow(`${previous.from}..${previous.to}`, previous)] : [])],
  );
  section(
    'Stage funnel',
    ['stage', 'visitors', 'to next', 'drop-off', 'median to next', 'moved back into'],
    report.funnel.steps.map((step) => [
      step.stage,
      step.visitors,
      step.next ? percent(step.next.conversion) : '–',
      step.next ? step.next.dropOff : '–',
      step.next ? minutes(step.next.medianSeconds) : '–',
      step.backwardIn,
    ]),
  );
  section(
    'KPIs by stage',
    ['stage', 'touchpoints', 'shown', 'answered', 'response', 'NPS', 'CSAT', 'CES'],
    report.stages.map((stage) => [
      stage.stage || '(none)',
      stage.touchpoints,
      stage.shown,
      stage.answered,
      percent(stage.responseRate),
      withCount(round(stage.nps?.score), stage.nps?.total),
      withCount(`${round(stage.csat?.score)}%`, stage.csat?.total),
      withCount(round(stage.ces?.mean, 2), stage.ces?.total),
    ]),
  );
  section(
    `Trend per ${filters.interval}`,
    [filters.interval, 'touchpoints', 'visitors', 'answered', 'NPS'],
    report.trends.map((point) => [point.start, point.touchpoints, point.visitors, point.answered, withCount(round(point.nps?.score), point.nps?.total)]),
  );
  section(
    'Prompts',
    ['prompt', 'kind', 'shown', 'answered', 'partial', 'dismissed', 'response', 'KPI', 'distribution (score: count)'],
    report.prompts.map((prompt) => [
      prompt.promptId,
      prompt.kind ?? '?',
      prompt.shown,
      prompt.answered,
      prompt.partial,
      prompt.dismissed,
      prompt.responseRate === null ? 'n/a' : percent(prompt.responseRate),
      prompt.nps ? `NPS ${round(prompt.nps.score)}` : prompt.csat ? `CSAT ${round(prompt.csat.score)}%` : prompt.ces ? `CES ${round(prompt.ces.mean, 2)}` : '–',
      (prompt.distribution ?? []).map(([score, count]) => `${score}: ${count}`).join('  ') ||
        (prompt.reasons ?? []).map((reason) => `${reason.reason}: ${reason.count}`).join(', '),
    ]),
  );
  const { rewards } = report;
  section(
    'Rewards by tier',
    ['tier', 'visitors', 'issued', 'redeemed', 'outstanding'],
    [
      ...rewards.tiers.map((tier) => [tier.label, tier.visitors, tier.issued, tier.redeemed, tier.outstanding]),
      ...(rewards.tiers.length
        ? [['all', rewards.tiers.reduce((sum, tier) => sum + tier.visitors, 0), rewards.issued, rewards.redeemed, rewards.outstanding]]
        : []),
    ],
  );
  section(
    'Rules that award most',
    ['rule', 'awards', 'points'],
    rewards.rules.map((rule) => [rule.rule, rule.awards, rule.points]),
  );
  return sections.join('\n');
}
