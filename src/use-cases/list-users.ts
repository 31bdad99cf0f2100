import { usersRepository } from '../db/repositories/users-repository.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';
import { userViewOf, type UserView } from './user-view.ts';

/** The municipality's users, active first (admin only, issue 11). */
export async function listUsers(ctx: UseCaseContext): Promise<UserView[]> {
  requirePermission(ctx, 'user:manage');
  return (await usersRepository(ctx.db).listByMunicipality(ctx.actor.municipalityId)).map(userViewOf);
}
