import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { openTestDatabase } from '../test-database.ts';
import { auditLogRepository } from './audit-log-repository.ts';
import { municipalitiesRepository } from './municipalities-repository.ts';

describe('audit log (R-PRV-1)', () => {
  let db: Database;
  let municipalityId: number;
  beforeAll(async () => {
    db = await openTestDatabase();
    municipalityId = (await municipalitiesRepository(db).create({ code: 'x', name: 'X Kommune', settings: {} })).id;
  });
  afterAll(async () => {
    await db.close();
  });

  it('stores many entries in one call and lists them newest first', async () => {
    const log = auditLogRepository(db);
    await log.record([
      {
        municipalityId,
        userId: null,
        username: 'sara',
        action: 'search',
        entity: 'citizen',
        criterion: 'text:Jonas',
        purpose: 'sagsbehandling',
      },
      { municipalityId, userId: null, username: 'sara', action: 'login', entity: 'session' },
    ]);
    const recent = await log.listRecent(municipalityId, 10);
    expect(recent.map((r) => r.action).sort()).toEqual(['login', 'search']);
    expect(recent.find((r) => r.action === 'search')).toMatchObject({ criterion: 'text:Jonas', purpose: 'sagsbehandling' });
  });

  it('refuses to update or delete an entry outside the retention purge', async () => {
    await expect(db.query("update audit_log set username = 'mallory'")).rejects.toThrow(/immutable/);
    await expect(db.query('delete from audit_log')).rejects.toThrow(/immutable/);
  });

  it('purges only entries older than the cutoff', async () => {
    const log = auditLogRepository(db);
    const before = (await log.listRecent(municipalityId, 100)).length;
    expect(await log.purgeOlderThan(municipalityId, new Date('2000-01-01'))).toBe(0);
    expect(await log.purgeOlderThan(municipalityId, new Date(Date.now() + 60_000))).toBe(before);
    expect(await log.listRecent(municipalityId, 100)).toEqual([]);
  });
});
