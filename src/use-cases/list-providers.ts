import { providersRepository, type ProviderRecord } from '../db/repositories/providers-repository.ts';
import { requirePermission, todayOf, type UseCaseContext } from './use-case-context.ts';

export async function listProviders(ctx: UseCaseContext): Promise<ProviderRecord[]> {
  requirePermission(ctx, 'register:read');
  return providersRepository(ctx.db).list(ctx.actor.municipalityId, todayOf(ctx));
}
