import { providersRepository, type ProviderRecord, type ProviderType } from '../db/repositories/providers-repository.ts';
import { AppError } from '../errors.ts';
import { requirePermission, todayOf, type UseCaseContext } from './use-case-context.ts';

export async function registerProvider(
  ctx: UseCaseContext,
  input: { name: string; type: ProviderType; hourlyRate?: number | null; rateValidFrom?: string | null },
): Promise<ProviderRecord> {
  requirePermission(ctx, 'register:write');
  const name = input.name.trim();
  if (name === '') throw new AppError('INVALID_INPUT', 'Name is required', { field: 'name' });
  return ctx.db.transaction(async (tx) => {
    const providers = providersRepository(tx);
    const id = await providers.create({ municipalityId: ctx.actor.municipalityId, name, type: input.type });
    if (input.hourlyRate !== undefined && input.hourlyRate !== null) {
      await providers.addRate({
        municipalityId: ctx.actor.municipalityId,
        providerId: id,
        hourlyRateKr: input.hourlyRate,
        validFrom: input.rateValidFrom ?? '2014-01-01',
        validTo: null,
      });
    }
    return (await providers.findById(ctx.actor.municipalityId, id, todayOf(ctx)))!;
  });
}
