/**
 * Schema step 2: the tables the journey report reads, kept up to date by the ingest
 * transaction (see report/rollup.ts), so a report never scans the raw records. Empty text
 * (`''`) stands for "not recorded" in dimension columns: they are part of primary keys.
 */
export const REPORT_TABLES = `CREATE TABLE waymark_visitor_state (
     anonymous_id text PRIMARY KEY,
     device text NOT NULL,
     locale text NOT NULL,
     stage text NOT NULL,
     first_seen timestamptz NOT NULL
   );
   CREATE TABLE waymark_daily (
     day date NOT NULL,
     write_key text NOT NULL,
     stage text NOT NULL,
     prompt_id text NOT NULL,
     device text NOT NULL,
     locale text NOT NULL,
     measure text NOT NULL,
     key text NOT NULL,
     count bigint NOT NULL,
     amount bigint NOT NULL,
     PRIMARY KEY (day, write_key, stage, prompt_id, device, locale, measure, key)
   );
   CREATE INDEX waymark_daily_measure ON waymark_daily (measure, day);
   CREATE TABLE waymark_stage_entries (
     anonymous_id text NOT NULL,
     stage text NOT NULL,
     entered_at timestamptz NOT NULL,
     day date NOT NULL,
     write_key text NOT NULL,
     device text NOT NULL,
     locale text NOT NULL,
     PRIMARY KEY (anonymous_id, stage)
   );
   CREATE INDEX waymark_stage_entries_stage ON waymark_stage_entries (stage, day);
   CREATE TABLE waymark_submissions (
     prompt_id text NOT NULL,
     submission_id text NOT NULL,
     anonymous_id text NOT NULL,
     day date NOT NULL,
     write_key text NOT NULL,
     stage text NOT NULL,
     device text NOT NULL,
     locale text NOT NULL,
     kind text,
     score double precision,
     score_invalid boolean NOT NULL,
     max double precision,
     scale text,
     metric text,
     choices jsonb NOT NULL,
     other text,
     comment text,
     complete boolean NOT NULL,
     ts timestamptz NOT NULL,
     record_id text NOT NULL,
     PRIMARY KEY (prompt_id, submission_id)
   );
   CREATE INDEX waymark_submissions_texts ON waymark_submissions (prompt_id, ts) WHERE other IS NOT NULL OR comment IS NOT NULL;
   CREATE TABLE waymark_prompt_kinds (
     prompt_id text PRIMARY KEY,
     kind text NOT NULL
   );
   CREATE TABLE waymark_visitor_days (
     anonymous_id text NOT NULL,
     day date NOT NULL,
     write_key text NOT NULL,
     device text NOT NULL,
     locale text NOT NULL,
     stage text NOT NULL,
     touchpoints integer NOT NULL,
     PRIMARY KEY (day, write_key, anonymous_id)
   );
   CREATE TABLE waymark_points_days (
     visitor text NOT NULL,
     day date NOT NULL,
     write_key text NOT NULL,
     device text NOT NULL,
     locale text NOT NULL,
     awarded bigint NOT NULL,
     redeemed bigint NOT NULL,
     tier text,
     tier_ts timestamptz,
     PRIMARY KEY (day, write_key, visitor)
   );
   CREATE INDEX waymark_points_days_visitor ON waymark_points_days (visitor, day)`;
