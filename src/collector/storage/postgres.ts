import type { Database, Sql } from './database.js';

/** A Postgres server through a `pg` pool; imported on first use like the embedded one. */
export async function openPostgres(url: string, onError: (error: Error) => void): Promise<Database> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its connection is reported on the pool; unhandled, it would end the process.
  pool.on('error', onError);
  const sqlOf = (runner: { query: typeof pool.query }): Sql => ({
    query: async <Row>(text: string, params: unknown[] = []) => (await runner.query(text, params)).rows as Row[],
  });
  // Fails here, at open, rather than on the first request, when the server is unreachable.
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    query: sqlOf(pool).query,
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(sqlOf(client as unknown as { query: typeof pool.query }));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is dropped, not handed to the next request.
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
