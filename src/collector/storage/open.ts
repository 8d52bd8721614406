import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { isPostgresUrl, type Database } from './database.js';
import { migrate } from './migrations.js';
import { openEmbedded } from './pglite.js';
import { openPostgres } from './postgres.js';

/** Opens the database `db` names (a folder or a postgres:// URL) and migrates it. */
export async function openDatabase(db: string, onError: (error: Error) => void): Promise<Database> {
  let database: Database;
  if (isPostgresUrl(db)) database = await openPostgres(db, onError);
  else {
    const folder = resolve(db);
    mkdirSync(folder, { recursive: true });
    database = await openEmbedded(folder);
  }
  try {
    await migrate(database);
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  return database;
}
