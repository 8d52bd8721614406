import { summarize, type Summary } from '../server/index.js';
import { DB_USAGE, dbReportCommand } from './db-report.js';
import { bold, dim, EXIT, readInput, type CliIo } from './io.js';
import { parseNdjson } from './ndjson.js';
import { pollRows, surveyPathRows, surveyQuestionRows, variantRows } from './survey-rows.js';
import { formatTable } from './table.js';

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;
const round = (value: number, digits = 1) => String(Math.round(value * 10 ** digits) / 10 ** digits);
const sorted = (counts: Record<string, number>) => Object.entries(counts).sort((a, b) => b[1] - a[1]);

/** `waymark report <events.ndjson>`: `summarize()` of exported touchpoints, as tables; with `--db`, the journey report of a database. */
export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  if (args.some((arg) => arg === '--db' || arg.startsWith('--db='))) return dbReportCommand(args, io);
  const [file] = args;
  if (!file || args.length > 1) {
    io.err(`usage: waymark report <events.ndjson>\n   or: ${DB_USAGE.replace('usage: ', '')}`);
    return EXIT.usage;
  }
  const text = await readInput(io, file);
  if (text === null) return EXIT.usage;
  const { records, badLines } = parseNdjson(text);
  if (badLines.length) io.err(`waymark: skipped ${badLines.length} unreadable line${badLines.length === 1 ? '' : 's'} (first: line ${badLines[0]})\n`);
  const summary = summarize(records);
  io.out(renderSummary(summary, records.length, io));
  return EXIT.ok;
}

type PromptResult = Summary['prompts'][string];

/** A rating prompt's line: CSAT, CES, answers and the whole distribution; none for other kinds. */
const ratingRow = (id: string, result: PromptResult): Array<Array<string | number>> =>
  result.kind === 'rating' && result.distribution
    ? [
        [
          id,
          result.csat ? `${round(result.csat.score)}%` : '–',
          result.ces ? round(result.ces.mean, 2) : '–',
          Object.values(result.distribution).reduce((sum, count) => sum + count, 0),
          Object.entries(result.distribution)
            .map(([score, count]) => `${score}: ${count}`)
            .join('  '),
        ],
      ]
    : [];

/** The report's text: one table per question a marketer asks of the results. */
export function renderSummary(summary: Summary, touchpoints: number, io: CliIo): string {
  const prompts = Object.entries(summary.prompts);
  const sections: string[] = [
    `${bold(io, `Waymark report — ${touchpoints} touchpoint${touchpoints === 1 ? '' : 's'}, ${prompts.length} prompt${prompts.length === 1 ? '' : 's'}`)}\n`,
  ];
  const section = (title: string, headers: string[], rows: Array<Array<string | number>>) => {
    if (rows.length) sections.push(`${bold(io, title)}\n${formatTable(headers, rows)}`);
  };

  section(
    'Response rates',
    ['prompt', 'kind', 'shown', 'answered', 'dismissed', 'response rate'],
    prompts.map(([id, result]) => [
      id,
      result.kind ?? '?',
      result.shown,
      result.answered,
      result.dismissed,
      result.responseRate === null ? '–' : percent(result.responseRate),
    ]),
  );
  section(
    'NPS',
    ['prompt', 'NPS', 'promoters', 'passives', 'detractors', 'answers'],
    prompts.flatMap(([id, { nps }]) => (nps ? [[id, round(nps.score), nps.promoters, nps.passives, nps.detractors, nps.total]] : [])),
  );
  section(
    'Ratings',
    ['prompt', 'CSAT', 'CES (mean)', 'answers', 'distribution (score: count)'],
    prompts.flatMap(([id, result]) => ratingRow(id, result)),
  );
  section(
    'Exit reasons',
    ['prompt', 'reason', 'count'],
    prompts.flatMap(([id, { reasons, other }]) => [
      ...(reasons ? sorted(reasons).map(([reason, count]) => [id, reason, count]) : []),
      ...(other?.length ? [[id, `Other (${other.length} written)`, other.length]] : []),
    ]),
  );
  section('Variants', ['prompt', 'variant', 'shown', 'answered', 'response rate', 'result'], variantRows(prompts));
  section('Polls', ['poll', 'choice', 'votes', 'share', 'voters'], pollRows(prompts));
  section('Survey questions', ['survey', 'question', 'answered', 'left here', 'result'], surveyQuestionRows(prompts));
  section('Survey paths', ['survey', 'path', 'submissions'], surveyPathRows(prompts));
  if (summary.pointsByTier) {
    section(
      'Points by tier',
      ['tier', 'visitors', 'points awarded', 'points redeemed'],
      Object.entries(summary.pointsByTier).map(([tier, row]) => [tier, row.visitors, row.awarded, row.redeemed]),
    );
  }
  if (!prompts.length) sections.push(dim(io, 'No prompt has been shown yet.\n'));
  return sections.join('\n');
}
