import { auditLogRepository } from '../db/repositories/audit-log-repository.ts';
import { addMonths } from '../domain/calendar-date.ts';
import { loadMunicipalSettings } from './load-municipal-settings.ts';
import type { UseCaseContext } from './use-case-context.ts';

/** R-PRV-1 retention: audit rows older than the configured months (default 6) are deleted. */
export async function purgeExpiredAuditEntries(ctx: Pick<UseCaseContext, 'db' | 'actor' | 'now'>): Promise<number> {
  const settings = await loadMunicipalSettings(ctx);
  const today = ctx.now().toISOString().slice(0, 10);
  const cutoff = new Date(`${addMonths(today, -settings.auditRetentionMonths)}T00:00:00Z`);
  return auditLogRepository(ctx.db).purgeOlderThan(ctx.actor.municipalityId, cutoff);
}
