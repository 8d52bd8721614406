import type { Database } from './database.js';
import { REPORT_TABLES } from './report-tables.js';

/**
 * The schema, one step per version; a step is never edited once released, only followed by
 * another. Records are keyed by their `id`, so a retried batch dedupes on the primary key.
 */
const STEPS: string[] = [
  `CREATE TABLE waymark_records (
     id text PRIMARY KEY,
     anonymous_id text NOT NULL,
     user_id text,
     name text NOT NULL,
     ts timestamptz NOT NULL,
     received_at timestamptz NOT NULL,
     write_key text,
     trusted boolean NOT NULL DEFAULT false,
     record jsonb NOT NULL
   );
   CREATE INDEX waymark_records_received ON waymark_records (received_at, id);
   CREATE INDEX waymark_records_visitor ON waymark_records (anonymous_id, received_at);
   CREATE TABLE waymark_ledgers (
     anonymous_id text PRIMARY KEY,
     state jsonb NOT NULL,
     tz_offset integer,
     updated_at timestamptz NOT NULL
   );
   CREATE TABLE waymark_ledger_entries (
     entry bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     anonymous_id text NOT NULL,
     source text NOT NULL,
     rule text NOT NULL,
     delta integer NOT NULL,
     balance integer NOT NULL,
     lifetime integer NOT NULL,
     offer_id text,
     refused text,
     at timestamptz NOT NULL
   );
   CREATE INDEX waymark_ledger_entries_visitor ON waymark_ledger_entries (anonymous_id, entry);`,
  REPORT_TABLES,
  // Referrals: who owns each code, and who referred whom, refused or paid.
  `CREATE TABLE waymark_referral_codes (
     code text PRIMARY KEY,
     anonymous_id text NOT NULL,
     user_id text,
     at timestamptz NOT NULL
   );
   CREATE INDEX waymark_referral_codes_visitor ON waymark_referral_codes (anonymous_id);
   CREATE TABLE waymark_referrals (
     referred_id text PRIMARY KEY,
     referrer_id text,
     code text NOT NULL,
     refused text,
     rewarded_at timestamptz,
     at timestamptz NOT NULL
   );
   CREATE INDEX waymark_referrals_referrer ON waymark_referrals (referrer_id);`,
  // Prompt variants: which one each answer was given to, so the report can compare them.
  'ALTER TABLE waymark_submissions ADD COLUMN variant text',
];

/** An arbitrary constant: the advisory lock that lets one process at a time migrate a shared Postgres. */
const MIGRATION_LOCK = 7_305_911;

/** Brings the schema to the newest version; safe when several collectors start at once. */
export async function migrate(db: Database): Promise<void> {
  await db.transaction(async (sql) => {
    await sql.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await sql.query('CREATE TABLE IF NOT EXISTS waymark_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)');
    const [row] = await sql.query<{ version: number | null }>('SELECT max(version) AS version FROM waymark_migrations');
    const current = row?.version ?? 0;
    if (current > STEPS.length) throw new Error(`the database's schema (version ${current}) is newer than this collector's (${STEPS.length}): upgrade waymark`);
    for (let version = current + 1; version <= STEPS.length; version++) {
      for (const statement of STEPS[version - 1]!.split(/;\s*(?=\S)/)) await sql.query(statement);
      await sql.query('INSERT INTO waymark_migrations (version, applied_at) VALUES ($1, now())', [version]);
    }
  });
}
