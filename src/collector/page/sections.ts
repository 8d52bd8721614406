import type { JourneyReport } from '../report/journey-report.js';
import type { PromptReport } from '../report/prompts-report.js';
import { barChart, columnChart, funnelChart, lineChart } from './charts.js';
import { count, duration, el, percent, round, table } from './dom.js';

const BAND = (score: number) => (score >= 9 ? 'var(--good)' : score >= 7 ? 'var(--warn)' : 'var(--bad)');
const panel = (title: string, testid: string, ...children: Node[]) =>
  el('section', { class: 'panel', 'data-testid': testid }, el('h2', {}, title), ...children);
const stageName = (stage: string) => stage || '(no stage yet)';
/** A KPI with the number of answers behind it, so a small sample shows as one. */
const withCount = (value: string, total: number | undefined) => (total ? `${value} (n=${count(total)})` : '–');

/** The range's totals beside the previous range's. */
export function totalsSection(report: JourneyReport): HTMLElement {
  const { totals, previous } = report;
  const tile = (label: string, testid: string, value: string, before?: string) =>
    el(
      'div',
      { class: 'tile' },
      el('span', { class: 'muted' }, label),
      el('b', { 'data-testid': testid }, value),
      ...(before === undefined ? [] : [el('span', { class: 'muted small' }, `before: ${before}`)]),
    );
  return el(
    'section',
    { class: 'tiles', 'aria-label': 'Totals' },
    tile('Touchpoints', 'total-touchpoints', count(totals.touchpoints), previous ? count(previous.touchpoints) : undefined),
    tile('Visitors', 'total-visitors', count(totals.visitors), previous ? count(previous.visitors) : undefined),
    tile('Response rate', 'total-response', percent(totals.responseRate), previous ? percent(previous.responseRate) : undefined),
    tile(
      'NPS',
      'total-nps',
      withCount(round(totals.nps?.score, 0), totals.nps?.total),
      previous ? withCount(round(previous.nps?.score, 0), previous.nps?.total) : undefined,
    ),
    tile(
      'CSAT',
      'total-csat',
      withCount(`${round(totals.csat?.score, 0)}%`, totals.csat?.total),
      previous ? withCount(`${round(previous.csat?.score, 0)}%`, previous.csat?.total) : undefined,
    ),
    tile('Points issued', 'total-points', count(totals.pointsIssued), previous ? count(previous.pointsIssued) : undefined),
  );
}

export function funnelSection(report: JourneyReport): HTMLElement {
  const steps = report.funnel.steps;
  const chart = funnelChart(
    steps.map((step) => ({
      label: step.stage,
      value: step.visitors,
      note: step.next ? `${percent(step.next.conversion)} go on · median ${duration(step.next.medianSeconds)}` : '',
    })),
  );
  const rows = steps.map((step) => [
    step.stage,
    count(step.visitors),
    step.next ? percent(step.next.conversion) : '–',
    step.next ? count(step.next.dropOff) : '–',
    step.next ? duration(step.next.medianSeconds) : '–',
    count(step.backwardIn),
  ]);
  return panel(
    'Stage funnel',
    'funnel',
    chart,
    table('funnel-table', ['stage', 'visitors', 'to next', 'drop-off', 'median time to next', 'moved back into'], rows),
  );
}

export function stagesSection(report: JourneyReport): HTMLElement {
  const rows = report.stages.map((stage) => [
    stageName(stage.stage),
    count(stage.touchpoints),
    withCount(round(stage.nps?.score, 0), stage.nps?.total),
    withCount(`${round(stage.csat?.score, 0)}%`, stage.csat?.total),
    withCount(round(stage.ces?.mean, 2), stage.ces?.total),
    `${percent(stage.responseRate)} of ${count(stage.shown)}`,
    stage.exitReasons
      .slice(0, 3)
      .map((reason) => `${reason.reason} ${reason.count}`)
      .join(', ') || '–',
  ]);
  return panel(
    'KPIs by stage (where the visitor was when answering)',
    'stages',
    table('stages-table', ['stage', 'touchpoints', 'NPS', 'CSAT', 'CES', 'response rate', 'top exit reasons'], rows),
  );
}

export function trendsSection(report: JourneyReport): HTMLElement {
  const labels = report.trends.map((point) => point.start);
  const chart = lineChart(labels, [
    { name: 'touchpoints', values: report.trends.map((point) => point.touchpoints), color: 'var(--accent)' },
    { name: 'answers', values: report.trends.map((point) => point.answered), color: 'var(--good)' },
    { name: 'NPS', values: report.trends.map((point) => point.nps?.score ?? null), color: 'var(--warn)' },
  ]);
  const rows = report.trends.map((point) => [
    point.start,
    count(point.touchpoints),
    count(point.visitors),
    count(point.answered),
    withCount(round(point.nps?.score, 0), point.nps?.total),
  ]);
  const legend = el(
    'p',
    { class: 'legend' },
    el('span', { class: 'key accent' }, 'touchpoints'),
    el('span', { class: 'key good' }, 'answers'),
    el('span', { class: 'key warn' }, 'NPS'),
    el('span', { class: 'muted' }, ' each on its own scale'),
  );
  return panel(
    `Trend per ${report.filters.interval}`,
    'trends',
    chart,
    legend,
    table('trends-table', [report.filters.interval, 'touchpoints', 'visitors', 'answers', 'NPS'], rows),
  );
}

/** A prompt's variants side by side: impressions, response rate and the KPIs, each with its count. */
function variantsTable(prompt: PromptReport, variants: NonNullable<PromptReport['variants']>): HTMLElement {
  const rows = variants.map((variant) => [
    variant.variant,
    count(variant.shown),
    count(variant.answered),
    variant.responseRate === null ? 'n/a' : percent(variant.responseRate),
    withCount(round(variant.nps?.score, 0), variant.nps?.total),
    withCount(`${round(variant.csat?.score, 0)}%`, variant.csat?.total),
    withCount(round(variant.ces?.mean, 2), variant.ces?.total),
  ]);
  return table(`variants-${prompt.promptId}`, ['variant', 'shown', 'answered', 'response rate', 'NPS', 'CSAT', 'CES'], rows);
}

function promptPanel(prompt: PromptReport): HTMLElement {
  const kpi = prompt.nps
    ? `NPS ${withCount(round(prompt.nps.score, 0), prompt.nps.total)}`
    : prompt.csat
      ? `CSAT ${withCount(`${round(prompt.csat.score, 0)}%`, prompt.csat.total)}`
      : prompt.ces
        ? `CES ${withCount(round(prompt.ces.mean, 2), prompt.ces.total)}`
        : '';
  const figures = `shown ${count(prompt.shown)} · answered ${count(prompt.answered)} (${count(prompt.partial)} partial) · dismissed ${count(prompt.dismissed)} · response ${prompt.responseRate === null ? 'n/a (asks nothing)' : percent(prompt.responseRate)}`;
  const charts: Node[] = [];
  if (prompt.distribution)
    charts.push(
      columnChart(
        prompt.distribution.map(([score, total]) => ({ label: String(score), value: total, ...(prompt.kind === 'nps' ? { color: BAND(score) } : {}) })),
      ),
    );
  if (prompt.reasons)
    charts.push(
      prompt.reasons.length
        ? barChart(prompt.reasons.map((reason) => ({ label: reason.reason, value: reason.count })))
        : el('p', { class: 'muted' }, 'No reasons yet.'),
    );
  if (prompt.variants) charts.push(el('p', { class: 'small' }, 'Variants'), variantsTable(prompt, prompt.variants));
  const texts = prompt.followUps.texts
    .slice(0, 5)
    .map((text) => el('li', {}, `“${text.text}” `, el('span', { class: 'muted' }, `${stageName(text.stage)}, ${text.day}`)));
  return el(
    'section',
    { class: 'panel', 'data-testid': `prompt-${prompt.promptId}` },
    el('h2', {}, `${prompt.promptId} `, el('span', { class: 'muted' }, prompt.kind ?? '')),
    el('p', { class: 'headline' }, el('b', { 'data-testid': `kpi-${prompt.promptId}` }, kpi)),
    el('p', { class: 'muted small' }, figures),
    ...charts,
    ...(texts.length ? [el('p', { class: 'small' }, `Follow-ups (${count(prompt.followUps.total)})`), el('ul', { class: 'texts' }, ...texts)] : []),
  );
}

export const promptsSection = (report: JourneyReport): HTMLElement =>
  el(
    'div',
    { class: 'grid', 'data-testid': 'prompts' },
    ...(report.prompts.length ? report.prompts.map(promptPanel) : [el('p', { class: 'muted' }, 'No prompt shown in this range.')]),
  );

export function rewardsSection(report: JourneyReport): HTMLElement {
  const { rewards } = report;
  const summary = el(
    'p',
    { class: 'headline' },
    el('b', { 'data-testid': 'rewards-outstanding' }, count(rewards.outstanding)),
    el(
      'span',
      { class: 'muted' },
      ` points outstanding · ${count(rewards.issued)} issued · ${count(rewards.redeemed)} redeemed (${percent(rewards.redemptionRate)})`,
    ),
  );
  const tiers = table(
    'tiers-table',
    ['tier', 'visitors', 'issued', 'redeemed', 'outstanding'],
    rewards.tiers.map((tier) => [tier.label, count(tier.visitors), count(tier.issued), count(tier.redeemed), count(tier.outstanding)]),
  );
  const rules = rewards.rules.length
    ? barChart(rewards.rules.map((rule) => ({ label: rule.rule, value: rule.points, text: `${count(rule.points)} pts (${count(rule.awards)}×)` })))
    : el('p', { class: 'muted' }, 'No points issued in this range.');
  return panel('Rewards', 'rewards', summary, tiers, el('p', { class: 'small' }, 'Rules that award most'), rules);
}
