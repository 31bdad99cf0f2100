import { registerMappingsRepository, type RegisterMappingRecord } from '../db/repositories/register-mappings-repository.ts';
import { isBuiltInMappingKey } from '../domain/register-mappings.ts';
import type { OutcomeCategory } from '../domain/outcome-categories.ts';
import { AppError } from '../errors.ts';
import { ensureBuiltInMappings } from './list-register-mappings.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export async function getRegisterMapping(ctx: UseCaseContext, id: number): Promise<RegisterMappingRecord> {
  requirePermission(ctx, 'outcomes:import');
  const mapping = await ctx.db.transaction(async (tx) => {
    await ensureBuiltInMappings({ ...ctx, db: tx });
    return registerMappingsRepository(tx).find({ municipalityId: ctx.actor.municipalityId, id });
  });
  if (!mapping) throw new AppError('NOT_FOUND', `Register mapping ${id} not found`);
  return mapping;
}

export type MappingForImport = { id: number; name: string; verified: boolean; codes: Map<string, OutcomeCategory> };

/**
 * The mapping an import names: `dst`, `dream` or the id of an uploaded one. Anything else is
 * INVALID_INPUT (the caller's choice is wrong, not a missing resource).
 */
export async function loadMappingForImport(ctx: UseCaseContext, mapping: string): Promise<MappingForImport> {
  const text = mapping.trim();
  const builtIn = isBuiltInMappingKey(text);
  if (!builtIn && !/^[1-9]\d{0,8}$/.test(text))
    throw new AppError('INVALID_INPUT', `Unknown mapping '${mapping}': use dst, dream or the id of an uploaded mapping`, {
      field: 'mapping',
    });
  await ensureBuiltInMappings(ctx);
  const repository = registerMappingsRepository(ctx.db);
  const record = builtIn
    ? await repository.find({ municipalityId: ctx.actor.municipalityId, key: text })
    : await repository.find({ municipalityId: ctx.actor.municipalityId, id: Number(text) });
  if (!record)
    throw new AppError('INVALID_INPUT', `Unknown mapping '${mapping}': use dst, dream or the id of an uploaded mapping`, {
      field: 'mapping',
    });
  return {
    id: record.id,
    name: record.key ?? record.name,
    verified: record.verified,
    codes: new Map(record.codes.map((c) => [c.code, c.category as OutcomeCategory])),
  };
}
