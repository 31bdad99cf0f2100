import type { Database } from '../db/database.ts';
import type { JobData } from '../db/job-queue.ts';
import { usersRepository } from '../db/repositories/users-repository.ts';
import { AppError } from '../errors.ts';
import { actorOf } from './log-in.ts';
import { tenantContext, type UseCaseContext } from './use-case-context.ts';

/** Who queued a job and why: the job runs as that user, in that municipality, with that purpose. */
export type JobOrigin = { municipalityId: number; userId: number; purpose: string };

export function jobOriginOf(ctx: UseCaseContext): JobOrigin {
  return { municipalityId: ctx.actor.municipalityId, userId: ctx.actor.userId, purpose: ctx.purpose };
}

/** A job's data comes back from the database: checked like any other input before it is used. */
export function jobField<T extends 'number' | 'string' | 'boolean' | 'object'>(
  data: JobData,
  name: string,
  type: T,
): T extends 'number' ? number : T extends 'string' ? string : T extends 'boolean' ? boolean : Record<string, unknown> {
  const value = data[name];
  const ok = type === 'object' ? typeof value === 'object' && value !== null && !Array.isArray(value) : typeof value === type;
  if (!ok || (type === 'number' && !Number.isSafeInteger(value))) throw new AppError('INVALID_INPUT', `job data: ${name} is not a ${type}`);
  return value as never;
}

/**
 * The use-case context of a queued job, in whichever process runs it: the queuing user as actor (their
 * current role: a user whose rights were taken away in between cannot run it), row-level security on.
 */
export async function jobContext(db: Database, data: JobData): Promise<UseCaseContext> {
  const municipalityId = jobField(data, 'municipalityId', 'number');
  const user = await usersRepository(db).findById(jobField(data, 'userId', 'number'));
  if (!user || user.municipalityId !== municipalityId) throw new AppError('NOT_FOUND', 'The user who started the job no longer exists');
  return tenantContext(db, await actorOf(db, user), jobField(data, 'purpose', 'string'), () => new Date());
}
