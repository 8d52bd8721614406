import type { JourneyReport } from '../report/journey-report.js';

type Cell = string | number | null;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
const field = (value: Cell) => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

type Add = (section: string, item: string, values: Record<string, Cell | undefined>) => void;

function addTotals(report: JourneyReport, add: Add) {
  const { totals, previous } = report;
  add('totals', 'range', {
    touchpoints: totals.touchpoints,
    visitors: totals.visitors,
    shown: totals.shown,
    answered: totals.answered,
    responseRate: totals.responseRate,
    nps: totals.nps?.score ?? null,
    csat: totals.csat?.score ?? null,
    ces: totals.ces?.mean ?? null,
    pointsIssued: totals.pointsIssued,
  });
  if (previous)
    add('previous', `${previous.from}..${previous.to}`, {
      touchpoints: previous.touchpoints,
      visitors: previous.visitors,
      answered: previous.answered,
      nps: previous.nps?.score ?? null,
    });
}

function addJourney(report: JourneyReport, add: Add) {
  for (const step of report.funnel.steps)
    add('funnel', step.stage, {
      visitors: step.visitors,
      nextVisitors: step.next?.visitors,
      conversion: step.next?.conversion,
      dropOff: step.next?.dropOff,
      medianSeconds: step.next ? step.next.medianSeconds : undefined,
      backwardIn: step.backwardIn,
    });
  for (const stage of report.stages) add('stage', stage.stage, { touchpoints: stage.touchpoints, ...answerFigures(stage) });
  for (const point of report.trends)
    add('trend', point.start, {
      touchpoints: point.touchpoints,
      visitors: point.visitors,
      shown: point.shown,
      answered: point.answered,
      nps: point.nps?.score ?? null,
      npsAnswers: point.nps?.total ?? 0,
    });
}

/** What a stage and a prompt's variant both report: impressions, answers and the KPIs, each with its count. */
function answerFigures(row: Pick<JourneyReport['stages'][number], 'shown' | 'answered' | 'responseRate' | 'nps' | 'csat' | 'ces'>) {
  return {
    shown: row.shown,
    answered: row.answered,
    responseRate: row.responseRate,
    nps: row.nps?.score ?? null,
    npsAnswers: row.nps?.total ?? 0,
    csat: row.csat?.score ?? null,
    ces: row.ces?.mean ?? null,
  };
}

function addPrompts(report: JourneyReport, add: Add) {
  for (const prompt of report.prompts) {
    add('prompt', prompt.promptId, {
      kind: prompt.kind,
      shown: prompt.shown,
      answered: prompt.answered,
      partial: prompt.partial,
      dismissed: prompt.dismissed,
      responseRate: prompt.responseRate,
      nps: prompt.nps?.score ?? null,
      csat: prompt.csat?.score ?? null,
      ces: prompt.ces?.mean ?? null,
    });
    for (const [score, total] of prompt.distribution ?? []) add('distribution', prompt.promptId, { [`score ${score}`]: total });
    for (const reason of prompt.reasons ?? []) add('reason', prompt.promptId, { [reason.reason]: reason.count });
    for (const variant of prompt.variants ?? []) add('variant', `${prompt.promptId} ${variant.variant}`, answerFigures(variant));
  }
}

function addRewards({ rewards }: JourneyReport, add: Add) {
  add('rewards', 'all', { issued: rewards.issued, redeemed: rewards.redeemed, outstanding: rewards.outstanding, redemptionRate: rewards.redemptionRate });
  for (const tier of rewards.tiers)
    add('tier', tier.label, { visitors: tier.visitors, issued: tier.issued, redeemed: tier.redeemed, outstanding: tier.outstanding });
  for (const rule of rewards.rules) add('rule', rule.rule, { awards: rule.awards, points: rule.points });
}

/**
 * The report as one CSV table, `section,item,metric,value`: every number the page shows,
 * exactly as the API gave it, so a spreadsheet sees what the page sees.
 */
export function reportCsv(report: JourneyReport): string {
  const rows: Cell[][] = [['section', 'item', 'metric', 'value']];
  const add: Add = (section, item, values) => {
    for (const [metric, value] of Object.entries(values)) if (value !== undefined) rows.push([section, item, metric, value]);
  };
  for (const part of [addTotals, addJourney, addPrompts, addRewards]) part(report, add);
  return `${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
