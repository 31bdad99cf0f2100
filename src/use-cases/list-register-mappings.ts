import { registerMappingsRepository, type RegisterMappingSummary } from '../db/repositories/register-mappings-repository.ts';
import { builtInMappings } from '../domain/register-mappings.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/** Stores the built-in DST (verified) and DREAM (unverified) mappings for the municipality on first use. */
export async function ensureBuiltInMappings(ctx: UseCaseContext): Promise<void> {
  const mappings = registerMappingsRepository(ctx.db);
  for (const definition of Object.values(builtInMappings)) {
    await mappings.ensureBuiltIn({ municipalityId: ctx.actor.municipalityId, ...definition });
  }
}

/** The municipality's register code mappings (issue 5): DST, the DREAM template and uploaded ones. */
export async function listRegisterMappings(ctx: UseCaseContext): Promise<RegisterMappingSummary[]> {
  requirePermission(ctx, 'outcomes:import');
  return ctx.db.transaction(async (tx) => {
    await ensureBuiltInMappings({ ...ctx, db: tx });
    return registerMappingsRepository(tx).list(ctx.actor.municipalityId);
  });
}
