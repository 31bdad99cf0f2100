import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { logIn } from './log-in.ts';
import { prepareDatabase } from './prepare-database.ts';

const now = new Date('2026-11-24T09:00:00Z');

async function count(db: Database, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select count(*) as n from ${table}`);
  return row!.n;
}

describe('prepareDatabase (first start)', () => {
  let db: Database | null = null;
  afterEach(async () => {
    await db?.close();
    db = null;
  });

  it('never loads demo data with MENTORSPOR_DEMO=0, and creates admin with the configured password', async () => {
    db = await openTestDatabase();
    await prepareDatabase(db, { demo: 'never', adminPassword: 'secret-admin-pw', log: () => {}, now });
    expect(await count(db, 'citizens')).toBe(0);
    expect(await count(db, 'legal_regimes')).toBeGreaterThanOrEqual(6);
    const session = await logIn(db, { username: 'admin', password: 'secret-admin-pw', now });
    expect(session.actor.role).toBe('admin');
  });

  it('adds the draft 2027 regime to a municipality created before it, once, and changes no other regime (R-REG-2)', async () => {
    db = await openTestDatabase();
    await prepareDatabase(db, { demo: 'never', adminPassword: 'a-long-admin-password', log: () => {}, now });
    await db.query(`delete from legal_regimes where id = 'ACT-2027'`);
    const before = await db.query<{ id: string; valid_to: string | null }>('select id, valid_to from legal_regimes order by valid_from');
    const lines: string[] = [];
    await prepareDatabase(db, { demo: 'never', adminPassword: null, log: (line) => lines.push(line), now });
    const after = await db.query<{ id: string; valid_to: string | null; draft: boolean }>(
      `select id, valid_to, (parameters->>'draft')::boolean as draft from legal_regimes order by valid_from`,
    );
    expect(after.map((r) => r.id)).toEqual([...before.map((r) => r.id), 'ACT-2027']);
    expect(after.slice(0, -1).map((r) => r.valid_to)).toEqual(before.map((r) => r.valid_to));
    expect(after.at(-1)!.draft).toBe(true);
    expect(lines.some((l) => l.includes('ACT-2027'))).toBe(true);
    await prepareDatabase(db, { demo: 'never', adminPassword: null, log: () => {}, now });
    expect(await count(db, 'legal_regimes')).toBe(after.length);
  });
});
