import type { Sql } from '../storage/database.js';
import { moveAnswers } from './answer-rollup.js';
import type { Batch } from '../records.js';
import { rollUp } from './rollup.js';
import type { ReportRows, SubmissionRow, VisitorState } from './rows.js';

const asJson = (rows: Iterable<unknown>) => JSON.stringify([...rows]);

async function knownVisitors(sql: Sql, anonymousIds: string[]): Promise<Map<string, VisitorState>> {
  const rows = await sql.query<{ anonymous_id: string; device: string; locale: string; stage: string; first_seen: Date }>(
    'SELECT anonymous_id, device, locale, stage, first_seen FROM waymark_visitor_state WHERE anonymous_id = ANY($1::text[])',
    [anonymousIds],
  );
  return new Map(
    rows.map((row) => [row.anonymous_id, { device: row.device, locale: row.locale, stage: row.stage, firstSeen: new Date(row.first_seen).toISOString() }]),
  );
}

const DAILY = `INSERT INTO waymark_daily AS d (day, write_key, stage, prompt_id, device, locale, measure, key, count, amount)
  SELECT r."day", r."writeKey", r.stage, r."promptId", r.device, r.locale, r.measure, r.key, r.count, r.amount
  FROM jsonb_to_recordset($1::jsonb) AS r("day" date, "writeKey" text, stage text, "promptId" text, device text, locale text, measure text, key text, count bigint, amount bigint)
  ON CONFLICT (day, write_key, stage, prompt_id, device, locale, measure, key) DO UPDATE SET count = d.count + excluded.count, amount = d.amount + excluded.amount`;

/** Submissions arrive merged with the stored ones (answer-rollup.ts), so the newest merge simply replaces the row. */
const SUBMISSIONS = `INSERT INTO waymark_submissions AS s (prompt_id, submission_id, anonymous_id, day, write_key, stage, device, locale, kind, score, score_invalid, max, scale, metric, choices, other, comment, complete, variant, ts, record_id)
  SELECT r."promptId", r."submissionId", r."anonymousId", r."day", r."writeKey", r.stage, r.device, r.locale, r.kind, r.score, r."scoreInvalid", r.max, r.scale, r.metric, r.choices, r.other, r.comment, r.complete, r.variant, r.ts, r."recordId"
  FROM jsonb_to_recordset($1::jsonb) AS r("promptId" text, "submissionId" text, "anonymousId" text, "day" date, "writeKey" text, stage text, device text, locale text, kind text, score double precision, "scoreInvalid" boolean, max double precision, scale text, metric text, choices jsonb, other text, comment text, complete boolean, variant text, ts timestamptz, "recordId" text)
  ON CONFLICT (prompt_id, submission_id) DO UPDATE SET kind = excluded.kind, score = excluded.score, score_invalid = excluded.score_invalid, max = excluded.max, scale = excluded.scale,
    metric = excluded.metric, choices = excluded.choices, other = excluded.other, comment = excluded.comment, complete = excluded.complete, variant = excluded.variant, ts = excluded.ts, record_id = excluded.record_id`;

const STORED_SUBMISSIONS = `SELECT s.prompt_id AS "promptId", s.submission_id AS "submissionId", s.anonymous_id AS "anonymousId", to_char(s.day, 'YYYY-MM-DD') AS "day", s.write_key AS "writeKey", s.stage, s.device, s.locale,
    s.kind, s.score, s.score_invalid AS "scoreInvalid", s.max, s.scale, s.metric, s.choices, s.other, s.comment, s.complete, s.variant, s.ts, s.record_id AS "recordId"
  FROM waymark_submissions s JOIN jsonb_to_recordset($1::jsonb) AS k("promptId" text, "submissionId" text) ON s.prompt_id = k."promptId" AND s.submission_id = k."submissionId"`;

/** The stored submissions the batch continues, and the known kinds of its prompts. */
async function storedAnswers(sql: Sql, rows: ReportRows): Promise<{ stored: Map<string, SubmissionRow>; kinds: Map<string, string> }> {
  const batch = [...rows.submissions.values()];
  const found = await sql.query<SubmissionRow & { ts: Date | string }>(STORED_SUBMISSIONS, [
    asJson(batch.map(({ promptId, submissionId }) => ({ promptId, submissionId }))),
  ]);
  const stored = new Map(found.map((row) => [JSON.stringify([row.promptId, row.submissionId]), { ...row, ts: new Date(row.ts).toISOString() }]));
  const promptIds = [...new Set(batch.map((row) => row.promptId))];
  const kinds = new Map(
    (
      await sql.query<{ prompt_id: string; kind: string }>('SELECT prompt_id, kind FROM waymark_prompt_kinds WHERE prompt_id = ANY($1::text[])', [promptIds])
    ).map((row) => [row.prompt_id, row.kind]),
  );
  for (const [promptId, kind] of rows.promptKinds) kinds.set(promptId, kind);
  return { stored, kinds };
}

/** The first entry into each stage: its time (the touchpoint's, for durations) and its receive day (for ranges). */
const STAGE_ENTRIES = `INSERT INTO waymark_stage_entries AS e (anonymous_id, stage, entered_at, day, write_key, device, locale)
  SELECT DISTINCT ON (r."anonymousId", r.stage) r."anonymousId", r.stage, r."enteredAt", r."day", r."writeKey", r.device, r.locale
  FROM jsonb_to_recordset($1::jsonb) AS r("anonymousId" text, stage text, "enteredAt" timestamptz, "day" date, "writeKey" text, device text, locale text)
  ORDER BY r."anonymousId", r.stage, r."enteredAt"
  ON CONFLICT (anonymous_id, stage) DO UPDATE SET entered_at = least(e.entered_at, excluded.entered_at), day = least(e.day, excluded.day)`;

const VISITOR_STATE = `INSERT INTO waymark_visitor_state AS v (anonymous_id, device, locale, stage, first_seen)
  SELECT r.id, r.device, r.locale, r.stage, r."firstSeen" FROM jsonb_to_recordset($1::jsonb) AS r(id text, device text, locale text, stage text, "firstSeen" timestamptz)
  ON CONFLICT (anonymous_id) DO UPDATE SET device = excluded.device, locale = excluded.locale, stage = excluded.stage`;

const PROMPT_KINDS = `INSERT INTO waymark_prompt_kinds (prompt_id, kind) SELECT r.id, r.kind FROM jsonb_to_recordset($1::jsonb) AS r(id text, kind text)
  ON CONFLICT (prompt_id) DO UPDATE SET kind = excluded.kind`;

const VISITOR_DAYS = `INSERT INTO waymark_visitor_days AS v (anonymous_id, day, write_key, device, locale, stage, touchpoints)
  SELECT r."anonymousId", r."day", r."writeKey", r.device, r.locale, r.stage, r.touchpoints
  FROM jsonb_to_recordset($1::jsonb) AS r("anonymousId" text, "day" date, "writeKey" text, device text, locale text, stage text, touchpoints integer)
  ON CONFLICT (day, write_key, anonymous_id) DO UPDATE SET touchpoints = v.touchpoints + excluded.touchpoints, stage = excluded.stage, device = excluded.device, locale = excluded.locale`;

const POINTS_DAYS = `INSERT INTO waymark_points_days AS p (visitor, day, write_key, device, locale, awarded, redeemed, tier, tier_ts)
  SELECT r.visitor, r."day", r."writeKey", r.device, r.locale, r.awarded, r.redeemed, r.tier, r."tierTs"
  FROM jsonb_to_recordset($1::jsonb) AS r(visitor text, "day" date, "writeKey" text, device text, locale text, awarded bigint, redeemed bigint, tier text, "tierTs" timestamptz)
  ON CONFLICT (day, write_key, visitor) DO UPDATE SET awarded = p.awarded + excluded.awarded, redeemed = p.redeemed + excluded.redeemed,
    tier = CASE WHEN excluded.tier_ts IS NOT NULL AND (p.tier_ts IS NULL OR excluded.tier_ts >= p.tier_ts) THEN excluded.tier ELSE p.tier END,
    tier_ts = greatest(p.tier_ts, excluded.tier_ts)`;

async function write(sql: Sql, rows: ReportRows) {
  const visitors = [...rows.visitors].map(([id, state]) => ({ id, ...state }));
  await sql.query(VISITOR_STATE, [asJson(visitors)]);
  if (rows.submissions.size) {
    const { stored, kinds } = await storedAnswers(sql, rows);
    await sql.query(SUBMISSIONS, [asJson(moveAnswers(rows, stored, kinds))]);
  }
  await sql.query(DAILY, [asJson(rows.daily.values())]);
  if (rows.stageEntries.length) await sql.query(STAGE_ENTRIES, [asJson(rows.stageEntries)]);
  if (rows.promptKinds.size) await sql.query(PROMPT_KINDS, [asJson([...rows.promptKinds].map(([id, kind]) => ({ id, kind })))]);
  await sql.query(VISITOR_DAYS, [asJson(rows.visitorDays.values())]);
  if (rows.pointsDays.size) await sql.query(POINTS_DAYS, [asJson(rows.pointsDays.values())]);
}

/**
 * Keeps the report's roll-ups in step with the records, inside the ingest transaction: a
 * committed batch is counted once, a retried one (no new ids) not at all.
 */
export async function updateReportTables(sql: Sql, batches: Batch[]): Promise<void> {
  const fresh = batches.filter((batch) => batch.touchpoints.length);
  if (!fresh.length) return;
  const known = await knownVisitors(sql, [...new Set(fresh.flatMap((batch) => batch.touchpoints.map((touchpoint) => touchpoint.anonymousId)))]);
  await write(sql, rollUp(fresh, known));
}
