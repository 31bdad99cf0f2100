import { instrumentsRepository, type InstrumentRecord } from '../db/repositories/instruments-repository.ts';
import { findInstrumentProblems, type InstrumentDefinition } from '../domain/progression.ts';
import { AppError } from '../errors.ts';
import { ensureDefaultInstrument } from './ensure-default-instrument.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export function assertValidInstrument(definition: InstrumentDefinition): void {
  const problems = findInstrumentProblems(definition);
  if (problems.length > 0)
    throw new AppError('INVALID_INPUT', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
      field: problems[0]!.field,
      problems,
    });
}

/**
 * A new instrument (domain spec §5.4, §8.3 "progression instruments and scales"), or with `basedOn`
 * a new version of an existing one: versions keep the key, so distance travelled can be followed
 * across versions by indicator code.
 */
export async function createInstrument(
  ctx: UseCaseContext,
  input: { definition: InstrumentDefinition; key?: string | null; basedOn?: number | null },
): Promise<InstrumentRecord> {
  requirePermission(ctx, 'instrument:write');
  assertValidInstrument(input.definition);
  return ctx.db.transaction(async (tx) => {
    await ensureDefaultInstrument(tx, ctx.actor.municipalityId);
    const repo = instrumentsRepository(tx);
    const municipalityId = ctx.actor.municipalityId;
    let key: string;
    let isDefault = false;
    if (input.basedOn) {
      const base = await repo.findById(municipalityId, input.basedOn);
      if (!base) throw new AppError('NOT_FOUND', `Instrument ${input.basedOn} not found`);
      key = base.key;
      isDefault = base.isDefault;
    } else {
      key = (input.key ?? input.definition.name)
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 60);
      if (key === '') throw new AppError('INVALID_INPUT', 'key must contain letters or digits', { field: 'key' });
      if ((await repo.latestVersionOf(municipalityId, key)) > 0)
        throw new AppError('CONFLICT', `An instrument with key '${key}' exists; create a new version of it instead`, { field: 'key' });
    }
    const version = (await repo.latestVersionOf(municipalityId, key)) + 1;
    const id = await repo.create({ municipalityId, key, version, isDefault, definition: input.definition, createdBy: ctx.actor.userId });
    return (await repo.findById(municipalityId, id))!;
  });
}
