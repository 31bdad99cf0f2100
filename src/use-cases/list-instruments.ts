import { instrumentsRepository, type InstrumentRecord } from '../db/repositories/instruments-repository.ts';
import { ensureDefaultInstrument } from './ensure-default-instrument.ts';
import type { UseCaseContext } from './use-case-context.ts';

/** All instruments with all their versions (newest last per key); open to every role (no citizen data). */
export async function listInstruments(ctx: UseCaseContext): Promise<InstrumentRecord[]> {
  await ensureDefaultInstrument(ctx.db, ctx.actor.municipalityId);
  return instrumentsRepository(ctx.db).list(ctx.actor.municipalityId);
}

/** The current (latest) version of each instrument; the default instrument first. */
export function currentVersions(all: readonly InstrumentRecord[]): InstrumentRecord[] {
  const latest = new Map<string, InstrumentRecord>();
  for (const i of all) if ((latest.get(i.key)?.version ?? 0) < i.version) latest.set(i.key, i);
  return [...latest.values()].sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.key.localeCompare(b.key));
}
