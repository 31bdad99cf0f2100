import { sessionsRepository } from '../db/repositories/sessions-repository.ts';
import { usersRepository } from '../db/repositories/users-repository.ts';
import { AppError } from '../errors.ts';
import { oneTimePassword } from './create-user.ts';
import { hashPassword } from './log-in.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/** An admin gives a user a new one-time password, shown once, to be changed at login; the user's open sessions end (issue 11). */
export async function resetUserPassword(ctx: UseCaseContext, id: number): Promise<{ oneTimePassword: string }> {
  requirePermission(ctx, 'user:manage');
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const users = usersRepository(tx);
    const user = await users.findInMunicipality(ctx.actor.municipalityId, id);
    if (!user) throw new AppError('NOT_FOUND', `User ${id} not found`);
    await users.setPasswordHash(ctx.actor.municipalityId, id, passwordHash, true);
    await sessionsRepository(tx).deleteAllOfUser(id);
    await recordAudit({ ...ctx, db: tx }, { action: 'update', entity: 'user', criterion: `user:${user.username} password-reset` });
    return { oneTimePassword: password };
  });
}
