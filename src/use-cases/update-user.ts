import { sessionsRepository } from '../db/repositories/sessions-repository.ts';
import { usersRepository, type UserRole } from '../db/repositories/users-repository.ts';
import { AppError } from '../errors.ts';
import { checkMentorLink } from './check-user-fields.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';
import { userViewOf, type UserView } from './user-view.ts';

/**
 * An admin changes a user's name, role, mentor link or active flag (issue 11). Deactivating ends all of
 * the user's sessions at once. An admin cannot deactivate or demote themself, and the last active admin
 * stays an active admin.
 */
export async function updateUser(
  ctx: UseCaseContext,
  id: number,
  input: { name?: string; role?: UserRole; active?: boolean; mentorId?: number | null },
): Promise<UserView> {
  requirePermission(ctx, 'user:manage');
  return ctx.db.transaction(async (tx) => {
    const users = usersRepository(tx);
    const user = await users.findInMunicipality(ctx.actor.municipalityId, id);
    if (!user) throw new AppError('NOT_FOUND', `User ${id} not found`);
    const next = {
      name: input.name === undefined ? user.name : input.name.trim(),
      role: input.role ?? user.role,
      active: input.active ?? user.active,
      mentorId: input.mentorId === undefined ? (input.role && input.role !== 'mentor' ? null : user.mentorId) : input.mentorId,
    };
    if (next.name === '') throw new AppError('INVALID_INPUT', 'Navn skal udfyldes.', { field: 'name' });
    const losesAdmin = user.role === 'admin' && user.active && (next.role !== 'admin' || !next.active);
    if (losesAdmin && user.id === ctx.actor.userId)
      throw new AppError('CONFLICT', 'Du kan ikke fjerne din egen administratoradgang.', { reason: 'OWN_ADMIN_ACCESS' });
    if (losesAdmin && (await users.countActiveAdmins(ctx.actor.municipalityId)) <= 1) {
      throw new AppError('CONFLICT', 'Kommunen skal have mindst én aktiv administrator.', { reason: 'LAST_ADMIN' });
    }
    await checkMentorLink(tx, ctx.actor.municipalityId, next.role, next.mentorId);
    await users.update(ctx.actor.municipalityId, id, next);
    // A deactivated user, or one whose role changed, starts over: every open session ends now.
    const ended = !next.active || next.role !== user.role ? await sessionsRepository(tx).deleteAllOfUser(id) : 0;
    const changes = (['name', 'role', 'active', 'mentorId'] as const)
      .filter((k) => next[k] !== user[k])
      .map((k) => `${k}=${String(next[k])}`);
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: 'update',
        entity: 'user',
        criterion: `user:${user.username} ${changes.join(' ')}${ended > 0 ? ` sessions-ended:${ended}` : ''}`.slice(0, 300),
      },
    );
    return userViewOf((await users.findInMunicipality(ctx.actor.municipalityId, id))!);
  });
}
