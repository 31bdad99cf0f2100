/** Test harness: a use-case context acting as one of the demo users (sara, mads, kirsten, lars, admin). */
import type { Database } from '../db/database.ts';
import { municipalitiesRepository } from '../db/repositories/municipalities-repository.ts';
import { usersRepository } from '../db/repositories/users-repository.ts';
import type { UseCaseContext } from '../use-cases/use-case-context.ts';
import { demoContext } from './demo-context.ts';

export async function demoUserContext(db: Database, username: string, now: Date): Promise<UseCaseContext> {
  const municipality = (await municipalitiesRepository(db).findFirst())!;
  const user = (await usersRepository(db).findByUsername(username))!;
  const input = { municipalityId: municipality.id, municipalityName: municipality.name, now };
  // The demo loaders act without a mentor link; a test acting as a mentor user needs theirs.
  const context = demoContext(db, input, user);
  return { ...context, actor: { ...context.actor, mentorId: user.mentorId ?? null }, purpose: 'test' };
}
