import { mentorsRepository, type MentorRecord } from '../db/repositories/mentors-repository.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export async function listMentors(ctx: UseCaseContext): Promise<MentorRecord[]> {
  requirePermission(ctx, 'register:read');
  return mentorsRepository(ctx.db).list(ctx.actor.municipalityId);
}
