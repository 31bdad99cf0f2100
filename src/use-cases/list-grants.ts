import { grantsRepository, type GrantRecord } from '../db/repositories/grants-repository.ts';
import { assertCitizenVisible } from './citizen-scope.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export async function listGrants(
  ctx: UseCaseContext,
  filter: { citizenId?: number | null; status?: 'draft' | 'approved' | 'ended' | null },
): Promise<GrantRecord[]> {
  requirePermission(ctx, 'grant:read');
  if (filter.citizenId) await assertCitizenVisible(ctx, filter.citizenId);
  const grants = await grantsRepository(ctx.db).list({
    municipalityId: ctx.actor.municipalityId,
    citizenId: filter.citizenId ?? null,
    status: filter.status ?? null,
    mentorId: ctx.actor.role === 'mentor' ? (ctx.actor.mentorId ?? -1) : null,
    limit: 500,
  });
  const citizenIds = [...new Set(grants.map((g) => g.citizenId))];
  await recordAudit(ctx, {
    action: 'search',
    entity: 'grant',
    citizenIds,
    criterion: `grants:${filter.citizenId ? `citizen=${filter.citizenId}` : 'all'}${filter.status ? `,status=${filter.status}` : ''}`,
  });
  return grants;
}
