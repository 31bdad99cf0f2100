import { mentorsRepository, type MentorRecord, type TrainingModule } from '../db/repositories/mentors-repository.ts';
import { providersRepository } from '../db/repositories/providers-repository.ts';
import { isCalendarDate } from '../domain/calendar-date.ts';
import { AppError } from '../errors.ts';
import { requirePermission, todayOf, type UseCaseContext } from './use-case-context.ts';

export type RegisterMentorInput = {
  name: string;
  providerId: number;
  phone?: string | null;
  email?: string | null;
  specialties?: string[];
  languages?: string[];
  qualifications?: string[];
  weeklyCapacityHours?: number | null;
  hasAuthorityRole?: boolean;
  trainingModules?: TrainingModule[];
};

export async function registerMentor(ctx: UseCaseContext, input: RegisterMentorInput): Promise<MentorRecord> {
  requirePermission(ctx, 'register:write');
  const name = input.name.trim();
  if (name === '') throw new AppError('INVALID_INPUT', 'Name is required', { field: 'name' });
  const modules = input.trainingModules ?? [];
  const seen = new Set<number>();
  for (const t of modules) {
    if (!isCalendarDate(t.completedOn))
      throw new AppError('INVALID_INPUT', `Training module ${t.module}: invalid date`, { field: 'trainingModules' });
    if (seen.has(t.module)) throw new AppError('INVALID_INPUT', `Training module ${t.module} listed twice`, { field: 'trainingModules' });
    seen.add(t.module);
  }
  return ctx.db.transaction(async (tx) => {
    const provider = await providersRepository(tx).findById(ctx.actor.municipalityId, input.providerId, todayOf(ctx));
    if (!provider) throw new AppError('NOT_FOUND', `Provider ${input.providerId} not found`, { field: 'providerId' });
    const mentors = mentorsRepository(tx);
    const id = await mentors.create({
      municipalityId: ctx.actor.municipalityId,
      providerId: input.providerId,
      name,
      phone: input.phone ?? null,
      email: input.email ?? null,
      specialties: input.specialties ?? [],
      languages: input.languages ?? [],
      qualifications: input.qualifications ?? [],
      weeklyCapacityHours: input.weeklyCapacityHours ?? null,
      hasAuthorityRole: input.hasAuthorityRole ?? false,
      trainingModules: modules,
    });
    return (await mentors.findById(ctx.actor.municipalityId, id))!;
  });
}
