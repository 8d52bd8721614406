import type { Database, Sql } from './database.js';

/**
 * The embedded database: Postgres compiled to WebAssembly, in `folder`. Imported on first use,
 * so `waymark/server` users who never open a collector do not load it.
 */
export async function openEmbedded(folder: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(folder);
  const sqlOf = (runner: { query: typeof db.query }): Sql => ({
    query: async <Row>(text: string, params: unknown[] = []) => (await runner.query<Row>(text, params)).rows,
  });
  const direct = sqlOf(db);
  return {
    kind: 'embedded',
    query: direct.query,
    // PGlite runs one statement at a time; its transaction() holds that lock until the end.
    transaction: (work) => db.transaction((tx) => work(sqlOf(tx))),
    close: () => db.close(),
  };
}
