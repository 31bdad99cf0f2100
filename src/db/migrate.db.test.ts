import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { listMigrationFiles, migrateDatabase } from './migrate.ts';
import { openTestDatabase } from './test-database.ts';

describe('migrateDatabase', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('applies every migration file once and records it', async () => {
    const rows = await db.query<{ name: string }>('select name from schema_migrations order by name');
    expect(rows.map((r) => r.name)).toEqual(await listMigrationFiles());
    const again = await migrateDatabase(db);
    expect(again.applied).toEqual([]);
  });

  it('refuses to start when an applied migration is no longer on disk', async () => {
    await db.query("insert into schema_migrations (name) values ('00000000T0000_removed.sql')");
    await expect(migrateDatabase(db)).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    await db.query("delete from schema_migrations where name = '00000000T0000_removed.sql'");
  });

  it('refuses to start when an applied migration file was edited afterwards', async () => {
    const [first] = await db.query<{ name: string; checksum: string }>(
      'select name, checksum from schema_migrations order by name limit 1',
    );
    expect(first!.checksum).toMatch(/^[0-9a-f]{64}$/);
    await db.query('update schema_migrations set checksum = $2 where name = $1', [first!.name, '0'.repeat(64)]);
    await expect(migrateDatabase(db)).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringContaining('edited') });
    await db.query('update schema_migrations set checksum = null where name = $1', [first!.name]);
    // A database migrated before checksums existed adopts the file's checksum once.
    await migrateDatabase(db);
    const [adopted] = await db.query<{ checksum: string }>('select checksum from schema_migrations where name = $1', [first!.name]);
    expect(adopted!.checksum).toBe(first!.checksum);
  });

  it('keeps dates as calendar strings and numerics as numbers', async () => {
    const [row] = await db.query<{ d: string; n: number; c: number }>(
      "select date '2015-03-02' as d, 12.50::numeric as n, count(*) as c from schema_migrations",
    );
    expect(row).toMatchObject({ d: '2015-03-02', n: 12.5 });
    expect(typeof row?.c).toBe('number');
  });
});
