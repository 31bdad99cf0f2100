import { refundFramesRepository, type RefundFrameRecord } from '../db/repositories/refund-frames-repository.ts';
import { AppError } from '../errors.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/**
 * The refund frame (refusionsramme, R-FIN-3) and the mentor budget of a year; for 2026 on also the
 * full-time persons and the øvrig V&O spending that the budget-guarantee ceiling is reported against
 * (R-FIN-5 [U]).
 */
export async function setRefundFrame(
  ctx: UseCaseContext,
  input: { year: number; refundFrame: number; budget: number; fullTimePersons?: number | null; otherGuidanceSpend?: number | null },
): Promise<RefundFrameRecord> {
  requirePermission(ctx, 'economy:write');
  if (!Number.isInteger(input.year) || input.year < 2014 || input.year > 2100) {
    throw new AppError('INVALID_INPUT', 'year must be from 2014 to 2100', { field: 'year' });
  }
  for (const field of ['refundFrame', 'budget', 'fullTimePersons', 'otherGuidanceSpend'] as const) {
    const value = input[field];
    if (value !== undefined && value !== null && (!Number.isFinite(value) || value < 0)) {
      throw new AppError('INVALID_INPUT', `${field} must be 0 or more`, { field });
    }
  }
  return refundFramesRepository(ctx.db).upsert({
    municipalityId: ctx.actor.municipalityId,
    year: input.year,
    refundFrameKr: input.refundFrame,
    budgetKr: input.budget,
    fullTimePersons: input.fullTimePersons ?? null,
    otherGuidanceSpendKr: input.otherGuidanceSpend ?? null,
    updatedBy: ctx.actor.userId,
  });
}
