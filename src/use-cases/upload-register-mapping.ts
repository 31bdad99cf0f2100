import { registerMappingsRepository, type RegisterMappingSummary } from '../db/repositories/register-mappings-repository.ts';
import { parseMappingCsv } from '../domain/register-mappings.ts';
import { AppError } from '../errors.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/**
 * An admin uploads a custom register code mapping (issue 5), CSV `code;category`: every bad line (unknown
 * §4.2 category, duplicate code) is reported with its number and nothing is stored. It counts as
 * verified only when the admin says so (e.g. the authoritative DREAM list from STAR).
 */
export async function uploadRegisterMapping(
  ctx: UseCaseContext,
  input: { name: string; csv: string; verified?: boolean; sourceNote?: string },
): Promise<RegisterMappingSummary> {
  requirePermission(ctx, 'mapping:write');
  const name = input.name.trim();
  if (name === '' || name.length > 200)
    throw new AppError('INVALID_INPUT', 'The mapping needs a name (at most 200 characters)', { field: 'name' });
  const parsed = parseMappingCsv(input.csv);
  if (!parsed.ok)
    throw new AppError('INVALID_INPUT', `${parsed.errors.length} bad line(s) in the mapping; nothing was stored`, {
      errors: parsed.errors,
    });
  return ctx.db.transaction(async (tx) => {
    const repository = registerMappingsRepository(tx);
    const id = await repository.create({
      municipalityId: ctx.actor.municipalityId,
      name,
      verified: input.verified ?? false,
      sourceNote: input.sourceNote?.trim() ?? '',
      codes: parsed.codes,
      createdBy: ctx.actor.userId,
    });
    const { codes: _codes, ...summary } = (await repository.find({ municipalityId: ctx.actor.municipalityId, id }))!;
    return summary;
  });
}
