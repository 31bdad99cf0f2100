/**
 * Versioned SQL migrations: src/db/migrations/<timestamp>_<name>.sql, applied in file-name order, each in
 * its own transaction. Applied files are never edited: the runner stores each file's SHA-256 and refuses
 * to start when an applied file changed, or when the applied migrations are not a prefix of the files
 * on disk (someone deleted, renamed or reordered one).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { AppError } from '../errors.ts';
import type { Database } from './database.ts';

export const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export async function listMigrationFiles(): Promise<string[]> {
  const names = await readdir(migrationsDir);
  return names.filter((n) => n.endsWith('.sql')).sort();
}

function checksumOf(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

export async function migrateDatabase(db: Database): Promise<{ applied: string[] }> {
  await db.exec(`create table if not exists schema_migrations (
    name text primary key,
    applied_at timestamptz not null default now()
  );
  alter table schema_migrations add column if not exists checksum text`);
  const files = await listMigrationFiles();
  const appliedRows = await db.query<{ name: string; checksum: string | null }>(
    'select name, checksum from schema_migrations order by name',
  );
  for (const [index, row] of appliedRows.entries()) {
    if (files[index] !== row.name) {
      throw new AppError(
        'CONFIG_INVALID',
        `Applied migration '${row.name}' does not match file '${files[index] ?? '(missing)'}': migrations must never be renamed, removed or reordered`,
      );
    }
    const checksum = checksumOf(await readFile(join(migrationsDir, row.name), 'utf8'));
    // Databases migrated before checksums were stored get today's files' checksums once.
    if (row.checksum === null) await db.query('update schema_migrations set checksum = $2 where name = $1', [row.name, checksum]);
    else if (row.checksum !== checksum) {
      throw new AppError('CONFIG_INVALID', `Applied migration '${row.name}' was edited after it was applied: add a new migration instead`);
    }
  }
  const pending = files.slice(appliedRows.length);
  for (const name of pending) {
    const sql = await readFile(join(migrationsDir, name), 'utf8');
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query('insert into schema_migrations (name, checksum) values ($1, $2)', [name, checksumOf(sql)]);
    });
  }
  return { applied: pending };
}

/** Readiness: the database answers and every migration file is applied (none pending). */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const files = await listMigrationFiles();
  const applied = new Set((await db.query<{ name: string }>('select name from schema_migrations')).map((r) => r.name));
  return files.filter((name) => !applied.has(name));
}
