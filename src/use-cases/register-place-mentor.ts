import { grantsRepository } from '../db/repositories/grants-repository.ts';
import { mentorsRepository } from '../db/repositories/mentors-repository.ts';
import { placeMentorsRepository, type PlaceMentorRecord } from '../db/repositories/place-mentors-repository.ts';
import { providersRepository } from '../db/repositories/providers-repository.ts';
import { compareDates, isCalendarDate } from '../domain/calendar-date.ts';
import type { GrantType } from '../domain/mentor-grant.ts';
import { checkPlaceMentor } from '../domain/place-mentor.ts';
import { AppError } from '../errors.ts';
import { requirePermission, todayOf, type UseCaseContext } from './use-case-context.ts';

/**
 * R-CMP-3: a per-place mentor (pladsmentor) with hours for the place and the grants of the persons it
 * serves; the place's hours are then shared among them in the cost.
 */
export async function registerPlaceMentor(
  ctx: UseCaseContext,
  input: {
    name: string;
    providerId: number;
    mentorId?: number | null;
    weeklyHours: number;
    startDate: string;
    endDate: string;
    grantIds: number[];
  },
): Promise<PlaceMentorRecord> {
  requirePermission(ctx, 'economy:write');
  const name = input.name.trim();
  if (name === '') throw new AppError('INVALID_INPUT', 'name is required', { field: 'name' });
  for (const field of ['startDate', 'endDate'] as const) {
    if (!isCalendarDate(input[field])) throw new AppError('INVALID_INPUT', `${field} must be a date YYYY-MM-DD`, { field });
  }
  if (compareDates(input.endDate, input.startDate) < 0)
    throw new AppError('INVALID_INPUT', 'endDate is before startDate', { field: 'endDate' });
  const municipalityId = ctx.actor.municipalityId;
  return ctx.db.transaction(async (tx) => {
    if (!(await providersRepository(tx).findById(municipalityId, input.providerId, todayOf(ctx)))) {
      throw new AppError('NOT_FOUND', `Provider ${input.providerId} not found`, { field: 'providerId' });
    }
    if (input.mentorId != null && !(await mentorsRepository(tx).findById(municipalityId, input.mentorId))) {
      throw new AppError('NOT_FOUND', `Mentor ${input.mentorId} not found`, { field: 'mentorId' });
    }
    const grants = grantsRepository(tx);
    const linkedGrants: { grantId: number; type: GrantType; status: string }[] = [];
    for (const grantId of new Set(input.grantIds)) {
      const grant = await grants.findById(municipalityId, grantId);
      if (!grant) throw new AppError('NOT_FOUND', `Grant ${grantId} not found`, { field: 'grantIds' });
      linkedGrants.push({ grantId, type: grant.type as GrantType, status: grant.status });
    }
    const findings = checkPlaceMentor({ weeklyHours: input.weeklyHours, startDate: input.startDate, endDate: input.endDate, linkedGrants });
    if (findings.length > 0) throw new AppError('RULE_VIOLATED', 'The place mentor breaks R-CMP-3', { findings });
    const id = await placeMentorsRepository(tx).create({
      municipalityId,
      providerId: input.providerId,
      mentorId: input.mentorId ?? null,
      name,
      weeklyHours: input.weeklyHours,
      startDate: input.startDate,
      endDate: input.endDate,
      grantIds: linkedGrants.map((g) => g.grantId),
      createdBy: ctx.actor.userId,
    });
    return (await placeMentorsRepository(tx).findById(municipalityId, id))!;
  });
}
