import { refundFramesRepository } from '../db/repositories/refund-frames-repository.ts';
import { isCalendarDate } from '../domain/calendar-date.ts';
import { firstDayOf, firstDayOfYear, lastDayOfYear } from '../domain/calendar-month.ts';
import { buildEconomyOverview, economyFactsFrom, type EconomyOverview } from '../domain/economy-overview.ts';
import { findRegimeOn } from '../domain/legal-regime.ts';
import { AppError } from '../errors.ts';
import { loadEconomySettings } from './load-economy-settings.ts';
import { loadGrantEconomyFacts } from './load-grant-economy-facts.ts';
import { requirePermission, todayOf, type UseCaseContext } from './use-case-context.ts';

/**
 * The manager's economy page for a year as it stands on `asOf` (default today): spend, refund under
 * the frame (R-FIN-1…3), Cabi's "budget above the refundable frame" (S4), the year-end forecast with
 * alerts, breakdowns, accounting functions (E9) and the 2026 ceiling (R-FIN-5 [U]). Aggregates only:
 * no citizen data leaves, so nothing is written to the access log.
 */
export async function getEconomyOverview(ctx: UseCaseContext, input: { year: number; asOf?: string | null }): Promise<EconomyOverview> {
  requirePermission(ctx, 'economy:read');
  if (!Number.isInteger(input.year) || input.year < 2014 || input.year > 2100) {
    throw new AppError('INVALID_INPUT', 'year must be from 2014 to 2100', { field: 'year' });
  }
  const asOf = input.asOf ?? todayOf(ctx);
  if (!isCalendarDate(asOf)) throw new AppError('INVALID_INPUT', 'asOf must be a date YYYY-MM-DD', { field: 'asOf' });
  const [frame, settings, facts] = await Promise.all([
    refundFramesRepository(ctx.db).findByYear(ctx.actor.municipalityId, input.year),
    loadEconomySettings(ctx),
    loadGrantEconomyFacts(ctx, { from: economyFactsFrom(input.year, asOf), to: lastDayOfYear(input.year) }),
  ]);
  const regimeOfYear = findRegimeOn(facts.regimes, firstDayOfYear(input.year));
  const regimeAtYearEnd = findRegimeOn(facts.regimes, lastDayOfYear(input.year));
  return buildEconomyOverview({
    year: input.year,
    asOf,
    frame,
    yearRefundRate: regimeOfYear?.parameters.refundRate ?? 0,
    accountingFunctionOf: (month) => findRegimeOn(facts.regimes, firstDayOf(month))?.parameters.accountingFunctionNonRefundable ?? null,
    // R-FIN-5 [U]: the ceiling rate of the regime in force when the budget year is settled.
    budgetCeilingRatePerFte: regimeAtYearEnd?.parameters.budgetCeilingRatePerFte ?? null,
    budgetCeilingRateVerified: regimeAtYearEnd?.parameters.budgetCeilingRateVerified ?? false,
    budgetCeilingRateSourceNote: regimeAtYearEnd?.parameters.budgetCeilingRateSourceNote ?? null,
    grants: facts.grants,
    lookbackMonths: settings.forecastLookbackMonths,
  });
}
