import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openPglite, openPostgres, type Database } from './db/database.ts';

/** PostgreSQL when a URL is given, else embedded PGlite persisted in dataDir. */
export async function openDatabase(input: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  if (input.databaseUrl) return openPostgres(input.databaseUrl);
  const dir = resolve(input.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  return openPglite(dir);
}
