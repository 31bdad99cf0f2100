import { municipalitiesRepository } from '../db/repositories/municipalities-repository.ts';
import { economySettingsOf, type EconomySettings } from '../domain/economy-settings.ts';
import { AppError } from '../errors.ts';
import type { UseCaseContext } from './use-case-context.ts';

/** Invoice tolerance and forecast look-back from the municipality's settings, over the defaults. */
export async function loadEconomySettings(ctx: Pick<UseCaseContext, 'db' | 'actor'>): Promise<EconomySettings> {
  const municipality = await municipalitiesRepository(ctx.db).findById(ctx.actor.municipalityId);
  if (!municipality) throw new AppError('NOT_FOUND', 'Municipality not found');
  const result = economySettingsOf(municipality.settings);
  if (!result.ok)
    throw new AppError('CONFIG_INVALID', `Stored economy settings are invalid: ${result.errors.join('; ')}`, { errors: result.errors });
  return result.value;
}
