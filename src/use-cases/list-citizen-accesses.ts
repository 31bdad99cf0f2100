import { auditLogRepository, type AuditRecord } from '../db/repositories/audit-log-repository.ts';
import { citizensRepository } from '../db/repositories/citizens-repository.ts';
import { AppError } from '../errors.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/**
 * R-PRV-2: every logged access to one citizen's data, newest first, with dates and purposes; without a
 * citizen, the municipality's most recent accesses (for spot checks of the log, domain spec §7).
 */
export async function listCitizenAccesses(ctx: UseCaseContext, citizenId: number | null): Promise<AuditRecord[]> {
  requirePermission(ctx, 'audit:read');
  const log = auditLogRepository(ctx.db);
  if (citizenId === null) return log.listRecent(ctx.actor.municipalityId, 200);
  const citizen = await citizensRepository(ctx.db).findById(ctx.actor.municipalityId, citizenId);
  if (!citizen) throw new AppError('NOT_FOUND', `Citizen ${citizenId} not found`);
  return log.listByCitizen(ctx.actor.municipalityId, citizenId);
}
