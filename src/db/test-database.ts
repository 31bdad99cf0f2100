/**
 * A fresh, migrated database for one test file, cloned from a template that is migrated once per test
 * run (src/db/test-template.ts, vitest globalSetup): embedded PGlite loaded from the template's dumped
 * data directory by default, or a database created `TEMPLATE` the migrated template database on the
 * PostgreSQL server named by TEST_DATABASE_URL (dropped again on close), so every `.db.test.ts` runs on
 * both engines without migrating inside a test.
 */
import pg from 'pg';
import { testDatabaseUrl } from '../config.ts';
import { openPglite, openPostgres, type Database } from './database.ts';
import { databaseUrlFor, ensureTestTemplate, newTestDatabaseName, type TestTemplate } from './test-template.ts';

let templatePromise: Promise<TestTemplate> | null = null;

/** The run's template: provided by vitest's globalSetup, else (a benchmark script) built in this process. */
async function template(): Promise<TestTemplate> {
  templatePromise ??= (async () => {
    if (process.env.VITEST) {
      const { inject } = await import('vitest');
      const provided: TestTemplate | undefined = inject('mentorsporTestTemplate');
      if (provided) return provided;
    }
    return ensureTestTemplate(testDatabaseUrl());
  })();
  return templatePromise;
}

let pgliteTemplateBlob: Promise<Blob> | null = null;

export async function openTestDatabase(): Promise<Database> {
  const source = await template();
  if (source.engine === 'pglite') {
    pgliteTemplateBlob ??= import('node:fs/promises').then(async ({ readFile }) => new Blob([await readFile(source.dumpFile)]));
    return openPglite(null, { loadDataDir: await pgliteTemplateBlob });
  }
  const name = newTestDatabaseName();
  const admin = new pg.Client({ connectionString: source.url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${source.templateName}`);
  } finally {
    await admin.end();
  }
  const db = await openPostgres(databaseUrlFor(source.url, name));
  return {
    ...db,
    async close() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: source.url });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/**
 * An embedded database persisted in the empty directory `dir` (the `pglite` folder of a data directory,
 * as `npm start` and the CLI open it), loaded from the migrated template when the run's template is
 * PGlite's, else migrated here: for the CLI tests, whose commands open the directory themselves.
 */
export async function openTestDataDir(dir: string): Promise<Database> {
  const source = await template();
  if (source.engine === 'pglite') {
    const { readFile } = await import('node:fs/promises');
    return openPglite(dir, { loadDataDir: new Blob([await readFile(source.dumpFile)]) });
  }
  const { migrateDatabase } = await import('./migrate.ts');
  const db = await openPglite(dir);
  await migrateDatabase(db);
  return db;
}
