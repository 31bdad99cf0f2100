import { companyMentorWageCostsRepository, type WageCostRecord } from '../db/repositories/company-mentor-wage-costs-repository.ts';
import { mentorsRepository } from '../db/repositories/mentors-repository.ts';
import { isCalendarDate } from '../domain/calendar-date.ts';
import { decideCompanyMentorHourlyCost, type WageCostLineInput } from '../domain/company-mentor-cost.ts';
import { decideRateSuccession } from '../domain/grant-cost.ts';
import { AppError } from '../errors.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/**
 * R-CMP-2: a company mentor's hourly wage cost from wage, holiday pay, pension and employer
 * contributions, valid from a date; overhead, sick pay, transport time and travel are refused (422).
 */
export async function setCompanyMentorWageCost(
  ctx: UseCaseContext,
  input: { mentorId: number; validFrom: string; lines: WageCostLineInput[] },
): Promise<WageCostRecord> {
  requirePermission(ctx, 'economy:write');
  if (!isCalendarDate(input.validFrom)) throw new AppError('INVALID_INPUT', 'validFrom must be a date YYYY-MM-DD', { field: 'validFrom' });
  const decision = decideCompanyMentorHourlyCost({ lines: input.lines });
  if (decision.outcome === 'reject') {
    throw new AppError('RULE_VIOLATED', 'The wage cost contains components that cannot be billed (R-CMP-2)', {
      findings: decision.findings,
    });
  }
  const municipalityId = ctx.actor.municipalityId;
  return ctx.db.transaction(async (tx) => {
    const mentor = await mentorsRepository(tx).findById(municipalityId, input.mentorId);
    if (!mentor) throw new AppError('NOT_FOUND', `Mentor ${input.mentorId} not found`, { field: 'mentorId' });
    if (mentor.providerType !== 'company' && mentor.providerType !== 'education') {
      throw new AppError('INVALID_INPUT', 'A wage cost applies to company and education-institution mentors only', { field: 'mentorId' });
    }
    const costs = companyMentorWageCostsRepository(tx);
    const succession = decideRateSuccession({
      existing: await costs.listByMentor(municipalityId, input.mentorId),
      validFrom: input.validFrom,
    });
    if (succession.outcome === 'conflict') throw new AppError('CONFLICT', succession.message, { field: 'validFrom' });
    if (succession.close) await costs.close(municipalityId, succession.close.id, succession.close.validTo);
    const id = await costs.create({
      municipalityId,
      mentorId: input.mentorId,
      validFrom: input.validFrom,
      hourlyCostKr: Math.round(decision.hourlyCostKr * 100) / 100,
      lines: decision.lines,
      createdBy: ctx.actor.userId,
    });
    return (await costs.listByMentor(municipalityId, input.mentorId)).find((c) => c.id === id)!;
  });
}
