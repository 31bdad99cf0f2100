/**
 * The migrated template every test database is cloned from, built once per test run by vitest's
 * globalSetup (vitest.config.ts) and keyed by the migrations' content (and the code that makes it), so a changed or added migration
 * gives a new template and concurrent runs of different checkouts never share one:
 * - PGlite: a dumped data directory (`dumpDataDir`) in the OS temp folder, loaded by each test file;
 * - PostgreSQL (TEST_DATABASE_URL): a database `mentorspor_tmpl_<key>_<created>` that test databases are
 *   created from with `CREATE DATABASE … TEMPLATE`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { dumpPgliteDataDir, openPglite, openPostgres } from './database.ts';
import { listMigrationFiles, migrateDatabase, migrationsDir } from './migrate.ts';

export type TestTemplate = { engine: 'pglite'; dumpFile: string } | { engine: 'postgres'; url: string; templateName: string };

declare module 'vitest' {
  export interface ProvidedContext {
    mentorsporTestTemplate: TestTemplate;
  }
}

const testDatabasePrefix = 'mentorspor_t_';
const templatePrefix = 'mentorspor_tmpl_';
/** Test databases left by a killed run are dropped by a later run once they are this old. */
const staleAfterSeconds = 6 * 60 * 60;

async function migrationsKey(): Promise<string> {
  // The runner's own code too (it creates schema_migrations), and this file's (how the template is made).
  const hash = createHash('sha256')
    .update(await readFile(new URL('./migrate.ts', import.meta.url)))
    .update(await readFile(new URL(import.meta.url)));
  for (const name of await listMigrationFiles())
    hash
      .update(name)
      .update('\0')
      .update(await readFile(join(migrationsDir, name)))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

export async function ensureTestTemplate(url: string | null): Promise<TestTemplate> {
  const key = await migrationsKey();
  return url ? ensurePostgresTemplate(url, key) : ensurePgliteTemplate(key);
}

/**
 * A ustar archive without the entries whose name `drop` picks (512-byte headers, each file's content padded
 * to 512 bytes). An archive with other entry kinds than files and folders comes back unchanged.
 */
export function withoutEntries(tar: Uint8Array, drop: (name: string) => boolean): Uint8Array {
  const text = (from: number, length: number) => new TextDecoder().decode(tar.subarray(from, from + length)).replace(/\0.*$/s, '');
  const kept: Uint8Array[] = [];
  let at = 0;
  while (at + 512 <= tar.length && tar[at] !== 0) {
    const kind = text(at + 156, 1);
    if (kind !== '0' && kind !== '5' && kind !== '') return tar;
    const name = text(at + 345, 155) + text(at, 100);
    const size = Number.parseInt(text(at + 124, 12).trim() || '0', 8);
    const end = at + 512 + Math.ceil(size / 512) * 512;
    if (!drop(name)) kept.push(tar.subarray(at, end));
    at = end;
  }
  kept.push(new Uint8Array(1024));
  const out = new Uint8Array(kept.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of kept) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

async function ensurePgliteTemplate(key: string): Promise<TestTemplate> {
  const dir = join(tmpdir(), 'mentorspor-test-templates');
  const dumpFile = join(dir, `pglite-${key}.tar`);
  if (
    await stat(dumpFile).then(
      () => true,
      () => false,
    )
  )
    return { engine: 'pglite', dumpFile };
  await mkdir(dir, { recursive: true });
  const db = await openPglite(null);
  try {
    await migrateDatabase(db);
    // 16 MB of shared buffers instead of 128 MB (postgresql.auto.conf, in the dump): a test database holds
    // little, and each file's database then starts in about 0.6 s instead of 1.1 s (PGlite sets up the
    // buffers at every start).
    await db.exec("alter system set shared_buffers = '16MB'");
    await db.exec('checkpoint');
    // Without the other databases' folders (template0 and template1, which no test copies from): 28 MB to
    // load instead of 43 MB, about 0.25 s less per test file.
    const others = await db.query<{ oid: number }>('select oid::int from pg_database where datname <> current_database()');
    const dropped = others.map(({ oid }) => `base/${oid}/`);
    const dump = withoutEntries(await dumpPgliteDataDir(db), (name) =>
      dropped.some((folder) => name.replace(/^\//, '').startsWith(folder)),
    );
    // Written under a private name and renamed, so a concurrent run never reads half a file.
    const partial = `${dumpFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(partial, dump);
    await rename(partial, dumpFile);
  } finally {
    await db.close();
  }
  return { engine: 'pglite', dumpFile };
}

async function ensurePostgresTemplate(url: string, key: string): Promise<TestTemplate> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // One builder at a time across concurrent test runs on the same server.
    await admin.query(`select pg_advisory_lock(hashtext('mentorspor test template'))`);
    await dropStaleDatabases(admin);
    const existing = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like $1 order by datname desc limit 1`,
      [`${templatePrefix}${key}_%`],
    );
    if (existing.rows[0]) return { engine: 'postgres', url, templateName: existing.rows[0].datname };
    const templateName = `${templatePrefix}${key}_${Math.floor(Date.now() / 1000)}`;
    const building = `${templateName}_building`;
    await admin.query(`drop database if exists ${building} with (force)`);
    await admin.query(`create database ${building}`);
    const db = await openPostgres(databaseUrlFor(url, building));
    try {
      await migrateDatabase(db);
    } finally {
      await db.close();
    }
    await admin.query(`alter database ${building} rename to ${templateName}`);
    return { engine: 'postgres', url, templateName };
  } finally {
    await admin.query(`select pg_advisory_unlock(hashtext('mentorspor test template'))`).catch(() => {});
    await admin.end();
  }
}

/** Test databases of killed runs and templates of old migration sets, after `staleAfterSeconds`. */
async function dropStaleDatabases(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'mentorspor\\_t%'`);
  const now = Math.floor(Date.now() / 1000);
  for (const { datname } of rows) {
    const created = Number(/_(\d{10})(?:_|$)/.exec(datname)?.[1] ?? now);
    if (now - created > staleAfterSeconds) await admin.query(`drop database if exists ${datname} with (force)`);
  }
}

export function newTestDatabaseName(): string {
  return `${testDatabasePrefix}${Math.floor(Date.now() / 1000)}_${randomBytes(5).toString('hex')}`;
}

/** The same server, user and options as `url`, another database. */
export function databaseUrlFor(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
