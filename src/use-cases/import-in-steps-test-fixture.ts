/**
 * For the tests of imports in steps (issue 14): a municipality with a coordinator, who imports, and a
 * caseworker, who asks for the worklist meanwhile, both through their municipality's tenant view as the
 * API's job and requests run them; and 3,000 citizens with distinct valid-looking CPR numbers (day of
 * birth + serial), already loaded from the case system's citizens file.
 */
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { municipalitiesRepository } from '../db/repositories/municipalities-repository.ts';
import { usersRepository } from '../db/repositories/users-repository.ts';
import { tenantContext, type UseCaseContext } from './use-case-context.ts';

export async function importWhileWorking(): Promise<{
  db: Database;
  coordinator: UseCaseContext;
  caseworker: UseCaseContext;
  cprs: string[];
}> {
  const db = await openTestDatabase();
  const m = await municipalitiesRepository(db).create({ code: 't', name: 'Test', settings: {} });
  const actor = async (username: string, role: 'coordinator' | 'caseworker') => ({
    userId: (await usersRepository(db).create({ municipalityId: m.id, username, name: username, role, passwordHash: 'x' })).id,
    username,
    name: username,
    role,
    municipalityId: m.id,
    municipalityName: 'Test',
    mentorId: null,
  });
  const now = () => new Date('2026-12-04T10:00:00Z');
  const coordinator = tenantContext(db, await actor('coord', 'coordinator'), 'test', now);
  const caseworker = tenantContext(db, await actor('cw', 'caseworker'), 'test', now);
  const cprs = (
    await db.query<{ cpr: string }>(
      `insert into citizens (municipality_id, cpr, birth_date, name)
       select $1, to_char(date '1960-01-01' + i, 'DDMMYY') || lpad((1000 + i)::text, 4, '0'), date '1960-01-01' + i, 'Borger ' || i
       from generate_series(0, 2999) i returning cpr`,
      [m.id],
    )
  ).map((r) => r.cpr);
  return { db, coordinator, caseworker, cprs };
}

/**
 * What an import may change: the audit rows, the staging tables left whose names are `like` the
 * pattern, and the rows of `rowsSql` (all of them, in order).
 */
export async function importState(db: Database, staging: string, rowsSql: string) {
  const [counts] = await db.query<{ audit: number; staging: number }>(
    `select (select count(*) from audit_log)::int as audit,
            (select count(*) from pg_tables where tablename like $1)::int as staging`,
    [staging],
  );
  return { ...counts, rows: await db.query(rowsSql) };
}
