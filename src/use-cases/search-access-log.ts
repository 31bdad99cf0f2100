import { auditLogRepository, type AuditAction, type AuditRecord } from '../db/repositories/audit-log-repository.ts';
import { citizensRepository } from '../db/repositories/citizens-repository.ts';
import { maskCpr, parseCpr } from '../domain/cpr.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export type { AuditAction };

export type AccessLogFilter = {
  citizenId?: number | null;
  cpr?: string | null;
  from?: string | null;
  to?: string | null;
  username?: string | null;
  action?: AuditAction | null;
  page?: number;
  pageSize?: number;
};

/** The citizen a filter names, by id or by CPR number (R-PRV-2: an access request names a person). */
export async function citizenOfFilter(ctx: UseCaseContext, filter: AccessLogFilter): Promise<number | null> {
  if (filter.cpr) {
    const parsed = parseCpr(filter.cpr);
    if (!parsed.ok) throw new AppError('INVALID_INPUT', 'CPR must be 10 digits (DDMMYY-SSSS)', { field: 'cpr', reason: 'CPR_FORMAT' });
    const id = await citizensRepository(ctx.db).findIdByCpr(ctx.actor.municipalityId, parsed.cpr);
    if (id === null) throw new AppError('NOT_FOUND', 'No citizen with this CPR number', { field: 'cpr' });
    return id;
  }
  if (filter.citizenId) {
    if (!(await citizensRepository(ctx.db).findById(ctx.actor.municipalityId, filter.citizenId)))
      throw new AppError('NOT_FOUND', `Citizen ${filter.citizenId} not found`);
    return filter.citizenId;
  }
  return null;
}

/**
 * R-PRV-2 and issue 14: the access log, filtered by citizen (id or CPR), period, user and action, one page
 * at a time with the total. Searching the log for a citizen is itself logged (masked CPR).
 */
export async function searchAccessLog(
  ctx: UseCaseContext,
  filter: AccessLogFilter,
): Promise<{ entries: AuditRecord[]; total: number; page: number; pageSize: number }> {
  requirePermission(ctx, 'audit:read');
  const page = filter.page ?? 1;
  const pageSize = filter.pageSize ?? 50;
  const citizenId = await citizenOfFilter(ctx, filter);
  const result = await auditLogRepository(ctx.db).search(ctx.actor.municipalityId, {
    citizenId,
    from: filter.from ?? null,
    to: filter.to ?? null,
    username: filter.username?.trim() || null,
    action: filter.action ?? null,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  if (citizenId !== null) {
    const parsed = filter.cpr ? parseCpr(filter.cpr) : null;
    await recordAudit(ctx, {
      action: 'search',
      entity: 'audit_log',
      citizenIds: [citizenId],
      criterion: parsed?.ok ? `cpr:${maskCpr(parsed.cpr)}` : `citizen:${citizenId}`,
    });
  }
  return { ...result, page, pageSize };
}
