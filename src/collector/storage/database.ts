/** The one small interface both databases implement; every query is written once, in Postgres SQL. */
export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
}

export interface Database extends Sql {
  /** `embedded` (PGlite in a folder) or `postgres` (a server reached with `pg`). */
  readonly kind: 'embedded' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A folder is the embedded database; a postgres:// or postgresql:// URL is a server. */
export const isPostgresUrl = (db: string): boolean => /^postgres(ql)?:\/\//i.test(db);
