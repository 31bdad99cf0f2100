/**
 * Cohort progression (issue 5 point 5): over the courses of a type and start period, per indicator and
 * respondent, the courses with at least two measurements, mean distance travelled and how many
 * improved / stayed / got worse. R-STAT-1: the three counts are suppressed as a table (primary and
 * secondary), a mean over fewer than the threshold is hidden. It shows change, not its cause.
 */
import { instrumentsRepository } from '../db/repositories/instruments-repository.ts';
import { measurementsRepository } from '../db/repositories/measurements-repository.ts';
import { aggregateDistances, summariseProgression, type Respondent } from '../domain/progression.ts';
import { suppressTable } from '../domain/statistical-suppression.ts';
import { AppError } from '../errors.ts';
import { ensureDefaultInstrument } from './ensure-default-instrument.ts';
import { loadFollowUpCohort, suppressCount, type CohortInput } from './follow-up-cohort.ts';
import { currentVersions } from './list-instruments.ts';
import type { UseCaseContext } from './use-case-context.ts';

export type ProgressionRow = {
  code: string;
  labelDa: string;
  labelEn: string;
  respondent: Respondent;
  courses: number | null;
  meanDistance: number | null;
  improved: number | null;
  unchanged: number | null;
  worse: number | null;
};

export async function reportProgression(
  ctx: UseCaseContext,
  input: CohortInput & { instrumentId?: number | null },
): Promise<{
  instrument: { id: number; key: string; name: string; version: number };
  courses: number | null;
  coursesWithTwoMeasurements: number | null;
  rows: ProgressionRow[];
  suppressed: { code: string; respondent: string; column: string }[];
  caption: string;
}> {
  const { courses, threshold } = await loadFollowUpCohort(ctx, input);
  await ensureDefaultInstrument(ctx.db, ctx.actor.municipalityId);
  const all = await instrumentsRepository(ctx.db).list(ctx.actor.municipalityId);
  const chosen = input.instrumentId ? all.find((i) => i.id === input.instrumentId) : currentVersions(all)[0];
  if (!chosen) throw new AppError('NOT_FOUND', `Instrument ${input.instrumentId} not found`);
  const instrument = currentVersions(all).find((i) => i.key === chosen.key)!;
  const ids = new Set(all.filter((i) => i.key === instrument.key).map((i) => i.id));
  const measurements = (
    await measurementsRepository(ctx.db).listByGrantIds(
      ctx.actor.municipalityId,
      courses.map((c) => c.grantId),
    )
  ).filter((m) => ids.has(m.instrumentId));
  const perCourse = courses.map((c) =>
    summariseProgression({ indicators: instrument.indicators, measurements: measurements.filter((m) => m.grantId === c.grantId) }),
  );
  const withTwo = perCourse.filter((p) => p.some((x) => x.distanceTravelled !== null)).length;
  const cells = aggregateDistances(perCourse);
  const keys = instrument.indicators.flatMap((x) => x.respondents.map((respondent) => ({ indicator: x, respondent })));
  const counts = keys.map(
    ({ indicator, respondent }) =>
      cells.get(`${indicator.code}:${respondent}`) ?? { courses: 0, improved: 0, unchanged: 0, worse: 0, sumDistance: 0 },
  );
  const columns = ['improved', 'unchanged', 'worse'] as const;
  const table = suppressTable({ cells: counts.map((c) => columns.map((k) => c[k])), threshold });
  const rows = keys.map(({ indicator, respondent }, r): ProgressionRow => {
    const c = counts[r]!;
    const n = suppressCount(c.courses, threshold);
    return {
      code: indicator.code,
      labelDa: indicator.labelDa,
      labelEn: indicator.labelEn,
      respondent,
      courses: n,
      meanDistance: n === null || c.courses === 0 ? null : Math.round((c.sumDistance / c.courses) * 100) / 100,
      improved: table.values[r]![0]!,
      unchanged: table.values[r]![1]!,
      worse: table.values[r]![2]!,
    };
  });
  return {
    instrument: { id: instrument.id, key: instrument.key, name: instrument.name, version: instrument.version },
    courses: suppressCount(courses.length, threshold),
    coursesWithTwoMeasurements: suppressCount(withTwo, threshold),
    rows,
    suppressed: table.suppressed.map(([r, j]) => ({ code: keys[r]!.indicator.code, respondent: keys[r]!.respondent, column: columns[j]! })),
    caption: `Ændring fra første til seneste måling i forløb med mindst to målinger. Tallene viser forandring — ikke om den skyldes mentorstøtten. Tal under ${threshold} forløb er skjult.`,
  };
}
