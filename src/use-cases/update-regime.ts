import { regimesRepository } from '../db/repositories/regimes-repository.ts';
import { compareDates, isCalendarDate } from '../domain/calendar-date.ts';
import { typesBeyondStatute, validateRegimeParameters, type LegalRegime } from '../domain/legal-regime.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/**
 * An admin edits a regime's validity and parameters (domain spec §8.3: every [U] value is data).
 * Regimes may not overlap, so the regime of an agreement date stays unambiguous. R-REG-1: offering a mentor
 * type the law does not provide in the regime (the ret-og-pligt mentor after 2019) needs a recorded reason.
 * Every change is audited with the types beyond the statute and the reason.
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
  const beyond = typesBeyondStatute({ validFrom: input.validFrom, parameters: validation.value });
  const reason = validation.value.offeredGrantTypesReason?.trim() ?? '';
  if (beyond.length > 0 && reason === '') {
    throw new AppError(
      'INVALID_INPUT',
      `Offering ${beyond.join(', ')} in a regime from ${input.validFrom} needs a recorded reason (R-REG-1)`,
      {
        field: 'parameters.offeredGrantTypesReason',
        rule: 'R-REG-1',
      },
    );
  }
  return ctx.db.transaction(async (tx) => {
    const regimes = regimesRepository(tx);
    const all = await regimes.listByMunicipality(ctx.actor.municipalityId);
    if (!all.some((r) => r.id === input.id)) throw new AppError('NOT_FOUND', `Regime ${input.id} not found`);
    const overlapping = all.find(
      (r) =>
        r.id !== input.id &&
        // R-REG-2: a draft regime may overlap its predecessor until it is confirmed (confirm-regime.ts).
        r.parameters.draft !== true &&
        validation.value.draft !== true &&
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
    const switched = beyond.length > 0 ? `; R-REG-1 ${beyond.join(',')} switched on: ${reason}` : '';
    const before = all.find((r) => r.id === input.id)!.parameters;
    const rateConfirmed =
      validation.value.budgetCeilingRateVerified === true && before.budgetCeilingRateVerified !== true
        ? `; R-FIN-5 rate ${validation.value.budgetCeilingRatePerFte} confirmed: ${validation.value.budgetCeilingRateSourceNote}`
        : '';
    await recordAudit(
      { ...ctx, db: tx },
      { action: 'update', entity: 'legal_regime', criterion: `regime:${input.id}${switched}${rateConfirmed}` },
    );
    return (await regimes.listByMunicipality(ctx.actor.municipalityId)).find((r) => r.id === input.id)!;
  });
}
