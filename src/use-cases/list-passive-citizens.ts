import { passiveCitizensRepository } from '../db/repositories/passive-citizens-repository.ts';
import { addDays, addMonths, isCalendarDate } from '../domain/calendar-date.ts';
import { hasPermission } from '../domain/access-policy.ts';
import { passiveTargetGroups, summarisePassiveCitizens, type PassiveCell } from '../domain/passive-citizens.ts';
import { AppError } from '../errors.ts';
import { loadMunicipalSettings } from './load-municipal-settings.ts';
import { visibleCitizenIds } from './citizen-scope.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/** A cell as reported: counts are null where suppressed (R-STAT-1). */
type ReportCell = Omit<PassiveCell, 'total' | 'passive'> & { total: number | null; passive: number | null; suppressed: boolean };

const shown = (c: PassiveCell): ReportCell => ({ ...c, suppressed: false });

/**
 * Passive citizens on a date (issue 3 point 6): counts and shares by group and age band for everyone
 * who may see reports; the list of names only for roles that may see citizens (and then audited).
 */
export async function listPassiveCitizens(
  ctx: UseCaseContext,
  input: { date: string; windowMonths?: number },
): Promise<{
  date: string;
  windowStart: string;
  total: ReportCell;
  byGroup: ReportCell[];
  byAgeBand: ReportCell[];
  citizens: { citizenId: number; name: string; group: string }[] | null;
}> {
  requirePermission(ctx, 'report:read');
  if (!isCalendarDate(input.date)) throw new AppError('INVALID_INPUT', 'date is not a valid date', { field: 'date' });
  const months = input.windowMonths ?? 12;
  const windowStart = addDays(addMonths(input.date, -months), 1);
  const candidates = await passiveCitizensRepository(ctx.db).listCandidates({
    municipalityId: ctx.actor.municipalityId,
    date: input.date,
    windowStart,
    groups: passiveTargetGroups,
  });
  const summary = summarisePassiveCitizens(candidates, input.date);
  let citizens: { citizenId: number; name: string; group: string }[] | null = null;
  if (hasPermission(ctx.actor.role, 'citizen:read')) {
    const visible = await visibleCitizenIds(ctx);
    citizens = candidates
      .filter((c) => !c.hadMentor && !c.hadOffer && (visible === null || visible.includes(c.citizenId)))
      .map((c) => ({ citizenId: c.citizenId, name: c.name, group: c.group }));
    if (citizens.length > 0)
      await recordAudit(ctx, {
        action: 'search',
        entity: 'passive_citizens',
        citizenIds: citizens.map((c) => c.citizenId),
        criterion: `passive:${input.date}`,
      });
  }
  if (citizens === null) {
    // R-STAT-1 (primary suppression) for roles that see aggregates only; secondary suppression across
    // totals comes with the reports of issue 5.
    const { suppressionThreshold } = await loadMunicipalSettings(ctx);
    const small = (n: number) => n > 0 && n < suppressionThreshold;
    const suppress = (c: PassiveCell): ReportCell =>
      small(c.total) || small(c.passive) || small(c.total - c.passive)
        ? { ...c, passive: null, sharePassive: null, shareWithEffort: null, total: small(c.total) ? null : c.total, suppressed: true }
        : shown(c);
    return {
      date: input.date,
      windowStart,
      total: suppress(summary.total),
      byGroup: summary.byGroup.map(suppress),
      byAgeBand: summary.byAgeBand.map(suppress),
      citizens,
    };
  }
  return {
    date: input.date,
    windowStart,
    total: shown(summary.total),
    byGroup: summary.byGroup.map(shown),
    byAgeBand: summary.byAgeBand.map(shown),
    citizens,
  };
}
