import { citizensRepository, type CitizenRecord } from '../db/repositories/citizens-repository.ts';
import { grantsRepository, type GrantRecord } from '../db/repositories/grants-repository.ts';
import { targetGroupSpellsRepository, type TargetGroupSpellRecord } from '../db/repositories/target-group-spells-repository.ts';
import { AppError } from '../errors.ts';
import { assertCitizenVisible } from './citizen-scope.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export type CitizenOverview = { citizen: CitizenRecord; targetGroups: TargetGroupSpellRecord[]; grants: GrantRecord[] };

export async function getCitizenOverview(ctx: UseCaseContext, citizenId: number): Promise<CitizenOverview> {
  requirePermission(ctx, 'citizen:read');
  await assertCitizenVisible(ctx, citizenId);
  const citizen = await citizensRepository(ctx.db).findById(ctx.actor.municipalityId, citizenId);
  if (!citizen) throw new AppError('NOT_FOUND', `Citizen ${citizenId} not found`);
  const targetGroups = await targetGroupSpellsRepository(ctx.db).listByCitizenId(ctx.actor.municipalityId, citizenId);
  const grants = await grantsRepository(ctx.db).list({
    municipalityId: ctx.actor.municipalityId,
    citizenId,
    mentorId: ctx.actor.role === 'mentor' ? ctx.actor.mentorId : null,
    limit: 500,
  });
  await recordAudit(ctx, { action: 'read', entity: 'citizen', citizenIds: [citizenId] });
  return { citizen, targetGroups, grants };
}
