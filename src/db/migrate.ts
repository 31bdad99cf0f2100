/**
 * Versioned SQL migrations: src/db/migrations/<timestamp>_<name>.sql, applied in file-name order, each in
 * its own transaction. Applied files are never edited; the runner refuses to start when the applied
 * migrations are not a prefix of the files on disk (someone deleted, renamed or reordered one).
 */
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

export async function migrateDatabase(db: Database): Promise<{ applied: string[] }> {
  await db.exec(`create table if not exists schema_migrations (
    name text primary key,
    applied_at timestamptz not null default now()
  )`);
  const files = await listMigrationFiles();
  const appliedRows = await db.query<{ name: string }>('select name from schema_migrations order by name');
  const applied = appliedRows.map((r) => r.name);
  applied.forEach((name, index) => {
    if (files[index] !== name) {
      throw new AppError(
        'CONFIG_INVALID',
        `Applied migration '${name}' does not match file '${files[index] ?? '(missing)'}': migrations must never be renamed, removed or reordered`,
      );
    }
  });
  const pending = files.slice(applied.length);
  for (const name of pending) {
    const sql = await readFile(join(migrationsDir, name), 'utf8');
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query('insert into schema_migrations (name) values ($1)', [name]);
    });
  }
  return { applied: pending };
}
