import { regimesRepository } from '../db/repositories/regimes-repository.ts';
import type { LegalRegime } from '../domain/legal-regime.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export async function listRegimes(ctx: UseCaseContext): Promise<LegalRegime[]> {
  requirePermission(ctx, 'regime:read');
  return regimesRepository(ctx.db).listByMunicipality(ctx.actor.municipalityId);
}
