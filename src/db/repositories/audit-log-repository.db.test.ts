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
      { municipalityId, userId: null, username: 'sara', action: 'search', entity: 'citizen', criterion: 'text:Jonas', purpose: 'sagsbehandling' },
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

describe('purgeExpiredAuditEntries (R-PRV-1 retention, default 6 months)', () => {
  it('deletes entries older than six months and keeps newer ones', async () => {
    const { purgeExpiredAuditEntries } = await import('../../use-cases/purge-expired-audit-entries.ts');
    const db = await openTestDatabase();
    try {
      const municipalityId = (await municipalitiesRepository(db).create({ code: 'y', name: 'Y Kommune', settings: {} })).id;
      // 24 Nov 2026: one entry from 1 May 2026 (older than 6 months) and one from 1 Jun 2026.
      await db.query(
        `insert into audit_log (municipality_id, at, username, action, entity) values ($1, '2026-05-01T10:00:00Z', 'old', 'read', 'citizen'),
         ($1, '2026-06-01T10:00:00Z', 'new', 'read', 'citizen')`,
        [municipalityId],
      );
      expect(await purgeExpiredAuditEntries(db, new Date('2026-11-24T12:00:00Z'))).toBe(1);
      expect((await auditLogRepository(db).listRecent(municipalityId, 10)).map((e) => e.username)).toEqual(['new']);
    } finally {
      await db.close();
    }
  });
});
