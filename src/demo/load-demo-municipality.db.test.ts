import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { usersRepository } from '../db/repositories/users-repository.ts';
import { logIn } from '../use-cases/log-in.ts';
import { prepareDatabase } from '../use-cases/prepare-database.ts';
import { demoMunicipality } from './load-demo-municipality.ts';

const now = new Date('2026-11-24T09:00:00Z');

async function count(db: Database, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select count(*) as n from ${table}`);
  return row!.n;
}

describe('prepareDatabase with the demo municipality (first start)', () => {
  let db: Database | null = null;
  afterEach(async () => {
    await db?.close();
    db = null;
  });

  it('loads the demo municipality with every grant state when asked, and only once', async () => {
    db = await openTestDatabase();
    const first = await prepareDatabase(db, {
      demo: { when: 'always', loader: demoMunicipality },
      adminPassword: null,
      log: () => {},
      now,
    });
    expect(first.demoLoaded).toBe(true);
    const states = await db.query<{ status: string; n: number }>(
      'select status, count(*) as n from grants group by status order by status',
    );
    expect(states.map((s) => s.status)).toEqual(['approved', 'draft', 'ended']);
    expect(await count(db, 'agreement_versions')).toBeGreaterThan(5);
    for (const username of ['sara', 'mads', 'kirsten', 'lars', 'admin']) {
      expect(await usersRepository(db).findByUsername(username)).not.toBeNull();
    }
    const session = await logIn(db, { username: 'sara', password: 'mentorspor', now });
    expect(session.actor.role).toBe('caseworker');
    const grantsBefore = await count(db, 'grants');
    const second = await prepareDatabase(db, {
      demo: { when: 'always', loader: demoMunicipality },
      adminPassword: null,
      log: () => {},
      now,
    });
    expect(second.demoLoaded).toBe(false);
    expect(await count(db, 'grants')).toBe(grantsBefore);
  }, 90_000);

  it('by default loads demo data into an empty embedded database but not into PostgreSQL', async () => {
    db = await openTestDatabase();
    const result = await prepareDatabase(db, {
      demo: { when: 'auto', loader: demoMunicipality },
      adminPassword: 'secret-admin-pw',
      log: () => {},
      now,
    });
    expect(result.demoLoaded).toBe(db.engine === 'pglite');
  });
});
