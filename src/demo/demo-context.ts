import type { Database } from '../db/database.ts';
import type { UserRole } from '../db/repositories/users-repository.ts';
import type { UseCaseContext } from '../use-cases/use-case-context.ts';

/** The use-case context demo loaders act in: a named demo user, purpose `demo_data`, a fixed clock. */
export function demoContext(
  db: Database,
  input: { municipalityId: number; municipalityName: string; now: Date },
  user: { id: number; username: string; name: string; role: UserRole },
): UseCaseContext {
  return {
    db,
    actor: {
      userId: user.id,
      username: user.username,
      name: user.name,
      role: user.role,
      municipalityId: input.municipalityId,
      municipalityName: input.municipalityName,
      mentorId: null,
    },
    purpose: 'demo_data',
    now: () => input.now,
  };
}
