import { verify } from '@node-rs/argon2';
import { usersRepository } from '../db/repositories/users-repository.ts';
import { AppError } from '../errors.ts';
import { checkPassword } from './check-user-fields.ts';
import { hashPassword } from './log-in.ts';
import { recordAudit } from './record-audit.ts';
import type { UseCaseContext } from './use-case-context.ts';

/**
 * A user chooses their own password (issue 11): required after a one-time password, allowed any time.
 * The current password must be given; the new one follows the password policy and differs from it.
 */
export async function changeOwnPassword(ctx: UseCaseContext, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const users = usersRepository(ctx.db);
  const user = await users.findInMunicipality(ctx.actor.municipalityId, ctx.actor.userId);
  if (!user || !(await verify(user.passwordHash, input.currentPassword))) {
    throw new AppError('INVALID_INPUT', 'Den nuværende adgangskode er forkert.', { field: 'currentPassword', reason: 'WRONG_PASSWORD' });
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('INVALID_INPUT', 'Vælg en anden adgangskode end den nuværende.', {
      field: 'newPassword',
      reason: 'PASSWORD_UNCHANGED',
    });
  }
  checkPassword(input.newPassword, user.username);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await usersRepository(tx).setPasswordHash(ctx.actor.municipalityId, user.id, passwordHash, false);
    await recordAudit({ ...ctx, db: tx }, { action: 'update', entity: 'user', criterion: `user:${user.username} password-changed` });
  });
}
