import { instrumentsRepository, type InstrumentRecord } from '../db/repositories/instruments-repository.ts';
import type { InstrumentDefinition } from '../domain/progression.ts';
import { AppError } from '../errors.ts';
import { assertValidInstrument } from './create-instrument.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/** Corrects a version nobody has measured with yet; a used version is immutable (edit = new version). */
export async function updateInstrument(ctx: UseCaseContext, id: number, definition: InstrumentDefinition): Promise<InstrumentRecord> {
  requirePermission(ctx, 'instrument:write');
  assertValidInstrument(definition);
  return ctx.db.transaction(async (tx) => {
    const repo = instrumentsRepository(tx);
    const found = await repo.findById(ctx.actor.municipalityId, id);
    if (!found) throw new AppError('NOT_FOUND', `Instrument ${id} not found`);
    if (found.measurementCount > 0) {
      throw new AppError(
        'CONFLICT',
        `Version ${found.version} has ${found.measurementCount} measurement(s) and cannot change; create a new version`,
        { measurementCount: found.measurementCount },
      );
    }
    await repo.replace({ municipalityId: ctx.actor.municipalityId, id, definition });
    return (await repo.findById(ctx.actor.municipalityId, id))!;
  });
}
