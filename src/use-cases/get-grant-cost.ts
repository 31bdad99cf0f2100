import { compareDates } from '../domain/calendar-date.ts';
import type { CalendarMonth } from '../domain/calendar-month.ts';
import { deliveredCost, hourlyRateOn, invoicedCost, plannedCost, type HourlyRate, type RateSource } from '../domain/grant-cost.ts';
import { roundHours, roundKr } from '../domain/money.ts';
import { AppError } from '../errors.ts';
import { loadVisibleGrant } from './get-grant.ts';
import { loadGrantEconomyFacts } from './load-grant-economy-facts.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, todayOf, type UseCaseContext } from './use-case-context.ts';

export type GrantCostMonth = {
  month: CalendarMonth;
  plannedHours: number;
  plannedKr: number;
  deliveredHours: number;
  deliveredKr: number;
  invoicedHours: number;
  invoicedKr: number;
};

export type GrantCost = {
  grantId: number;
  weeklyHours: number;
  currentRate: { hourlyRateKr: number; source: RateSource; validFrom: string } | null;
  planned: { hours: number; amountKr: number; unpricedHours: number };
  delivered: { hours: number; amountKr: number };
  invoiced: { hours: number; amountKr: number };
  byMonth: GrantCostMonth[];
};

/** Issue 4 point 2: a grant's planned, delivered and invoiced cost, in total and by month. */
export async function getGrantCost(ctx: UseCaseContext, grantId: number): Promise<GrantCost> {
  requirePermission(ctx, 'grant:read');
  const grant = await loadVisibleGrant(ctx, grantId);
  await recordAudit(ctx, { action: 'read', entity: 'grant_cost', citizenIds: [grant.citizenId] });
  if (grant.status === 'draft') throw new AppError('CONFLICT', `Grant ${grantId} is a draft; it has no cost until it is approved`);
  const endDate = grant.actualEndDate ?? grant.endDate;
  const { grants } = await loadGrantEconomyFacts(ctx, { from: grant.startDate, to: endDate, grantIds: [grantId] });
  const facts = grants[0]!;
  const planned = plannedCost({ weeklyHours: facts.weeklyHours, startDate: facts.startDate, endDate, rates: facts.rates });
  const delivered = deliveredCost({ deliveries: facts.deliveries, rates: facts.rates });
  const invoiced = invoicedCost({ lines: facts.invoiceLines });
  const months = new Set<CalendarMonth>([...planned.byMonth, ...delivered.byMonth, ...invoiced.byMonth].map((m) => m.month));
  const find = (list: { month: string; hours: number; amountKr: number }[], month: string) => list.find((m) => m.month === month);
  const today = todayOf(ctx);
  const rateDay = compareDates(today, facts.startDate) < 0 ? facts.startDate : compareDates(endDate, today) < 0 ? endDate : today;
  const current: HourlyRate | null = hourlyRateOn(facts.rates, rateDay);
  return {
    grantId,
    weeklyHours: facts.weeklyHours,
    currentRate: current ? { hourlyRateKr: current.hourlyRateKr, source: current.source, validFrom: current.validFrom } : null,
    planned: { hours: roundHours(planned.hours), amountKr: roundKr(planned.amountKr), unpricedHours: roundHours(planned.unpricedHours) },
    delivered: { hours: roundHours(delivered.hours), amountKr: roundKr(delivered.amountKr) },
    invoiced: { hours: roundHours(invoiced.hours), amountKr: roundKr(invoiced.amountKr) },
    byMonth: [...months].sort().map((month) => ({
      month,
      plannedHours: roundHours(find(planned.byMonth, month)?.hours ?? 0),
      plannedKr: roundKr(find(planned.byMonth, month)?.amountKr ?? 0),
      deliveredHours: roundHours(find(delivered.byMonth, month)?.hours ?? 0),
      deliveredKr: roundKr(find(delivered.byMonth, month)?.amountKr ?? 0),
      invoicedHours: roundHours(find(invoiced.byMonth, month)?.hours ?? 0),
      invoicedKr: roundKr(find(invoiced.byMonth, month)?.amountKr ?? 0),
    })),
  };
}
