/**
 * A fresh, migrated database for one test file: embedded PGlite in memory by default, or a private
 * schema on the PostgreSQL server named by TEST_DATABASE_URL (dropped again on close), so every
 * `.db.test.ts` runs on both engines.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { testDatabaseUrl } from '../config.ts';
import { openPglite, openPostgres, type Database } from './database.ts';
import { migrateDatabase } from './migrate.ts';

export async function openTestDatabase(): Promise<Database> {
  const url = testDatabaseUrl();
  if (!url) {
    const db = await openPglite(null);
    await migrateDatabase(db);
    return db;
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = await openPostgres(url, { searchPath: schema });
  await migrateDatabase(db);
  return {
    ...db,
    async close() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}
