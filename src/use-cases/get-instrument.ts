import { instrumentsRepository, type InstrumentRecord } from '../db/repositories/instruments-repository.ts';
import { AppError } from '../errors.ts';
import { ensureDefaultInstrument } from './ensure-default-instrument.ts';
import type { UseCaseContext } from './use-case-context.ts';

export async function getInstrument(ctx: UseCaseContext, id: number): Promise<InstrumentRecord> {
  await ensureDefaultInstrument(ctx.db, ctx.actor.municipalityId);
  const found = await instrumentsRepository(ctx.db).findById(ctx.actor.municipalityId, id);
  if (!found) throw new AppError('NOT_FOUND', `Instrument ${id} not found`);
  return found;
}
