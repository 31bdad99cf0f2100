import { citizensRepository } from '../db/repositories/citizens-repository.ts';
import { offersRepository, type OfferRecord, type OfferType } from '../db/repositories/offers-repository.ts';
import { compareDates, isCalendarDate } from '../domain/calendar-date.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/** Registers an active offer (tilbud, LAB kap. 10–12) so "what came after the mentor" can be computed. */
export async function registerOffer(
  ctx: UseCaseContext,
  input: { citizenId: number; type: OfferType; startDate: string; endDate: string | null },
): Promise<OfferRecord> {
  requirePermission(ctx, 'offer:write');
  if (!isCalendarDate(input.startDate)) throw new AppError('INVALID_INPUT', 'startDate is not a valid date', { field: 'startDate' });
  if (input.endDate !== null && (!isCalendarDate(input.endDate) || compareDates(input.endDate, input.startDate) < 0)) {
    throw new AppError('INVALID_INPUT', 'endDate must be a valid date on or after startDate', { field: 'endDate' });
  }
  return ctx.db.transaction(async (tx) => {
    const citizen = await citizensRepository(tx).findById(ctx.actor.municipalityId, input.citizenId);
    if (!citizen) throw new AppError('NOT_FOUND', `Citizen ${input.citizenId} not found`);
    const offer = await offersRepository(tx).create({ municipalityId: ctx.actor.municipalityId, createdBy: ctx.actor.userId, ...input });
    await recordAudit({ ...ctx, db: tx }, { action: 'create', entity: 'offer', citizenIds: [input.citizenId] });
    return offer;
  });
}
