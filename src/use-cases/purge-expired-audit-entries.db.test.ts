import { describe, expect, it } from 'vitest';
import { auditLogRepository } from '../db/repositories/audit-log-repository.ts';
import { municipalitiesRepository } from '../db/repositories/municipalities-repository.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { purgeExpiredAuditEntries } from './purge-expired-audit-entries.ts';

describe('purgeExpiredAuditEntries (R-PRV-1 retention, default 6 months)', () => {
  it('deletes entries older than six months and keeps newer ones', async () => {
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
