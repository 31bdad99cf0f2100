/**
 * Attendance per cohort (issue 5 point 6): attended ÷ planned logged contacts per grant type and in
 * total (domain/attendance.ts says what "planned" means). R-STAT-1 on the number of courses per type
 * (primary and secondary); a suppressed row shows no figures.
 */
import { followUpCohortsRepository } from '../db/repositories/follow-up-cohorts-repository.ts';
import { cohortAttendance } from '../domain/attendance.ts';
import { suppressTable } from '../domain/statistical-suppression.ts';
import { loadFollowUpCohort, suppressCount, type CohortInput } from './follow-up-cohort.ts';
import type { UseCaseContext } from './use-case-context.ts';

export type AttendanceRow = {
  key: string;
  courses: number | null;
  planned: number | null;
  attended: number | null;
  share: number | null;
  meanCourseShare: number | null;
  suppressed: boolean;
};

const round3 = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);

export async function reportAttendance(
  ctx: UseCaseContext,
  input: CohortInput,
): Promise<{ total: AttendanceRow; byType: AttendanceRow[]; caption: string }> {
  const { courses, threshold } = await loadFollowUpCohort(ctx, input);
  const counts = await followUpCohortsRepository(ctx.db).contactCounts(
    ctx.actor.municipalityId,
    courses.map((c) => c.grantId),
  );
  const figureOf = (grantId: number) => {
    const c = counts.get(grantId) ?? { planned: 0, attended: 0 };
    return {
      planned: c.planned,
      attended: c.attended,
      missed: c.planned - c.attended,
      share: c.planned > 0 ? c.attended / c.planned : null,
    };
  };
  const types = [...new Set(courses.map((c) => c.type))].sort();
  const byTypeFigures = types.map((type) => cohortAttendance(courses.filter((c) => c.type === type).map((c) => figureOf(c.grantId))));
  const table = suppressTable({ cells: byTypeFigures.map((f) => [f.courses]), threshold });
  const row = (key: string, f: ReturnType<typeof cohortAttendance>, hidden: boolean): AttendanceRow =>
    hidden
      ? { key, courses: null, planned: null, attended: null, share: null, meanCourseShare: null, suppressed: true }
      : {
          key,
          courses: f.courses,
          planned: f.planned,
          attended: f.attended,
          share: round3(f.share),
          meanCourseShare: round3(f.meanCourseShare),
          suppressed: false,
        };
  const total = cohortAttendance(courses.map((c) => figureOf(c.grantId)));
  return {
    total: row('total', total, suppressCount(total.courses, threshold) === null),
    byType: types.map((type, r) => row(type, byTypeFigures[r]!, table.values[r]![0] === null)),
    caption: `Fremmøde = gennemførte ÷ planlagte kontakter. En planlagt kontakt er en registreret kontakt; en kontakt registreret som "udeblev" er planlagt, men ikke gennemført. Forløb under ${threshold} er skjult.`,
  };
}
