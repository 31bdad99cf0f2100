import { citizensRepository } from '../db/repositories/citizens-repository.ts';
import { targetGroupSpellsRepository, type TargetGroupSpellRecord } from '../db/repositories/target-group-spells-repository.ts';
import { compareDates, isCalendarDate } from '../domain/calendar-date.ts';
import type { TargetGroupCode, VisitationCategory } from '../domain/target-group.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export async function addTargetGroupSpell(
  ctx: UseCaseContext,
  input: { citizenId: number; group: TargetGroupCode; visitation: VisitationCategory | null; from: string; to: string | null },
): Promise<TargetGroupSpellRecord> {
  requirePermission(ctx, 'citizen:write');
  if (!isCalendarDate(input.from)) throw new AppError('INVALID_INPUT', 'from is not a valid date', { field: 'from' });
  if (input.to !== null && !isCalendarDate(input.to)) throw new AppError('INVALID_INPUT', 'to is not a valid date', { field: 'to' });
  if (input.to !== null && compareDates(input.to, input.from) < 0) {
    throw new AppError('INVALID_INPUT', 'to must be on or after from', { field: 'to' });
  }
  return ctx.db.transaction(async (tx) => {
    const citizen = await citizensRepository(tx).findById(ctx.actor.municipalityId, input.citizenId);
    if (!citizen) throw new AppError('NOT_FOUND', `Citizen ${input.citizenId} not found`);
    const spell = await targetGroupSpellsRepository(tx).create({ municipalityId: ctx.actor.municipalityId, ...input });
    await recordAudit({ ...ctx, db: tx }, { action: 'update', entity: 'target_group_spell', citizenIds: [input.citizenId] });
    return spell;
  });
}
