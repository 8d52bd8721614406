import type { TestProject } from 'vitest/node';
// The bench's throwaway cluster: initdb and pg_ctl on a free local port, as `postgres` when root.
import { startThrowawayPostgres } from '../bench/lib/postgres.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A postgres:// URL, or empty with `postgresProblem` saying why there is none. */
    postgresUrl: string;
    postgresProblem: string;
  }
}

/**
 * The real Postgres the collector suites run against: WAYMARK_TEST_PG when set, else a
 * throwaway cluster when Postgres is installed, stopped when the run ends.
 */
export default async function setup(project: TestProject) {
  const given = process.env.WAYMARK_TEST_PG;
  if (given) {
    project.provide('postgresUrl', given);
    project.provide('postgresProblem', '');
    return;
  }
  let cluster: { url: string; stop(): void } | null = null;
  let problem = 'Postgres is not installed: install the postgresql package (apt-get install postgresql; .ci/run does) or set WAYMARK_TEST_PG=postgres://…';
  try {
    cluster = await startThrowawayPostgres();
  } catch (error) {
    problem = `the throwaway Postgres cluster did not start: ${(error as Error).message}; set WAYMARK_TEST_PG=postgres://… instead`;
  }
  project.provide('postgresUrl', cluster?.url ?? '');
  project.provide('postgresProblem', cluster ? '' : problem);
  return () => cluster?.stop();
}
