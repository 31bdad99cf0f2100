import { grantsRepository } from '../db/repositories/grants-repository.ts';
import { isLimitedToOwnCitizens } from '../domain/access-policy.ts';
import { AppError } from '../errors.ts';
import type { UseCaseContext } from './use-case-context.ts';

/** The citizen ids the actor may see, or null for "all in the municipality" (mentors: own grants only). */
export async function visibleCitizenIds(ctx: UseCaseContext): Promise<number[] | null> {
  if (!isLimitedToOwnCitizens(ctx.actor.role)) return null;
  if (ctx.actor.mentorId === null) return [];
  return grantsRepository(ctx.db).citizenIdsOfMentor(ctx.actor.municipalityId, ctx.actor.mentorId);
}

/** Missing and invisible look the same (NOT_FOUND), so ids cannot be probed. */
export async function assertCitizenVisible(ctx: UseCaseContext, citizenId: number): Promise<void> {
  const visible = await visibleCitizenIds(ctx);
  if (visible !== null && !visible.includes(citizenId)) {
    throw new AppError('NOT_FOUND', `Citizen ${citizenId} not found`);
  }
}
