/**
 * The manager's economy page for one budget year (issue 4 points 2–4 and 6): spend so far and by month,
 * refund under the frame (R-FIN-1…3), budget and refund frame as Cabi compared them (S4), the year-end
 * forecast with its band (spend-forecast.ts), spend split by mentor type, provider type (Copenhagen:
 * 64 % external, 22 % jobcentre, 14 % employment centre, S2), target group and refund class, average cost
 * per course and per hour, the accounting functions (E9) and the 2026 ceiling (R-FIN-5 [U]).
 * Pure: the use case loads the facts, this module computes; amounts are kr. rounded to øre at the end.
 */
import { addDays, addMonths, compareDates, maxDate, minDate, type CalendarDate } from './calendar-date.ts';
import { firstDayOfYear, lastDayOfYear, monthsOfYear, type CalendarMonth } from './calendar-month.ts';
import { reportBudgetCeiling, type BudgetCeilingReport } from './budget-ceiling-2026.ts';
import { deliveredCost, invoicedCost, plannedCost, spendByMonth, type HourlyRate, type SpendBasis } from './grant-cost.ts';
import type { RefundClass } from './legal-regime.ts';
import { grantTypeLabels, grantTypes, type GrantType } from './mentor-grant.ts';
import { roundHours, roundKr, roundPercent } from './money.ts';
import { overFramePercent, refundableSpend, refundInsideFrame, refundOfYear } from './refund-frame.ts';
import {
  forecastAlerts,
  forecastYearEnd,
  spendWindow,
  type ForecastAlert,
  type ForecastGrant,
  type YearEndForecast,
} from './spend-forecast.ts';
import { targetGroupCodes, targetGroupLabels, type TargetGroupCode } from './target-group.ts';

export const providerTypeLabels: Record<string, string> = {
  internal: 'Jobcentrets egne mentorer',
  employment_centre: 'Beskæftigelsescenter',
  external: 'Ekstern leverandør',
  company: 'Virksomhed',
  education: 'Uddannelsesinstitution',
  volunteer: 'Frivillig',
};

export const refundClassLabels: Record<RefundClass, string> = {
  inside_frame: 'Refusion inden for rammen',
  outside_frame: 'Refusion uden for rammen',
  none: 'Ingen refusion',
};

/** Everything the economy needs about one approved or ended grant. */
export type EconomyGrantFacts = {
  grantId: number;
  type: GrantType;
  providerType: string | null;
  targetGroup: TargetGroupCode | null;
  refundClass: RefundClass;
  /** The refund rate of the regime the agreement was concluded under (R-FIN-1); 0 without refund. */
  refundRate: number;
  agreedOn: CalendarDate;
  startDate: CalendarDate;
  plannedEndDate: CalendarDate;
  actualEndDate: CalendarDate | null;
  /** Granted hours a week; for a pladsmentor the place's hours shared among its persons (R-CMP-3). */
  weeklyHours: number;
  rates: readonly HourlyRate[];
  deliveries: readonly { date: CalendarDate; hours: number }[];
  invoiceLines: readonly { periodFrom: CalendarDate; periodTo: CalendarDate; hours: number; amountKr: number }[];
};

export type EconomyFrame = { refundFrameKr: number; budgetKr: number; fullTimePersons: number | null; otherGuidanceSpendKr: number | null };

export type BreakdownRow = {
  key: string;
  label: string;
  /** Grants with spend in the year so far. */
  courses: number;
  hours: number;
  spendKr: number;
  /** Planned cost of the running grants for the rest of the year. */
  committedKr: number;
  sharePercent: number;
};

export type EconomyMonth = {
  month: CalendarMonth;
  spendKr: number;
  plannedKr: number;
  deliveredKr: number;
  invoicedKr: number;
  cumulativeSpendKr: number;
  forecastKr: number;
  cumulativeForecastKr: number;
  cumulativeLowKr: number;
  cumulativeHighKr: number;
};

export type AccountingFunctionRow = { functionCode: string | null; refundClass: RefundClass; spendKr: number; note: string | null };

export type EconomyOverview = {
  year: number;
  asOf: CalendarDate;
  spend: number;
  eligibleSpend: number;
  refund: number;
  refundFrame: number | null;
  overFramePercent: number | null;
  forecast: {
    expected: number;
    low: number;
    high: number;
    spentKr: number;
    committedKr: number;
    expectedNewKr: number;
    earlyEndSharePercent: number;
    startsPerMonth: number;
    averageCourseCostKr: number;
    averageCourseDays: number;
    expectedRefundKr: number;
    method: string;
  };
  budgetKr: number | null;
  refundRate: number;
  refundableSpendKr: number | null;
  spendOverFramePercent: number | null;
  forecastOverFramePercent: number | null;
  refundInsideFrameKr: number;
  refundOutsideFrameKr: number;
  refundLostToFrameKr: number;
  spendBasis: Record<SpendBasis, number>;
  courses: number;
  hours: number;
  averageCostPerCourseKr: number | null;
  averageCostPerHourKr: number | null;
  alerts: ForecastAlert[];
  byMonth: EconomyMonth[];
  byMentorType: BreakdownRow[];
  byProviderType: BreakdownRow[];
  byTargetGroup: BreakdownRow[];
  byRefundClass: (BreakdownRow & { refundKr: number })[];
  accountingFunctions: AccountingFunctionRow[];
  budgetCeiling: (BudgetCeilingReport & { rateVerified: boolean; rateSourceNote: string | null }) | null;
};

export const forecastMethod =
  'Forventet = forbrug til dato + planlagte udgifter til løbende bevillinger resten af året × (1 − andel tidligt afsluttede) + nye forløb ' +
  '(startrate de seneste måneder × gennemsnitlig forløbspris). Båndet er 80 % for antallet af nye forløb (Poisson); højt skøn regner med, ' +
  'at ingen forløb afsluttes tidligt.';

type GrantYear = {
  facts: EconomyGrantFacts;
  spendMonths: ReturnType<typeof spendByMonth>;
  spendKr: number;
  hours: number;
  plannedByMonth: Map<CalendarMonth, number>;
  deliveredByMonth: Map<CalendarMonth, number>;
  invoicedByMonth: Map<CalendarMonth, number>;
  committedKr: number;
};

const toMap = (months: readonly { month: CalendarMonth; amountKr: number }[]) => new Map(months.map((m) => [m.month, m.amountKr]));

function forecastGrantOf(facts: EconomyGrantFacts): ForecastGrant {
  return {
    startDate: facts.startDate,
    plannedEndDate: facts.plannedEndDate,
    actualEndDate: facts.actualEndDate,
    weeklyHours: facts.weeklyHours,
    rates: facts.rates,
  };
}

function costOfYear(facts: EconomyGrantFacts, year: number, asOf: CalendarDate): GrantYear {
  const yearWindow = { from: firstDayOfYear(year), to: lastDayOfYear(year) };
  const endDate = facts.actualEndDate ?? facts.plannedEndDate;
  const base = { weeklyHours: facts.weeklyHours, startDate: facts.startDate, endDate, rates: facts.rates };
  const planned = plannedCost({ ...base, window: yearWindow });
  const toDate = spendWindow(year, asOf);
  const empty = { hours: 0, amountKr: 0, unpricedHours: 0, byMonth: [] };
  const plannedToDate = toDate ? plannedCost({ ...base, window: toDate }) : empty;
  const delivered = toDate ? deliveredCost({ deliveries: facts.deliveries, rates: facts.rates, window: toDate }) : empty;
  const invoiced = toDate ? invoicedCost({ lines: facts.invoiceLines, window: toDate }) : empty;
  const spendMonths = spendByMonth({ plannedToDate, delivered, invoiced, asOf });
  const afterToday = { from: maxDate(addDays(asOf, 1), yearWindow.from), to: yearWindow.to };
  const committed =
    facts.actualEndDate === null && compareDates(afterToday.from, afterToday.to) <= 0
      ? plannedCost({ ...base, window: afterToday }).amountKr
      : 0;
  return {
    facts,
    spendMonths,
    spendKr: spendMonths.reduce((s, m) => s + m.amountKr, 0),
    hours: spendMonths.reduce((s, m) => s + m.hours, 0),
    plannedByMonth: toMap(planned.byMonth),
    deliveredByMonth: toMap(delivered.byMonth),
    invoicedByMonth: toMap(invoiced.byMonth),
    committedKr: committed,
  };
}

function breakdown(
  rows: readonly GrantYear[],
  keyOf: (g: GrantYear) => string,
  labelOf: (key: string) => string,
  order: readonly string[],
): BreakdownRow[] {
  const total = rows.reduce((s, g) => s + g.spendKr, 0);
  const groups = new Map<string, GrantYear[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const rank = (key: string) => (order.indexOf(key) === -1 ? order.length : order.indexOf(key));
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, group]) => {
      const spendKr = group.reduce((s, g) => s + g.spendKr, 0);
      return {
        key,
        label: labelOf(key),
        courses: group.filter((g) => g.spendKr > 0).length,
        hours: roundHours(group.reduce((s, g) => s + g.hours, 0)),
        spendKr: roundKr(spendKr),
        committedKr: roundKr(group.reduce((s, g) => s + g.committedKr, 0)),
        sharePercent: total > 0 ? roundPercent((spendKr / total) * 100) : 0,
      };
    });
}

function roundForecast(f: YearEndForecast) {
  return { expected: roundKr(f.expectedKr), low: roundKr(f.lowKr), high: roundKr(f.highKr) };
}

/**
 * The grants as they were known on `asOf`: agreements concluded later did not exist yet, and an end
 * recorded after `asOf` had not happened yet (so a back-dated overview shows what the manager saw then).
 */
export function grantsKnownOn(grants: readonly EconomyGrantFacts[], asOf: CalendarDate): EconomyGrantFacts[] {
  return grants
    .filter((g) => compareDates(g.agreedOn, asOf) <= 0)
    .map((g) => (g.actualEndDate !== null && compareDates(g.actualEndDate, asOf) > 0 ? { ...g, actualEndDate: null } : g));
}

export type EconomyOverviewInput = {
  year: number;
  asOf: CalendarDate;
  frame: EconomyFrame | null;
  /** The refund rate of the regime in force on 1 January of the year, for frame / rate. */
  yearRefundRate: number;
  /** E9: the accounting function for non-refundable mentor costs, per month of the year (from the regime table). */
  accountingFunctionOf: (month: CalendarMonth) => string | null;
  /** R-FIN-5 [U]: the regime's ceiling rate per full-time person for the year, if any. */
  budgetCeilingRatePerFte: number | null;
  /** R-FIN-5: whether an admin has confirmed the rate with a source (false = the draft placeholder). */
  budgetCeilingRateVerified?: boolean;
  budgetCeilingRateSourceNote?: string | null;
  /** Approved and ended grants overlapping the year or the 12 months before asOf (for the forecast). */
  grants: readonly EconomyGrantFacts[];
  lookbackMonths: number;
};

/** Builds the economy overview of `year` as it stands on `asOf`. */
export function buildEconomyOverview(input: EconomyOverviewInput): EconomyOverview {
  const { year, asOf } = input;
  const grants = grantsKnownOn(input.grants, asOf);
  const rows = grantsOverlappingYear(grants, year).map((g) => costOfYear(g, year, asOf));
  const forecasts = forecastsByRefundClass(input, grants, rows);
  const refund = refundPosition(input, rows, forecasts);
  const { total: forecast } = forecasts;
  const courses = rows.filter((r) => r.spendKr > 0).length;
  const hours = rows.reduce((s, r) => s + r.hours, 0);
  return {
    year,
    asOf,
    spend: roundKr(refund.ofYear.spendKr),
    eligibleSpend: roundKr(refund.ofYear.eligibleSpendKr),
    refund: roundKr(refund.ofYear.refundKr),
    refundFrame: refund.frameKr,
    overFramePercent: nullableRound(refund.percentOver(input.frame?.budgetKr ?? null)),
    forecast: summariseForecast(forecast, refund.expectedRefundKr),
    budgetKr: input.frame?.budgetKr ?? null,
    refundRate: input.yearRefundRate,
    refundableSpendKr: refund.refundableKr === null ? null : roundKr(refund.refundableKr),
    spendOverFramePercent: nullableRound(refund.percentOver(refund.ofYear.spendKr)),
    forecastOverFramePercent: nullableRound(refund.percentOver(forecast.expectedKr)),
    refundInsideFrameKr: roundKr(refund.ofYear.refundInsideFrameKr),
    refundOutsideFrameKr: roundKr(refund.ofYear.refundOutsideFrameKr),
    refundLostToFrameKr: roundKr(refund.ofYear.refundLostToFrameKr),
    spendBasis: spendBasisOf(rows),
    courses,
    hours: roundHours(hours),
    averageCostPerCourseKr: courses > 0 ? roundKr(refund.ofYear.spendKr / courses) : null,
    averageCostPerHourKr: hours > 0 ? roundKr(refund.ofYear.spendKr / hours) : null,
    alerts: forecastAlerts({
      total: forecast,
      insideFrame: forecasts.insideFrame,
      budgetKr: input.frame?.budgetKr ?? null,
      refundableSpendKr: refund.refundableKr,
    }).map((a) => ({ ...a, limitKr: roundKr(a.limitKr), forecastKr: roundKr(a.forecastKr) })),
    byMonth: spendByMonthOfYear(rows, year, forecast),
    byMentorType: breakdown(
      rows,
      (r) => r.facts.type,
      (k) => grantTypeLabels[k as GrantType] ?? k,
      grantTypes,
    ),
    byProviderType: breakdown(
      rows,
      (r) => r.facts.providerType ?? 'none',
      (k) => providerTypeLabels[k] ?? 'Ingen mentor',
      Object.keys(providerTypeLabels),
    ),
    byTargetGroup: breakdown(
      rows,
      (r) => r.facts.targetGroup ?? 'unknown',
      (k) => targetGroupLabels[k as TargetGroupCode] ?? 'Målgruppe ikke registreret',
      targetGroupCodes,
    ),
    byRefundClass: breakdownByRefundClass(rows, refund.ofYear),
    accountingFunctions: accountingFunctionTotals(rows, input.accountingFunctionOf),
    budgetCeiling: budgetCeilingOf(input, forecast),
  };
}

function grantsOverlappingYear(grants: readonly EconomyGrantFacts[], year: number): EconomyGrantFacts[] {
  const yearFrom = firstDayOfYear(year);
  const yearTo = lastDayOfYear(year);
  return grants.filter((g) => compareDates(g.startDate, yearTo) <= 0 && compareDates(g.actualEndDate ?? g.plannedEndDate, yearFrom) >= 0);
}

type Forecasts = { total: YearEndForecast; insideFrame: YearEndForecast; outsideFrame: YearEndForecast };

/** The year-end forecast in total, and per refund class for the frame alert and the expected refund. */
function forecastsByRefundClass(input: EconomyOverviewInput, grants: readonly EconomyGrantFacts[], rows: readonly GrantYear[]): Forecasts {
  const forecastOf = (subsetGrants: readonly EconomyGrantFacts[], subsetRows: readonly GrantYear[]) =>
    forecastYearEnd({
      year: input.year,
      asOf: input.asOf,
      spentByMonth: subsetRows.flatMap((r) => r.spendMonths),
      grants: subsetGrants.map(forecastGrantOf),
      lookbackMonths: input.lookbackMonths,
    });
  const ofClass = (cls: RefundClass) =>
    forecastOf(
      grants.filter((g) => g.refundClass === cls),
      rows.filter((r) => r.facts.refundClass === cls),
    );
  return { total: forecastOf(grants, rows), insideFrame: ofClass('inside_frame'), outsideFrame: ofClass('outside_frame') };
}

type RefundPosition = {
  frameKr: number | null;
  ofYear: ReturnType<typeof refundOfYear>;
  /** frame / rate (R-FIN-3), null without a frame or refund. */
  refundableKr: number | null;
  /** How far an amount lies above the refundable spend, in percent (S4); null without a frame. */
  percentOver: (amountKr: number | null) => number | null;
  expectedRefundKr: number;
};

/**
 * R-FIN-2/3: the refund of the spend so far (each grant at its agreement's rate, R-FIN-1), the refundable
 * spend of the frame, and the refund the forecast can expect: inside-frame spend capped by the frame,
 * outside-frame spend uncapped, both at the rate of the year.
 */
function refundPosition(input: EconomyOverviewInput, rows: readonly GrantYear[], forecasts: Forecasts): RefundPosition {
  const frameKr = input.frame?.refundFrameKr ?? null;
  const refundRate = input.yearRefundRate;
  const ofYear = refundOfYear({
    refundFrameKr: frameKr ?? 0,
    items: rows.map((r) => ({ spendKr: r.spendKr, refundRate: r.facts.refundRate, refundClass: r.facts.refundClass })),
  });
  const expectedRefundKr =
    refundInsideFrame({ eligibleSpendKr: forecasts.insideFrame.expectedKr, refundRate, refundFrameKr: frameKr ?? 0 }) +
    refundRate * forecasts.outsideFrame.expectedKr;
  return {
    frameKr,
    ofYear,
    refundableKr: frameKr === null ? null : refundableSpend({ refundFrameKr: frameKr, refundRate }),
    percentOver: (amountKr) =>
      frameKr === null || amountKr === null ? null : overFramePercent({ amountKr, refundFrameKr: frameKr, refundRate }),
    expectedRefundKr,
  };
}

function summariseForecast(forecast: YearEndForecast, expectedRefundKr: number): EconomyOverview['forecast'] {
  return {
    ...roundForecast(forecast),
    spentKr: roundKr(forecast.spentKr),
    committedKr: roundKr(forecast.committedKr),
    expectedNewKr: roundKr(forecast.expectedNewKr),
    earlyEndSharePercent: roundPercent(forecast.earlyEndShare * 100),
    startsPerMonth: roundHours(forecast.startsPerMonth),
    averageCourseCostKr: roundKr(forecast.averageCourseCostKr),
    averageCourseDays: Math.round(forecast.averageCourseDays),
    expectedRefundKr: roundKr(expectedRefundKr),
    method: forecastMethod,
  };
}

/** Spend, plan, deliveries and invoices per month of the year, with the cumulative forecast and its band. */
function spendByMonthOfYear(rows: readonly GrantYear[], year: number, forecast: YearEndForecast): EconomyMonth[] {
  const monthSum = (pick: (r: GrantYear, m: CalendarMonth) => number, month: CalendarMonth) => rows.reduce((s, r) => s + pick(r, month), 0);
  let cumulativeSpend = 0;
  return monthsOfYear(year).map((month, i) => {
    const spend = monthSum((r, m) => r.spendMonths.find((s) => s.month === m)?.amountKr ?? 0, month);
    cumulativeSpend += spend;
    const f = forecast.byMonth[i]!;
    return {
      month,
      spendKr: roundKr(spend),
      plannedKr: roundKr(monthSum((r, m) => r.plannedByMonth.get(m) ?? 0, month)),
      deliveredKr: roundKr(monthSum((r, m) => r.deliveredByMonth.get(m) ?? 0, month)),
      invoicedKr: roundKr(monthSum((r, m) => r.invoicedByMonth.get(m) ?? 0, month)),
      cumulativeSpendKr: roundKr(cumulativeSpend),
      forecastKr: roundKr(f.expectedKr),
      cumulativeForecastKr: roundKr(f.cumulativeExpectedKr),
      cumulativeLowKr: roundKr(f.cumulativeLowKr),
      cumulativeHighKr: roundKr(f.cumulativeHighKr),
    };
  });
}

/** E9: spend per refund class and the accounting function of the month it was spent in. */
function accountingFunctionTotals(
  rows: readonly GrantYear[],
  accountingFunctionOf: (month: CalendarMonth) => string | null,
): AccountingFunctionRow[] {
  const functionTotals = new Map<string, AccountingFunctionRow>();
  for (const row of rows) {
    for (const m of row.spendMonths) {
      const code = row.facts.refundClass === 'none' ? accountingFunctionOf(m.month) : null;
      const key = `${row.facts.refundClass}|${code ?? ''}`;
      const entry = functionTotals.get(key) ?? {
        functionCode: code,
        refundClass: row.facts.refundClass,
        spendKr: 0,
        note:
          code === null
            ? 'Funktion for refusionsberettigede udgifter er ikke angivet i kilderne (ikke bekræftet); konteres efter kommunens kontoplan.'
            : null,
      };
      entry.spendKr += m.amountKr;
      functionTotals.set(key, entry);
    }
  }
  return [...functionTotals.values()].map((f) => ({ ...f, spendKr: roundKr(f.spendKr) }));
}

/** How much of the spend is invoiced, delivered (not yet invoiced) or only planned. */
function spendBasisOf(rows: readonly GrantYear[]): Record<SpendBasis, number> {
  const spendBasis: Record<SpendBasis, number> = { invoiced: 0, delivered: 0, planned: 0 };
  for (const row of rows) for (const m of row.spendMonths) spendBasis[m.basis] += m.amountKr;
  return { invoiced: roundKr(spendBasis.invoiced), delivered: roundKr(spendBasis.delivered), planned: roundKr(spendBasis.planned) };
}

function breakdownByRefundClass(rows: readonly GrantYear[], refund: ReturnType<typeof refundOfYear>): EconomyOverview['byRefundClass'] {
  return breakdown(
    rows,
    (r) => r.facts.refundClass,
    (k) => refundClassLabels[k as RefundClass],
    ['inside_frame', 'outside_frame', 'none'],
  ).map((row) => ({
    ...row,
    refundKr: roundKr(
      row.key === 'inside_frame' ? refund.refundInsideFrameKr : row.key === 'outside_frame' ? refund.refundOutsideFrameKr : 0,
    ),
  }));
}

/** R-FIN-5 [U]: the 2026 ceiling on mentor and other guidance spend, when the regime has a rate and FTEs are known. */
function budgetCeilingOf(input: EconomyOverviewInput, forecast: YearEndForecast): EconomyOverview['budgetCeiling'] {
  const ceilingRate = input.budgetCeilingRatePerFte;
  if (input.year < 2026 || ceilingRate === null || input.frame?.fullTimePersons == null) return null;
  const report = reportBudgetCeiling({
    ratePerFteKr: ceilingRate,
    fullTimePersons: input.frame.fullTimePersons,
    mentorSpendKr: forecast.expectedKr,
    otherGuidanceSpendKr: input.frame.otherGuidanceSpendKr ?? 0,
  });
  return {
    ...roundCeiling(report),
    rateVerified: input.budgetCeilingRateVerified ?? false,
    rateSourceNote: input.budgetCeilingRateSourceNote ?? null,
  };
}

function nullableRound(percent: number | null): number | null {
  return percent === null ? null : roundPercent(percent);
}

function roundCeiling(report: BudgetCeilingReport): BudgetCeilingReport {
  return {
    ...report,
    ceilingKr: roundKr(report.ceilingKr),
    mentorSpendKr: roundKr(report.mentorSpendKr),
    otherGuidanceSpendKr: roundKr(report.otherGuidanceSpendKr),
    totalSpendKr: roundKr(report.totalSpendKr),
    overCeilingKr: roundKr(report.overCeilingKr),
    percentOfCeiling: nullableRound(report.percentOfCeiling),
  };
}

/** The oldest date the overview needs facts from: 12 months before asOf for early ends, or 1 January. */
export function economyFactsFrom(year: number, asOf: CalendarDate): CalendarDate {
  return minDate(firstDayOfYear(year), addMonths(asOf, -12));
}
