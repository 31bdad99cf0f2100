import { regimesRepository } from '../db/repositories/regimes-repository.ts';
import { compareDates, isCalendarDate } from '../domain/calendar-date.ts';
import { validateRegimeParameters, type LegalRegime } from '../domain/legal-regime.ts';
import { AppError } from '../errors.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/**
 * An admin edits a regime's validity and parameters (domain spec §8.3: every [U] value is data).
 * Regimes may not overlap, so the regime of an agreement date stays unambiguous.
 */
export async function updateRegime(
  ctx: UseCaseContext,
  input: { id: string; validFrom: string; validTo: string | null; parameters: unknown },
): Promise<LegalRegime> {
  requirePermission(ctx, 'regime:write');
  if (!isCalendarDate(input.validFrom)) throw new AppError('INVALID_INPUT', 'validFrom is not a valid date', { field: 'validFrom' });
  if (input.validTo !== null && !isCalendarDate(input.validTo))
    throw new AppError('INVALID_INPUT', 'validTo is not a valid date', { field: 'validTo' });
  if (input.validTo !== null && compareDates(input.validTo, input.validFrom) < 0) {
    throw new AppError('INVALID_INPUT', 'validTo must be on or after validFrom', { field: 'validTo' });
  }
  const validation = validateRegimeParameters(input.parameters);
  if (!validation.ok) throw new AppError('INVALID_INPUT', 'Invalid regime parameters', { field: 'parameters', errors: validation.errors });
  return ctx.db.transaction(async (tx) => {
    const regimes = regimesRepository(tx);
    const all = await regimes.listByMunicipality(ctx.actor.municipalityId);
    if (!all.some((r) => r.id === input.id)) throw new AppError('NOT_FOUND', `Regime ${input.id} not found`);
    const overlapping = all.find(
      (r) =>
        r.id !== input.id &&
        (r.validTo === null || compareDates(r.validTo, input.validFrom) >= 0) &&
        (input.validTo === null || compareDates(input.validTo, r.validFrom) >= 0),
    );
    if (overlapping) {
      throw new AppError('CONFLICT', `Validity overlaps regime ${overlapping.id}`, { field: 'validFrom', overlaps: overlapping.id });
    }
    await regimes.update({
      municipalityId: ctx.actor.municipalityId,
      id: input.id,
      validFrom: input.validFrom,
      validTo: input.validTo,
      parameters: validation.value,
      updatedBy: ctx.actor.userId,
    });
    return (await regimes.listByMunicipality(ctx.actor.municipalityId)).find((r) => r.id === input.id)!;
  });
}
