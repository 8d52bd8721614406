import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

/** The Postgres of the run (see postgres-setup.ts); a missing one fails the test that needs it, loudly. */
export function postgresUrl(): string {
  const url = inject('postgresUrl');
  if (!url) throw new Error(`no Postgres for the collector tests: ${inject('postgresProblem')}`);
  return url;
}

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A new, empty embedded database folder. */
export function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'waymark-collector-test-'));
  folders.push(folder);
  return join(folder, 'db');
}

/** A new, empty database on the run's Postgres server, so each test starts from nothing. */
export async function freshPostgres(): Promise<string> {
  const url = new URL(postgresUrl());
  const name = `waymark_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  url.pathname = `/${name}`;
  return url.href;
}

/** Both databases every storage, ingest, security and fraud test runs against. */
export const DATABASES = [
  { kind: 'embedded (PGlite)', fresh: async () => freshFolder() },
  { kind: 'Postgres', fresh: freshPostgres },
] as const;
