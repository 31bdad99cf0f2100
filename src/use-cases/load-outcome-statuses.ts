/**
 * R-DEL-2: an outcome status is computed exactly once per citizen and follow-up horizon — the §4.2
 * category (by precedence) in the week `horizonMonths` after the start of the citizen's first mentor
 * course — and stored, so that every report, export and drill-down reads the same status. Statuses
 * still valid (same first start) are read back; the missing ones are computed from the register spells
 * and stored. A register import forgets them (see import-register-statuses.ts).
 */
import { cohortReportsRepository, type CohortFilter } from '../db/repositories/cohort-reports-repository.ts';
import { outcomesRepository } from '../db/repositories/outcomes-repository.ts';
import { outcomeCategories, pickByPrecedence, type OutcomeCategory } from '../domain/outcome-categories.ts';
import type { UseCaseContext } from './use-case-context.ts';

export type CohortStatus = { citizenId: number; firstStart: string; birthDate: string; category: OutcomeCategory };

const isOutcomeCategory = (c: string): c is OutcomeCategory => (outcomeCategories as readonly string[]).includes(c);

export async function loadOutcomeStatuses(ctx: UseCaseContext, filter: CohortFilter & { horizonMonths: number }): Promise<CohortStatus[]> {
  return ctx.db.transaction(async (tx) => {
    const repository = cohortReportsRepository(tx);
    const cohort = await outcomesRepository(tx).cohortAtHorizon({ ...filter });
    const stored = new Map(
      (
        await repository.storedStatuses({
          municipalityId: filter.municipalityId,
          horizonMonths: filter.horizonMonths,
          citizenIds: cohort.map((r) => r.citizenId),
        })
      ).map((s) => [s.citizenId, s]),
    );
    const statuses: CohortStatus[] = [];
    const computed: { citizenId: number; firstStart: string; category: string }[] = [];
    for (const row of cohort) {
      const kept = stored.get(row.citizenId);
      if (kept && kept.firstStart === row.firstStart && isOutcomeCategory(kept.category)) {
        statuses.push({ citizenId: row.citizenId, firstStart: row.firstStart, birthDate: row.birthDate, category: kept.category });
        continue;
      }
      const category = pickByPrecedence((row.categories ?? []).filter(isOutcomeCategory));
      statuses.push({ citizenId: row.citizenId, firstStart: row.firstStart, birthDate: row.birthDate, category });
      computed.push({ citizenId: row.citizenId, firstStart: row.firstStart, category });
    }
    await repository.storeStatuses({ municipalityId: filter.municipalityId, horizonMonths: filter.horizonMonths, statuses: computed });
    return statuses;
  });
}
