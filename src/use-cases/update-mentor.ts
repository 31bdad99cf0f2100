import { mentorsRepository, type MentorChanges, type MentorRecord } from '../db/repositories/mentors-repository.ts';
import { providersRepository } from '../db/repositories/providers-repository.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, todayOf, type UseCaseContext } from './use-case-context.ts';

/**
 * A coordinator corrects a mentor (issue 14): name, provider (which gives the mentor's type), contact,
 * specialties, languages, qualifications, weekly capacity, authority role and whether the mentor is
 * active. Lists are trimmed and de-duplicated; a mentor with running approved grants cannot be made
 * inactive (CONFLICT, reason MENTOR_HAS_RUNNING_GRANTS) — the grants need another mentor first. Audited.
 */
export async function updateMentor(ctx: UseCaseContext, mentorId: number, changes: MentorChanges): Promise<MentorRecord> {
  requirePermission(ctx, 'register:write');
  const clean: MentorChanges = { ...changes };
  if (changes.name !== undefined) {
    clean.name = changes.name.trim();
    if (clean.name === '') throw new AppError('INVALID_INPUT', 'Name is required', { field: 'name', reason: 'REQUIRED' });
  }
  for (const key of ['phone', 'email'] as const) {
    const value = changes[key];
    if (typeof value === 'string') clean[key] = value.trim() === '' ? null : value.trim();
  }
  for (const key of ['specialties', 'languages', 'qualifications'] as const) {
    const list = changes[key];
    if (list) {
      const items = list.map((x) => x.trim());
      if (items.some((x) => x === '')) throw new AppError('INVALID_INPUT', `${key}: an empty entry`, { field: key, reason: 'EMPTY_ENTRY' });
      clean[key] = [...new Set(items)];
    }
  }
  const changed = Object.keys(clean).filter((key) => clean[key as keyof MentorChanges] !== undefined);
  if (changed.length === 0) throw new AppError('INVALID_INPUT', 'Nothing to change', { field: 'body', reason: 'NO_CHANGES' });
  return ctx.db.transaction(async (tx) => {
    const mentors = mentorsRepository(tx);
    const municipalityId = ctx.actor.municipalityId;
    if (!(await mentors.findById(municipalityId, mentorId))) throw new AppError('NOT_FOUND', `Mentor ${mentorId} not found`);
    if (clean.providerId !== undefined && !(await providersRepository(tx).findById(municipalityId, clean.providerId, todayOf(ctx)))) {
      throw new AppError('NOT_FOUND', `Provider ${clean.providerId} not found`, { field: 'providerId' });
    }
    if (clean.active === false) {
      const running = await mentors.countRunningGrants(municipalityId, mentorId, todayOf(ctx));
      if (running > 0)
        throw new AppError('CONFLICT', `Mentor ${mentorId} has ${running} running grant(s)`, {
          field: 'active',
          reason: 'MENTOR_HAS_RUNNING_GRANTS',
          runningGrants: running,
        });
    }
    await mentors.update(municipalityId, mentorId, clean);
    await recordAudit({ ...ctx, db: tx }, { action: 'update', entity: 'mentor', criterion: `mentor:${mentorId} ${changed.join(',')}` });
    return (await mentors.findById(municipalityId, mentorId))!;
  });
}
