/**
 * Year-end forecast of mentor spending (issue 4 point 4), with a low/high band and alerts when the
 * forecast crosses the budget or the refund frame.
 *
 * Method (all amounts for the budget year; `asOf` is the day the forecast is made):
 * 1. Spent S: what the grants have cost so far (invoiced, else logged, else planned up to asOf; see
 *    grant-cost.ts#spendByMonth). Known, no uncertainty.
 * 2. Committed C: the planned cost (hours × weeks × rate) of approved, running grants from the day after
 *    asOf to the end of their planned period or 31 December, whichever comes first.
 * 3. Early ends r: grants end before their planned end (job, education, ready for an offer). r = the share
 *    of planned days not used by the grants that ended in the 12 months before asOf (0 without history).
 *    The expected committed cost is C × (1 − r).
 * 4. New grants N: starts per month λ = grants started in the last `lookbackMonths` months ÷ that number;
 *    each new start costs the average planned cost of those recent grants, spread evenly over their
 *    average planned length from the middle of its start month and cut at 31 December.
 * 5. expected = S + C × (1 − r) + N.
 * 6. Band: the number of new starts per month is taken as Poisson, so N has variance Σ λₘ kₘ² (kₘ = the
 *    in-year cost of one start in month m); the band is N ± z·σ with z = 1.2816 (80 %), and the committed
 *    cost runs from C × (1 − r) (low, early ends as before) to C (high, nobody ends early):
 *    low = S + C × (1 − r) + max(0, N − zσ), high = S + C + N + zσ.
 * Assumptions: the recent start rate and course cost hold for the rest of the year (no seasonality), and
 * rates stay as configured. Crude on purpose: a manager must be able to recompute it by hand.
 */
import { addDays, addMonths, compareDates, daysBetween, minDate, type CalendarDate } from './calendar-date.ts';
import {
  clampPeriod,
  danishMonthAndYear,
  firstDayOf,
  firstDayOfYear,
  lastDayOf,
  lastDayOfYear,
  monthOf,
  monthPieces,
  monthsOfYear,
  type CalendarMonth,
} from './calendar-month.ts';
import { plannedCost, type HourlyRate, type MonthlyCost } from './grant-cost.ts';

/** z of a two-sided 80 % normal interval. */
export const bandZ80 = 1.2816;

export type ForecastGrant = {
  startDate: CalendarDate;
  plannedEndDate: CalendarDate;
  /** Set when the grant has ended (possibly early); the grant then commits nothing more. */
  actualEndDate: CalendarDate | null;
  weeklyHours: number;
  rates: readonly HourlyRate[];
};

export type ForecastMonth = {
  month: CalendarMonth;
  spentKr: number;
  committedKr: number;
  expectedNewKr: number;
  /** spent + committed × (1 − r) + expected new, for this month. */
  expectedKr: number;
  cumulativeExpectedKr: number;
  cumulativeLowKr: number;
  cumulativeHighKr: number;
};

export type YearEndForecast = {
  expectedKr: number;
  lowKr: number;
  highKr: number;
  spentKr: number;
  committedKr: number;
  expectedNewKr: number;
  earlyEndShare: number;
  startsPerMonth: number;
  averageCourseCostKr: number;
  averageCourseDays: number;
  byMonth: ForecastMonth[];
};

function days(from: CalendarDate, to: CalendarDate): number {
  return daysBetween(from, to) + 1;
}

/** Step 3: share of planned days not used by grants that ended in the 12 months up to asOf. */
export function earlyEndShare(grants: readonly ForecastGrant[], asOf: CalendarDate): number {
  const since = addMonths(asOf, -12);
  let planned = 0;
  let used = 0;
  for (const g of grants) {
    if (g.actualEndDate === null || compareDates(g.actualEndDate, since) <= 0 || compareDates(g.actualEndDate, asOf) > 0) continue;
    planned += days(g.startDate, g.plannedEndDate);
    used += Math.min(days(g.startDate, g.actualEndDate), days(g.startDate, g.plannedEndDate));
  }
  return planned > 0 ? Math.max(0, Math.min(1, 1 - used / planned)) : 0;
}

/** Step 4: the recent start rate and the average planned cost and length of those recent courses. */
export function recentStartRate(grants: readonly ForecastGrant[], asOf: CalendarDate, lookbackMonths: number) {
  const since = addMonths(asOf, -lookbackMonths);
  const recent = grants.filter((g) => compareDates(since, g.startDate) < 0 && compareDates(g.startDate, asOf) <= 0);
  if (recent.length === 0) return { startsPerMonth: 0, averageCourseCostKr: 0, averageCourseDays: 0 };
  const costs = recent.map(
    (g) => plannedCost({ weeklyHours: g.weeklyHours, startDate: g.startDate, endDate: g.plannedEndDate, rates: g.rates }).amountKr,
  );
  return {
    startsPerMonth: recent.length / lookbackMonths,
    averageCourseCostKr: costs.reduce((s, c) => s + c, 0) / recent.length,
    averageCourseDays: recent.reduce((s, g) => s + days(g.startDate, g.plannedEndDate), 0) / recent.length,
  };
}

/** The year-end forecast with its band (method in the module comment). */
export function forecastYearEnd(input: {
  year: number;
  asOf: CalendarDate;
  /** Spend per month of the year up to asOf (step 1). */
  spentByMonth: readonly MonthlyCost[];
  /** Approved and ended grants: running ones commit cost, recent ones give the start rate, ended ones the early-end share. */
  grants: readonly ForecastGrant[];
  lookbackMonths: number;
  z?: number;
}): YearEndForecast {
  const z = input.z ?? bandZ80;
  const yearWindow = { from: firstDayOfYear(input.year), to: lastDayOfYear(input.year) };
  const months = monthsOfYear(input.year);
  const index = new Map(months.map((m, i) => [m, i]));
  const spent = months.map(() => 0);
  const committed = months.map(() => 0);
  const expectedNew = months.map(() => 0);
  for (const m of input.spentByMonth) {
    const i = index.get(m.month);
    if (i !== undefined) spent[i]! += m.amountKr;
  }

  // Step 2: committed cost of running grants after asOf.
  const future = clampPeriod({ from: addDays(input.asOf, 1), to: yearWindow.to }, yearWindow);
  if (future !== null) {
    for (const g of input.grants) {
      if (g.actualEndDate !== null) continue;
      const cost = plannedCost({
        weeklyHours: g.weeklyHours,
        startDate: g.startDate,
        endDate: g.plannedEndDate,
        rates: g.rates,
        window: future,
      });
      for (const m of cost.byMonth) committed[index.get(m.month)!]! += m.amountKr;
    }
  }

  const r = earlyEndShare(input.grants, input.asOf);
  const rate = recentStartRate(input.grants, input.asOf, input.lookbackMonths);

  // Step 4 and the variance of step 6: one expected cohort of new starts per remaining month.
  const cohorts: { starts: number; inYearByMonth: number[] }[] = [];
  if (rate.startsPerMonth > 0 && rate.averageCourseDays > 0 && compareDates(input.asOf, yearWindow.to) < 0) {
    const dailyCost = rate.averageCourseCostKr / rate.averageCourseDays;
    let monthStart = addDays(input.asOf, 1);
    while (compareDates(monthStart, yearWindow.to) <= 0) {
      const month = monthOf(monthStart);
      const monthEnd = lastDayOf(month);
      const fraction = days(monthStart, monthEnd) / days(firstDayOf(month), monthEnd);
      const startsOn = addDays(monthStart, Math.floor(daysBetween(monthStart, monthEnd) / 2));
      const course = clampPeriod({ from: startsOn, to: addDays(startsOn, Math.round(rate.averageCourseDays) - 1) }, yearWindow);
      const inYearByMonth = months.map(() => 0);
      if (course !== null) {
        for (const piece of monthPieces(course.from, course.to)) inYearByMonth[index.get(piece.month)!]! += piece.days * dailyCost;
      }
      cohorts.push({ starts: rate.startsPerMonth * fraction, inYearByMonth });
      monthStart = addDays(monthEnd, 1);
    }
  }
  for (const cohort of cohorts) cohort.inYearByMonth.forEach((amount, i) => (expectedNew[i]! += cohort.starts * amount));

  const byMonth: ForecastMonth[] = [];
  let cumSpent = 0;
  let cumCommitted = 0;
  let cumNew = 0;
  months.forEach((month, i) => {
    cumSpent += spent[i]!;
    cumCommitted += committed[i]!;
    cumNew += expectedNew[i]!;
    // Variance of the new-start cost up to this month (compound Poisson per cohort).
    const variance = cohorts.reduce((s, c) => {
      const upToMonth = c.inYearByMonth.slice(0, i + 1).reduce((a, b) => a + b, 0);
      return s + c.starts * upToMonth * upToMonth;
    }, 0);
    const sigma = Math.sqrt(variance);
    const cumulativeExpectedKr = cumSpent + cumCommitted * (1 - r) + cumNew;
    byMonth.push({
      month,
      spentKr: spent[i]!,
      committedKr: committed[i]!,
      expectedNewKr: expectedNew[i]!,
      expectedKr: spent[i]! + committed[i]! * (1 - r) + expectedNew[i]!,
      cumulativeExpectedKr,
      cumulativeLowKr: cumSpent + cumCommitted * (1 - r) + Math.max(0, cumNew - z * sigma),
      cumulativeHighKr: cumSpent + cumCommitted + cumNew + z * sigma,
    });
  });
  const last = byMonth[byMonth.length - 1]!;
  return {
    expectedKr: last.cumulativeExpectedKr,
    lowKr: last.cumulativeLowKr,
    highKr: last.cumulativeHighKr,
    spentKr: cumSpent,
    committedKr: cumCommitted,
    expectedNewKr: cumNew,
    earlyEndShare: r,
    ...rate,
    byMonth,
  };
}

export type ForecastAlert = {
  code: 'FORECAST_OVER_BUDGET' | 'FORECAST_MAY_EXCEED_BUDGET' | 'FORECAST_OVER_FRAME' | 'FORECAST_MAY_EXCEED_FRAME';
  severity: 'error' | 'warning';
  /** The first month in which the (expected or high) cumulative forecast passes the limit. */
  month: CalendarMonth;
  limitKr: number;
  forecastKr: number;
  message: string;
};

function firstCrossing(byMonth: readonly ForecastMonth[], limitKr: number, key: 'cumulativeExpectedKr' | 'cumulativeHighKr') {
  return byMonth.find((m) => m[key] > limitKr) ?? null;
}

const danishKr = (amountKr: number) => `${Math.round(amountKr).toLocaleString('da-DK')} kr.`;

/**
 * Alerts (issue 4 point 4): an error when the expected forecast crosses the budget, or when the forecast
 * of inside-frame spend crosses the refundable spend (frame / rate, R-FIN-3: beyond it the state refunds
 * nothing more); a warning when only the high end of the band crosses.
 */
export function forecastAlerts(input: {
  total: YearEndForecast;
  insideFrame: YearEndForecast;
  budgetKr: number | null;
  refundableSpendKr: number | null;
}): ForecastAlert[] {
  const alerts: ForecastAlert[] = [];
  const check = (
    forecast: YearEndForecast,
    limitKr: number,
    codes: [ForecastAlert['code'], ForecastAlert['code']],
    what: { expected: string; possible: string },
  ) => {
    // The expected forecast crossing the limit is an error; only the high forecast crossing it, a warning.
    const levels = [
      {
        key: 'cumulativeExpectedKr',
        code: codes[0],
        severity: 'error',
        forecastKr: forecast.expectedKr,
        message: (month: CalendarMonth) =>
          `${what.expected} (${danishKr(limitKr)}) i ${danishMonthAndYear(month)}; forventet ved årets udgang ${danishKr(forecast.expectedKr)}.`,
      },
      {
        key: 'cumulativeHighKr',
        code: codes[1],
        severity: 'warning',
        forecastKr: forecast.highKr,
        message: (month: CalendarMonth) =>
          `${what.possible} (${danishKr(limitKr)}) fra ${danishMonthAndYear(month)}; høj prognose ${danishKr(forecast.highKr)}.`,
      },
    ] as const;
    for (const { key, message, ...alert } of levels) {
      const crossing = firstCrossing(forecast.byMonth, limitKr, key);
      if (crossing) {
        alerts.push({ ...alert, month: crossing.month, limitKr, message: message(crossing.month) });
        return;
      }
    }
  };
  if (input.budgetKr !== null && input.budgetKr > 0) {
    check(input.total, input.budgetKr, ['FORECAST_OVER_BUDGET', 'FORECAST_MAY_EXCEED_BUDGET'], {
      expected: 'Prognosen overskrider budgettet',
      possible: 'Prognosen kan overskride budgettet',
    });
  }
  if (input.refundableSpendKr !== null && input.refundableSpendKr > 0) {
    check(input.insideFrame, input.refundableSpendKr, ['FORECAST_OVER_FRAME', 'FORECAST_MAY_EXCEED_FRAME'], {
      expected: 'Refusionsberettigede udgifter overskrider refusionsrammen',
      possible: 'Refusionsberettigede udgifter kan overskride refusionsrammen',
    });
  }
  return alerts;
}

/** The window used for spend in a year: 1 January up to asOf (empty when asOf is before the year). */
export function spendWindow(year: number, asOf: CalendarDate): { from: CalendarDate; to: CalendarDate } | null {
  const from = firstDayOfYear(year);
  const to = minDate(asOf, lastDayOfYear(year));
  return compareDates(from, to) <= 0 ? { from, to } : null;
}
