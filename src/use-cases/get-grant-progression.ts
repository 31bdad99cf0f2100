import { instrumentsRepository, type InstrumentRecord } from '../db/repositories/instruments-repository.ts';
import { measurementsRepository, type MeasurementRecord } from '../db/repositories/measurements-repository.ts';
import { calendarDateOf } from '../domain/calendar-date.ts';
import {
  findDisagreements,
  measurementDue,
  measurementRoundOf,
  summariseProgression,
  type Disagreement,
  type IndicatorProgress,
} from '../domain/progression.ts';
import { ensureDefaultInstrument } from './ensure-default-instrument.ts';
import { loadVisibleGrant } from './get-grant.ts';
import { currentVersions } from './list-instruments.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export type InstrumentProgression = {
  instrument: InstrumentRecord;
  measurements: (MeasurementRecord & { round: number })[];
  progress: IndicatorProgress[];
  disagreements: Disagreement[];
  due: { round: number; dueDate: string } | null;
};

/**
 * Progression of one course (issue 5 point 5): per instrument (all versions of its key, indicators of
 * the current version), the measurements, first and latest value and distance travelled per
 * indicator and respondent, citizen–mentor disagreement per round, and the measurement due now.
 */
export async function getGrantProgression(
  ctx: UseCaseContext,
  grantId: number,
): Promise<{ grantId: number; instruments: InstrumentProgression[] }> {
  requirePermission(ctx, 'grant:read');
  const grant = await loadVisibleGrant(ctx, grantId);
  await ensureDefaultInstrument(ctx.db, ctx.actor.municipalityId);
  const all = await instrumentsRepository(ctx.db).list(ctx.actor.municipalityId);
  const measurements = await measurementsRepository(ctx.db).listByGrantIds(ctx.actor.municipalityId, [grantId]);
  const keyOf = new Map(all.map((i) => [i.id, i.key]));
  // Every current instrument (the default first), so a configured instrument can be used on the grant page.
  const current = currentVersions(all);
  const today = calendarDateOf(ctx.now());
  const instruments = current.map((instrument): InstrumentProgression => {
    const own = measurements.filter((m) => keyOf.get(m.instrumentId) === instrument.key);
    const cadence = { courseStart: grant.startDate, cadenceMonths: instrument.cadenceMonths };
    return {
      instrument,
      measurements: own.map((m) => ({ ...m, round: measurementRoundOf({ ...cadence, measuredOn: m.measuredOn }) })),
      progress: summariseProgression({ indicators: instrument.indicators, measurements: own }),
      disagreements: findDisagreements({ ...cadence, threshold: instrument.disagreementThreshold, measurements: own }),
      due:
        grant.status === 'draft'
          ? null
          : measurementDue({
              ...cadence,
              courseEnd: grant.actualEndDate ?? grant.endDate,
              measuredOn: own.filter((m) => m.respondent === 'citizen').map((m) => m.measuredOn),
              today,
            }),
    };
  });
  await recordAudit(ctx, { action: 'read', entity: 'measurement', citizenIds: [grant.citizenId] });
  return { grantId, instruments };
}
