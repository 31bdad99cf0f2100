import { municipalitiesRepository } from '../db/repositories/municipalities-repository.ts';
import { defaultMunicipalSettings, validateMunicipalSettings, type MunicipalSettings } from '../domain/municipal-settings.ts';
import { AppError } from '../errors.ts';
import type { UseCaseContext } from './use-case-context.ts';

/** The municipality's configurable norms (domain spec §8.3), stored values over the defaults. */
export async function loadMunicipalSettings(ctx: Pick<UseCaseContext, 'db' | 'actor'>): Promise<MunicipalSettings> {
  const municipality = await municipalitiesRepository(ctx.db).findById(ctx.actor.municipalityId);
  if (!municipality) throw new AppError('NOT_FOUND', 'Municipality not found');
  const merged = { ...defaultMunicipalSettings, ...((municipality.settings ?? {}) as object) };
  const result = validateMunicipalSettings(merged);
  if (!result.ok) {
    throw new AppError('CONFIG_INVALID', `Stored municipal settings are invalid: ${result.errors.join('; ')}`, { errors: result.errors });
  }
  return result.value;
}
