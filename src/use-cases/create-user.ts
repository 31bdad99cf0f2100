import { randomBytes } from 'node:crypto';
import { usersRepository, type UserRole } from '../db/repositories/users-repository.ts';
import { AppError } from '../errors.ts';
import { checkMentorLink, checkPassword } from './check-user-fields.ts';
import { hashPassword } from './log-in.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';
import { userViewOf, type UserView } from './user-view.ts';

/** A one-time password: 16 random characters (96 bits), shown once to the admin. */
export function oneTimePassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * An admin creates a user of the municipality (issue 11). Without a password the answer carries a
 * one-time password, shown once; the user should change it (or log in by single sign-on later).
 */
export async function createUser(
  ctx: UseCaseContext,
  input: { username: string; name: string; role: UserRole; password?: string | null; mentorId?: number | null },
): Promise<UserView & { oneTimePassword: string | null }> {
  requirePermission(ctx, 'user:manage');
  const username = input.username.trim().toLowerCase();
  const name = input.name.trim();
  if (!/^[a-z0-9._@-]{2,100}$/.test(username)) {
    throw new AppError('INVALID_INPUT', 'Brugernavnet må kun indeholde små bogstaver a–z, tal og . _ @ - (2–100 tegn).', {
      field: 'username',
      reason: 'USERNAME_FORMAT',
    });
  }
  if (name === '') throw new AppError('INVALID_INPUT', 'Navn skal udfyldes.', { field: 'name' });
  const generated = input.password ? null : oneTimePassword();
  const password = input.password ?? generated!;
  checkPassword(password, username);
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await checkMentorLink(tx, ctx.actor.municipalityId, input.role, input.mentorId ?? null);
    const user = await usersRepository(tx).createIfFree({
      municipalityId: ctx.actor.municipalityId,
      username,
      name,
      role: input.role,
      passwordHash,
      mentorId: input.mentorId ?? null,
      mustChangePassword: generated !== null,
    });
    if (!user) throw new AppError('CONFLICT', `Brugernavnet '${username}' er optaget.`, { field: 'username', reason: 'USERNAME_TAKEN' });
    await recordAudit(txCtx, { action: 'create', entity: 'user', criterion: `user:${user.username} role:${user.role}` });
    return { ...userViewOf(user), oneTimePassword: generated };
  });
}
