import { municipalitiesRepository } from '../db/repositories/municipalities-repository.ts';
import { validateMunicipalSettings, type MunicipalSettings } from '../domain/municipal-settings.ts';
import { AppError } from '../errors.ts';
import { loadMunicipalSettings } from './load-municipal-settings.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export async function updateMunicipalSettings(ctx: UseCaseContext, changes: Record<string, unknown>): Promise<MunicipalSettings> {
  requirePermission(ctx, 'settings:write');
  const current = await loadMunicipalSettings(ctx);
  const result = validateMunicipalSettings({ ...current, ...changes });
  if (!result.ok) throw new AppError('INVALID_INPUT', 'Invalid municipal settings', { errors: result.errors });
  await municipalitiesRepository(ctx.db).updateSettings(ctx.actor.municipalityId, result.value);
  return result.value;
}
