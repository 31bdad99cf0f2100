import type { Database } from '../db/database.ts';
import { mentorsRepository } from '../db/repositories/mentors-repository.ts';
import type { UserRole } from '../db/repositories/users-repository.ts';
import { passwordProblem, passwordProblemText } from '../domain/password-policy.ts';
import { AppError } from '../errors.ts';

/** A mentor user is linked to exactly one mentor of the same municipality; other roles to none. */
export async function checkMentorLink(db: Database, municipalityId: number, role: UserRole, mentorId: number | null): Promise<void> {
  if (role !== 'mentor') {
    if (mentorId !== null)
      throw new AppError('INVALID_INPUT', 'Only a mentor user is linked to a mentor', {
        field: 'mentorId',
        reason: 'MENTOR_ONLY_FOR_MENTORS',
      });
    return;
  }
  if (mentorId === null)
    throw new AppError('INVALID_INPUT', 'A mentor user must be linked to a mentor', { field: 'mentorId', reason: 'MENTOR_REQUIRED' });
  if (!(await mentorsRepository(db).findById(municipalityId, mentorId)))
    throw new AppError('NOT_FOUND', `Mentor ${mentorId} not found`, { field: 'mentorId' });
}

/** The password policy (domain/password-policy.ts) as a 400 with the Danish reason. */
export function checkPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError('INVALID_INPUT', passwordProblemText[problem], { field: 'password', reason: `PASSWORD_${problem}` });
}
