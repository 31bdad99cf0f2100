import { followUpCohortsRepository, type CohortCourse } from '../db/repositories/follow-up-cohorts-repository.ts';
import { compareDates, isCalendarDate } from '../domain/calendar-date.ts';
import { AppError } from '../errors.ts';
import { loadMunicipalSettings } from './load-municipal-settings.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export type CohortInput = { firstStartFrom: string; firstStartTo: string; type: string | null };

/**
 * The courses of a follow-up report (type, start period) and the R-STAT-1 threshold. Reports are
 * aggregates for caseworkers, coordinators, managers and admins; every count in them is suppressed.
 */
export async function loadFollowUpCohort(ctx: UseCaseContext, input: CohortInput): Promise<{ courses: CohortCourse[]; threshold: number }> {
  requirePermission(ctx, 'report:read');
  for (const field of ['firstStartFrom', 'firstStartTo'] as const) {
    if (!isCalendarDate(input[field])) throw new AppError('INVALID_INPUT', `${field} is not a valid date`, { field });
  }
  if (compareDates(input.firstStartFrom, input.firstStartTo) > 0)
    throw new AppError('INVALID_INPUT', 'firstStartFrom lies after firstStartTo', { field: 'firstStartFrom' });
  const courses = await followUpCohortsRepository(ctx.db).listCourses({
    municipalityId: ctx.actor.municipalityId,
    from: input.firstStartFrom,
    to: input.firstStartTo,
    type: input.type,
  });
  const { suppressionThreshold } = await loadMunicipalSettings(ctx);
  return { courses, threshold: suppressionThreshold };
}

/** R-STAT-1 on a single count: null when 0 < n < threshold. */
export function suppressCount(n: number, threshold: number): number | null {
  return n > 0 && n < threshold ? null : n;
}
