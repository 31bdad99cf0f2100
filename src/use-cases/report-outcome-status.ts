/**
 * Status at a horizon after the first mentor course (issue 5 point 2; Copenhagen's table 4, seed S2):
 * each citizen once (R-DEL-2), the category by §4.2 precedence rolled up to Copenhagen's six, grouped
 * (e.g. under/over 30 at first start), with R-STAT-1 suppression. Describes, does not explain: the
 * caption says the figures cannot tell whether the mentor caused the exits.
 */
import { ageOn, isCalendarDate } from '../domain/calendar-date.ts';
import { copenhagenCategories, toCopenhagenCategory, type CopenhagenCategory } from '../domain/outcome-categories.ts';
import { suppressTable } from '../domain/statistical-suppression.ts';
import { AppError } from '../errors.ts';
import { loadMunicipalSettings } from './load-municipal-settings.ts';
import { loadOutcomeStatuses } from './load-outcome-statuses.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export type OutcomeGroup = {
  key: string;
  total: number;
  categories: Record<CopenhagenCategory, number | null>;
  percentages: Record<CopenhagenCategory, number | null>;
};

export async function reportOutcomeStatus(
  ctx: UseCaseContext,
  input: {
    horizonMonths: number;
    firstStartFrom: string;
    firstStartTo: string;
    type: string | null;
    groupBy: 'age30' | 'none';
    targetGroups?: string[] | null;
  },
): Promise<{ groups: OutcomeGroup[]; suppressed: { group: string; category: string }[]; caption: string }> {
  requirePermission(ctx, 'report:read');
  for (const field of ['firstStartFrom', 'firstStartTo'] as const) {
    if (!isCalendarDate(input[field])) throw new AppError('INVALID_INPUT', `${field} is not a valid date`, { field });
  }
  const rows = await loadOutcomeStatuses(ctx, {
    municipalityId: ctx.actor.municipalityId,
    from: input.firstStartFrom,
    to: input.firstStartTo,
    type: input.type,
    horizonMonths: input.horizonMonths,
    targetGroups: input.targetGroups?.length ? input.targetGroups : null,
  });
  const keys = input.groupBy === 'age30' ? ['under30', '30plus'] : ['total'];
  const counts = new Map(
    keys.map((k) => [k, Object.fromEntries(copenhagenCategories.map((c) => [c, 0])) as Record<CopenhagenCategory, number>]),
  );
  for (const row of rows) {
    const category = toCopenhagenCategory(row.category);
    const key = input.groupBy === 'age30' ? (ageOn(row.birthDate, row.firstStart) < 30 ? 'under30' : '30plus') : 'total';
    counts.get(key)![category] += 1;
  }
  const { suppressionThreshold } = await loadMunicipalSettings(ctx);
  const table = suppressTable({
    cells: keys.map((k) => copenhagenCategories.map((c) => counts.get(k)![c])),
    threshold: suppressionThreshold,
  });
  const groups = keys.map((key, r) => {
    const total = copenhagenCategories.reduce((sum, c) => sum + counts.get(key)![c], 0);
    const categories = Object.fromEntries(copenhagenCategories.map((c, j) => [c, table.values[r]![j]!])) as Record<
      CopenhagenCategory,
      number | null
    >;
    const percentages = Object.fromEntries(
      copenhagenCategories.map((c) => [c, categories[c] === null || total === 0 ? null : Math.round((categories[c]! / total) * 1000) / 10]),
    ) as Record<CopenhagenCategory, number | null>;
    return { key, total, categories, percentages };
  });
  return {
    groups,
    suppressed: table.suppressed.map(([r, j]) => ({ group: keys[r]!, category: copenhagenCategories[j]! })),
    caption: `Status ${input.horizonMonths} måneder efter start på første mentorforløb. Tallene viser, hvor borgerne var — ikke om det skyldtes mentorstøtten. Celler under ${suppressionThreshold} personer er skjult.`,
  };
}
