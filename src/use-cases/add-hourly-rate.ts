import { hourlyRatesRepository, type MentorRateKind, type RateRecord } from '../db/repositories/hourly-rates-repository.ts';
import { mentorsRepository } from '../db/repositories/mentors-repository.ts';
import { providersRepository } from '../db/repositories/providers-repository.ts';
import { isCalendarDate } from '../domain/calendar-date.ts';
import { decideRateSuccession } from '../domain/grant-cost.ts';
import { AppError } from '../errors.ts';
import { requirePermission, todayOf, type UseCaseContext } from './use-case-context.ts';

export type HourlyRateInput =
  | { providerId: number; hourlyRateKr: number; validFrom: string }
  | { mentorId: number; kind: MentorRateKind; hourlyRateKr: number; validFrom: string };

/**
 * A new hourly rate with validity (issue 4 point 1): a provider's price, a mentor's own price (e.g. an
 * external consultant's fee) or the internal cost rate of the municipality's own mentor. The rate it
 * succeeds is closed the day before, so costs before the change keep their old price.
 */
export async function addHourlyRate(ctx: UseCaseContext, input: HourlyRateInput): Promise<RateRecord & { kind: string }> {
  requirePermission(ctx, 'economy:write');
  if (!isCalendarDate(input.validFrom)) throw new AppError('INVALID_INPUT', 'validFrom must be a date YYYY-MM-DD', { field: 'validFrom' });
  if (!Number.isFinite(input.hourlyRateKr) || input.hourlyRateKr < 0) {
    throw new AppError('INVALID_INPUT', 'hourlyRateKr must be 0 or more', { field: 'hourlyRateKr' });
  }
  const municipalityId = ctx.actor.municipalityId;
  return ctx.db.transaction(async (tx) => {
    const rates = hourlyRatesRepository(tx);
    if ('providerId' in input) {
      if (!(await providersRepository(tx).findById(municipalityId, input.providerId, todayOf(ctx)))) {
        throw new AppError('NOT_FOUND', `Provider ${input.providerId} not found`, { field: 'providerId' });
      }
      const decision = decideRateSuccession({
        existing: await rates.listProviderRates(municipalityId, input.providerId),
        validFrom: input.validFrom,
      });
      if (decision.outcome === 'conflict') throw new AppError('CONFLICT', decision.message, { field: 'validFrom' });
      if (decision.close) await rates.closeProviderRate(municipalityId, decision.close.id, decision.close.validTo);
      const rate = await rates.addProviderRate({
        municipalityId,
        providerId: input.providerId,
        hourlyRateKr: input.hourlyRateKr,
        validFrom: input.validFrom,
        validTo: null,
      });
      return { ...rate, kind: 'provider' };
    }
    if (!(await mentorsRepository(tx).findById(municipalityId, input.mentorId))) {
      throw new AppError('NOT_FOUND', `Mentor ${input.mentorId} not found`, { field: 'mentorId' });
    }
    const decision = decideRateSuccession({
      existing: await rates.listMentorRates(municipalityId, input.mentorId, input.kind),
      validFrom: input.validFrom,
    });
    if (decision.outcome === 'conflict') throw new AppError('CONFLICT', decision.message, { field: 'validFrom' });
    if (decision.close) await rates.closeMentorRate(municipalityId, decision.close.id, decision.close.validTo);
    const rate = await rates.addMentorRate({
      municipalityId,
      mentorId: input.mentorId,
      kind: input.kind,
      hourlyRateKr: input.hourlyRateKr,
      validFrom: input.validFrom,
      validTo: null,
      createdBy: ctx.actor.userId,
    });
    return { ...rate, kind: input.kind };
  });
}
