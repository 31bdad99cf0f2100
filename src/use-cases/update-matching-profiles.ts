import { citizensRepository } from '../db/repositories/citizens-repository.ts';
import { matchingRepository, type CitizenMatchingProfile } from '../db/repositories/matching-repository.ts';
import { AppError } from '../errors.ts';
import { assertCitizenVisible } from './citizen-scope.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/** What the citizen needs from a mentor (barriers → specialties, language, gender preference, postcode). */
export async function updateCitizenMatchingProfile(
  ctx: UseCaseContext,
  citizenId: number,
  profile: CitizenMatchingProfile,
): Promise<CitizenMatchingProfile> {
  requirePermission(ctx, 'citizen:write');
  return ctx.db.transaction(async (tx) => {
    if (!(await citizensRepository(tx).findById(ctx.actor.municipalityId, citizenId)))
      throw new AppError('NOT_FOUND', `Citizen ${citizenId} not found`);
    await matchingRepository(tx).updateCitizenProfile(ctx.actor.municipalityId, citizenId, profile);
    await recordAudit({ ...ctx, db: tx }, { action: 'update', entity: 'citizen', citizenIds: [citizenId] });
    return profile;
  });
}

/** A mentor's postcode and gender for matching. */
export async function updateMentorMatchingProfile(
  ctx: UseCaseContext,
  mentorId: number,
  profile: { postcode: string | null; gender: string | null },
): Promise<void> {
  requirePermission(ctx, 'register:write');
  if (!(await matchingRepository(ctx.db).updateMentorProfile(ctx.actor.municipalityId, mentorId, profile)))
    throw new AppError('NOT_FOUND', `Mentor ${mentorId} not found`);
}

/** R-PRV-style exclusion: a family or personal relation between a mentor and a citizen. */
export async function recordMentorRelation(
  ctx: UseCaseContext,
  input: { mentorId: number; citizenId: number; reason: string },
): Promise<void> {
  requirePermission(ctx, 'citizen:write');
  await matchingRepository(ctx.db).recordRelation({ municipalityId: ctx.actor.municipalityId, ...input });
  await recordAudit(ctx, { action: 'update', entity: 'mentor_relation', citizenIds: [input.citizenId] });
}

export async function getCitizenMatchingProfile(ctx: UseCaseContext, citizenId: number): Promise<CitizenMatchingProfile> {
  requirePermission(ctx, 'citizen:read');
  await assertCitizenVisible(ctx, citizenId);
  const profile = await matchingRepository(ctx.db).findCitizenProfile(ctx.actor.municipalityId, citizenId);
  if (!profile) throw new AppError('NOT_FOUND', `Citizen ${citizenId} not found`);
  await recordAudit(ctx, { action: 'read', entity: 'citizen', citizenIds: [citizenId] });
  return profile;
}
