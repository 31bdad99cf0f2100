import { auditLogRepository, type AuditAction } from '../db/repositories/audit-log-repository.ts';
import type { UseCaseContext } from './use-case-context.ts';

/** R-PRV-1: one audit row per access to a citizen's data (or per search, with its criterion). */
export async function recordAudit(
  ctx: UseCaseContext,
  entry: { action: AuditAction; entity: string; citizenIds?: number[]; criterion?: string | null },
): Promise<void> {
  const base = {
    municipalityId: ctx.actor.municipalityId,
    userId: ctx.actor.userId,
    username: ctx.actor.username,
    action: entry.action,
    entity: entry.entity,
    criterion: entry.criterion ?? null,
    purpose: ctx.purpose,
  };
  const citizenIds = entry.citizenIds ?? [];
  const entries = citizenIds.length > 0 ? citizenIds.map((citizenId) => ({ ...base, citizenId })) : [base];
  await auditLogRepository(ctx.db).record(entries);
}
