/** Test harness: a use-case context acting as one of the demo users (sara, mads, kirsten, lars, admin). */
import type { Database } from '../db/database.ts';
import { municipalitiesRepository } from '../db/repositories/municipalities-repository.ts';
import { usersRepository } from '../db/repositories/users-repository.ts';
import type { UseCaseContext } from '../use-cases/use-case-context.ts';

export async function demoUserContext(db: Database, username: string, now: Date): Promise<UseCaseContext> {
  const municipality = (await municipalitiesRepository(db).findFirst())!;
  const user = (await usersRepository(db).findByUsername(username))!;
  return {
    db,
    actor: {
      userId: user.id,
      username: user.username,
      name: user.name,
      role: user.role,
      municipalityId: municipality.id,
      municipalityName: municipality.name,
      mentorId: user.mentorId ?? null,
    },
    purpose: 'test',
    now: () => now,
  };
}
