import type { Database } from '../db/database.ts';
import { auditLogRepository } from '../db/repositories/audit-log-repository.ts';
import { municipalitiesRepository } from '../db/repositories/municipalities-repository.ts';
import { addMonths, calendarDateOf } from '../domain/calendar-date.ts';
import { defaultMunicipalSettings, validateMunicipalSettings } from '../domain/municipal-settings.ts';

/**
 * R-PRV-1 retention: audit rows older than each municipality's configured months (default 6) are
 * deleted. A system job, run at start and daily by start-mentorspor.ts.
 */
export async function purgeExpiredAuditEntries(db: Database, now: Date): Promise<number> {
  const municipalities = await municipalitiesRepository(db).list();
  let purged = 0;
  for (const municipality of municipalities) {
    const settings = validateMunicipalSettings({ ...defaultMunicipalSettings, ...(municipality.settings as object) });
    const months = settings.ok ? settings.value.auditRetentionMonths : defaultMunicipalSettings.auditRetentionMonths;
    const cutoff = new Date(`${addMonths(calendarDateOf(now), -months)}T00:00:00Z`);
    purged += await auditLogRepository(db).purgeOlderThan(municipality.id, cutoff);
  }
  return purged;
}
