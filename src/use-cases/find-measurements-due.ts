import type { GrantRecord } from '../db/repositories/grants-repository.ts';
import { instrumentsRepository } from '../db/repositories/instruments-repository.ts';
import { measurementsRepository } from '../db/repositories/measurements-repository.ts';
import { calendarDateOf } from '../domain/calendar-date.ts';
import { measurementDue } from '../domain/progression.ts';
import { ensureDefaultInstrument } from './ensure-default-instrument.ts';
import { currentVersions } from './list-instruments.ts';
import type { UseCaseContext } from './use-case-context.ts';

/**
 * "Måling forfalden" for the worklist (issue 5 point 5): courses whose citizen measurement of the
 * default instrument is due (every cadence months from the start, §8.2) and not yet recorded.
 */
export async function findMeasurementsDue(
  ctx: UseCaseContext,
  grants: readonly GrantRecord[],
): Promise<{ grant: GrantRecord; round: number; dueDate: string }[]> {
  if (grants.length === 0) return [];
  await ensureDefaultInstrument(ctx.db, ctx.actor.municipalityId);
  const all = await instrumentsRepository(ctx.db).list(ctx.actor.municipalityId);
  const instrument = currentVersions(all)[0]!;
  const ids = new Set(all.filter((i) => i.key === instrument.key).map((i) => i.id));
  const measurements = await measurementsRepository(ctx.db).listByGrantIds(
    ctx.actor.municipalityId,
    grants.map((g) => g.id),
  );
  const today = calendarDateOf(ctx.now());
  return grants.flatMap((grant) => {
    const due = measurementDue({
      courseStart: grant.startDate,
      courseEnd: grant.actualEndDate ?? grant.endDate,
      cadenceMonths: instrument.cadenceMonths,
      measuredOn: measurements
        .filter((m) => m.grantId === grant.id && m.respondent === 'citizen' && ids.has(m.instrumentId))
        .map((m) => m.measuredOn),
      today,
    });
    return due ? [{ grant, ...due }] : [];
  });
}
