import { instrumentsRepository } from '../db/repositories/instruments-repository.ts';
import { measurementsRepository } from '../db/repositories/measurements-repository.ts';
import { calendarDateOf, compareDates, isCalendarDate } from '../domain/calendar-date.ts';
import { findMeasurementProblems, type EntryMode, type Respondent } from '../domain/progression.ts';
import { AppError } from '../errors.ts';
import { ensureDefaultInstrument } from './ensure-default-instrument.ts';
import { loadVisibleGrant } from './get-grant.ts';
import { currentVersions } from './list-instruments.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export type RecordMeasurementInput = {
  measuredOn: string;
  respondent: Respondent;
  entryMode: EntryMode;
  instrumentId?: number | null;
  values: Record<string, number>;
};

/**
 * Who may enter whose answers (issue 5 point 5): citizens have no login, so a mentor or caseworker
 * enters the citizen's answers given on paper or in person; the mentor answers for themselves (or a
 * caseworker enters the mentor's paper form); the caseworker answers for themselves.
 */
function assertMayEnter(role: string, respondent: Respondent, entryMode: EntryMode): void {
  const allowed =
    (respondent === 'citizen' && entryMode !== 'self') ||
    (respondent === 'mentor' && ((role === 'mentor' && entryMode === 'self') || (role === 'caseworker' && entryMode === 'paper'))) ||
    (respondent === 'caseworker' && role === 'caseworker' && entryMode === 'self');
  if (!allowed)
    throw new AppError('FORBIDDEN', `A ${role} may not enter the ${respondent}'s answers as '${entryMode}'`, { field: 'entryMode' });
}

/** A progression measurement on a course (domain spec §5.4): values checked against the indicators' scales. */
export async function recordMeasurement(ctx: UseCaseContext, grantId: number, input: RecordMeasurementInput): Promise<{ id: number }> {
  requirePermission(ctx, 'measurement:write');
  if (!isCalendarDate(input.measuredOn)) throw new AppError('INVALID_INPUT', 'measuredOn is not a valid date', { field: 'measuredOn' });
  if (compareDates(input.measuredOn, calendarDateOf(ctx.now())) > 0)
    throw new AppError('INVALID_INPUT', 'A measurement cannot be dated in the future', { field: 'measuredOn' });
  assertMayEnter(ctx.actor.role, input.respondent, input.entryMode);
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const grant = await loadVisibleGrant(txCtx, grantId);
    if (grant.status === 'draft') throw new AppError('CONFLICT', 'Measurements are recorded on approved grants only');
    const end = grant.actualEndDate ?? grant.endDate;
    if (compareDates(input.measuredOn, grant.startDate) < 0 || compareDates(input.measuredOn, end) > 0) {
      throw new AppError('INVALID_INPUT', `The measurement date must lie within the course ${grant.startDate} – ${end}`, {
        field: 'measuredOn',
      });
    }
    await ensureDefaultInstrument(tx, ctx.actor.municipalityId);
    const repo = instrumentsRepository(tx);
    const current = currentVersions(await repo.list(ctx.actor.municipalityId));
    const instrument = input.instrumentId ? await repo.findById(ctx.actor.municipalityId, input.instrumentId) : current[0]!;
    if (!instrument) throw new AppError('NOT_FOUND', `Instrument ${input.instrumentId} not found`);
    const latest = current.find((i) => i.key === instrument.key)!;
    if (latest.id !== instrument.id) {
      throw new AppError('CONFLICT', `Version ${instrument.version} of '${instrument.name}' is superseded by version ${latest.version}`, {
        field: 'instrumentId',
        currentId: latest.id,
      });
    }
    const problems = findMeasurementProblems({ respondent: input.respondent, indicators: instrument.indicators, values: input.values });
    if (problems.length > 0)
      throw new AppError('INVALID_INPUT', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
        field: problems[0]!.field,
        problems,
      });
    const id = await measurementsRepository(tx).create({
      municipalityId: ctx.actor.municipalityId,
      grantId,
      instrumentId: instrument.id,
      measuredOn: input.measuredOn,
      respondent: input.respondent,
      entryMode: input.entryMode,
      enteredBy: ctx.actor.userId,
      enteredByRole: ctx.actor.role,
      values: input.values,
    });
    await recordAudit(txCtx, { action: 'create', entity: 'measurement', citizenIds: [grant.citizenId] });
    return { id };
  });
}
