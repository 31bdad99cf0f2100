import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { municipalitiesRepository } from './repositories/municipalities-repository.ts';
import { asTableOwner, tenantDatabase } from './tenant-database.ts';
import { openTestDatabase } from './test-database.ts';

/**
 * Tenancy in the database (issue 10, migration 20261203T1000): even a query that forgets its
 * `where municipality_id = …` sees and writes only its own municipality, and no row can point into
 * another municipality, whatever the code does.
 */
describe('tenancy enforced by PostgreSQL', () => {
  let db: Database;
  let aarhus: number;
  let odense: number;
  const citizens: Record<string, number> = {};
  const mentors: Record<string, number> = {};

  beforeAll(async () => {
    db = await openTestDatabase();
    aarhus = (await municipalitiesRepository(db).create({ code: 'aarhus', name: 'Aarhus Kommune', settings: {} })).id;
    odense = (await municipalitiesRepository(db).create({ code: 'odense', name: 'Odense Kommune', settings: {} })).id;
    for (const [name, municipality, cpr] of [
      ['Ane', aarhus, '0101901111'],
      ['Ole', odense, '0202902222'],
    ] as const) {
      const [row] = await db.query<{ id: number }>(
        `insert into citizens (municipality_id, cpr, name, birth_date) values ($1, $2, $3, '1990-01-01') returning id`,
        [municipality, cpr, name],
      );
      citizens[name] = row!.id;
    }
    for (const [name, municipality] of [
      ['Mia', aarhus],
      ['Max', odense],
    ] as const) {
      const [provider] = await db.query<{ id: number }>(
        `insert into providers (municipality_id, name, type) values ($1, 'Team', 'internal') returning id`,
        [municipality],
      );
      const [mentor] = await db.query<{ id: number }>(
        `insert into mentors (municipality_id, provider_id, name) values ($1, $2, $3) returning id`,
        [municipality, provider!.id, name],
      );
      mentors[name] = mentor!.id;
    }
  });
  afterAll(async () => {
    await db.close();
  });

  it('puts row-level security on every table with municipality_id, and makes every key between them composite', async () => {
    const unprotected = await db.query<{ table: string }>(
      `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind = 'r' and n.nspname = current_schema()
         and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'municipality_id')
         and not (c.relrowsecurity and exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = 'tenant_isolation'))`,
    );
    expect(unprotected).toEqual([]);
    const singleColumnKeys = await db.query<{ name: string }>(
      `select c.conname as name from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
       where c.contype = 'f' and array_length(c.conkey, 1) = 1 and a.attname <> 'municipality_id'
         and exists (select 1 from pg_attribute x where x.attrelid = c.conrelid and x.attname = 'municipality_id')
         and exists (select 1 from pg_attribute x where x.attrelid = c.confrelid and x.attname = 'municipality_id')`,
    );
    expect(singleColumnKeys).toEqual([]);
  });

  it('shows a query without a municipality filter only its own rows', async () => {
    const asAarhus = tenantDatabase(db, aarhus);
    expect((await asAarhus.query<{ name: string }>('select name from citizens order by name')).map((r) => r.name)).toEqual(['Ane']);
    expect((await asAarhus.query<{ name: string }>('select name from mentors')).map((r) => r.name)).toEqual(['Mia']);
    expect((await asAarhus.query<{ name: string }>('select name from municipalities')).map((r) => r.name)).toEqual(['Aarhus Kommune']);
    // An update or delete without a filter touches nothing of Odense's.
    await asAarhus.transaction(async (tx) => {
      await tx.query(`update citizens set name = name || '!'`);
      await tx.query(`update citizens set name = trim(trailing '!' from name)`);
    });
    expect((await db.query<{ name: string }>('select name from citizens where id = $1', [citizens.Ole])).map((r) => r.name)).toEqual([
      'Ole',
    ]);
  });

  it("refuses to write a row into another municipality, and a row pointing at another municipality's citizen", async () => {
    const asAarhus = tenantDatabase(db, aarhus);
    await expect(
      asAarhus.query(`insert into citizens (municipality_id, cpr, name, birth_date) values ($1, $2, $3, '1990-03-03')`, [
        odense,
        '0303903333',
        'Ib',
      ]),
    ).rejects.toThrow(/row-level security/);
    // The owner connection bypasses row-level security; the composite key still refuses the cross link.
    const relate = (citizenId: number, mentorId: number) =>
      db.query(`insert into mentor_relations (municipality_id, citizen_id, mentor_id, reason) values ($1, $2, $3, 'Nabo')`, [
        aarhus,
        citizenId,
        mentorId,
      ]);
    await expect(relate(citizens.Ole!, mentors.Mia!)).rejects.toMatchObject({ code: '23503' });
    await expect(relate(citizens.Ane!, mentors.Max!)).rejects.toMatchObject({ code: '23503' });
    const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from mentor_relations')) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('shows nothing to the application role when no municipality is set', async () => {
    const rows = await db.transaction(async (tx) => {
      await tx.query(`select set_config('role', 'mentorspor_app', true)`);
      return tx.query('select id from citizens');
    });
    expect(rows).toEqual([]);
  });

  it('runs every query of a tenant as the application role in its municipality, also after the owner stepped in', async () => {
    const whoAmI = `select current_user as role, current_setting('mentorspor.municipality_id', true) as municipality`;
    const inAarhus = tenantDatabase(db, aarhus);
    const inOdense = tenantDatabase(db, odense);
    expect(await inAarhus.query(whoAmI)).toEqual([{ role: 'mentorspor_app', municipality: String(aarhus) }]);
    expect(await inOdense.query(whoAmI)).toEqual([{ role: 'mentorspor_app', municipality: String(odense) }]);
    // The register import's bulk path steps up to the owner inside a transaction (asTableOwner) ...
    const inside = await inAarhus.transaction(async (tx) => {
      const asOwner = await asTableOwner(tx, () => tx.query<{ role: string }>('select current_user as role'));
      return { asOwner: asOwner[0]!.role, after: (await tx.query<{ role: string }>(whoAmI))[0]!.role };
    });
    expect(inside.asOwner).not.toBe('mentorspor_app');
    expect(inside.after).toBe('mentorspor_app');
    // ... and no connection of the tenant comes back as the owner: twenty at once all run as the tenant.
    const roles = await Promise.all(Array.from({ length: 20 }, () => inAarhus.query<{ role: string; municipality: string }>(whoAmI)));
    expect(new Set(roles.map(([r]) => `${r!.role}/${r!.municipality}`))).toEqual(new Set([`mentorspor_app/${aarhus}`]));
  });
});
