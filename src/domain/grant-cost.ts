/**
 * The cost of a mentor grant (issue 4 point 2): planned (granted hours × weeks × the hourly rate valid
 * at the time), delivered (logged hours × rate) and invoiced (what the provider billed), each by month.
 * Rates come with validity dates; a grant's rate on a day is the most specific one valid that day.
 */
import { addDays, compareDates, type CalendarDate } from './calendar-date.ts';
import { clampPeriod, daysInclusive, monthOf, monthPieces, type CalendarMonth } from './calendar-month.ts';

/**
 * Where an hourly rate comes from, most specific first: the municipality's internal cost rate for its
 * own mentor, a mentor's own price (e.g. an external consultant's fee), a company mentor's wage cost
 * (R-CMP-2), and the provider's price list.
 */
export const rateSources = ['mentor_internal_cost', 'mentor_price', 'company_wage_cost', 'provider'] as const;
export type RateSource = (typeof rateSources)[number];

export type HourlyRate = { hourlyRateKr: number; validFrom: CalendarDate; validTo: CalendarDate | null; source: RateSource };

function covers(rate: HourlyRate, on: CalendarDate): boolean {
  return compareDates(rate.validFrom, on) <= 0 && (rate.validTo === null || compareDates(on, rate.validTo) <= 0);
}

/** The rate valid on a day: the most specific source wins, then the latest valid-from. */
export function hourlyRateOn(rates: readonly HourlyRate[], on: CalendarDate): HourlyRate | null {
  let best: HourlyRate | null = null;
  for (const rate of rates) {
    if (!covers(rate, on)) continue;
    if (
      best === null ||
      rateSources.indexOf(rate.source) < rateSources.indexOf(best.source) ||
      (rate.source === best.source && compareDates(rate.validFrom, best.validFrom) > 0)
    ) {
      best = rate;
    }
  }
  return best;
}

/** Hours and what they cost, over a grant or one of its months. */
type HoursAndAmount = { hours: number; amountKr: number };

export type MonthlyCost = HoursAndAmount & { month: CalendarMonth };

export type CostSummary = HoursAndAmount & {
  /** Hours on days without any valid rate: they are counted but not priced. */
  unpricedHours: number;
  byMonth: MonthlyCost[];
};

function addTo(byMonth: Map<CalendarMonth, MonthlyCost>, month: CalendarMonth, hours: number, amountKr: number): void {
  const entry = byMonth.get(month) ?? { month, hours: 0, amountKr: 0 };
  entry.hours += hours;
  entry.amountKr += amountKr;
  byMonth.set(month, entry);
}

function summarise(byMonth: Map<CalendarMonth, MonthlyCost>, unpricedHours: number): CostSummary {
  const months = [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
  return {
    hours: months.reduce((s, m) => s + m.hours, 0),
    amountKr: months.reduce((s, m) => s + m.amountKr, 0),
    unpricedHours,
    byMonth: months,
  };
}

/** Days on which the price may change inside [from, to]: rate starts and the day after rate ends. */
function rateBreaks(rates: readonly HourlyRate[], from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const breaks = new Set<CalendarDate>();
  for (const rate of rates) {
    for (const day of [rate.validFrom, rate.validTo === null ? null : addDays(rate.validTo, 1)]) {
      if (day !== null && compareDates(from, day) < 0 && compareDates(day, to) <= 0) breaks.add(day);
    }
  }
  return [...breaks].sort();
}

/**
 * Planned cost: the granted weekly hours spread evenly over the days of the period (hours × weeks), each
 * day priced at the rate valid that day, optionally only the part inside `window` (e.g. one year, or the
 * days after today for the committed cost of a forecast).
 */
export function plannedCost(input: {
  weeklyHours: number;
  startDate: CalendarDate;
  endDate: CalendarDate;
  rates: readonly HourlyRate[];
  window?: { from: CalendarDate; to: CalendarDate };
}): CostSummary {
  const byMonth = new Map<CalendarMonth, MonthlyCost>();
  let unpricedHours = 0;
  const period = input.window
    ? clampPeriod({ from: input.startDate, to: input.endDate }, input.window)
    : { from: input.startDate, to: input.endDate };
  if (period === null || input.weeklyHours <= 0) return summarise(byMonth, 0);
  const breaks = rateBreaks(input.rates, period.from, period.to);
  for (const piece of monthPieces(period.from, period.to)) {
    const cuts = [piece.from, ...breaks.filter((b) => compareDates(piece.from, b) < 0 && compareDates(b, piece.to) <= 0)];
    cuts.forEach((segmentStart, i) => {
      const segmentEnd = i + 1 < cuts.length ? addDays(cuts[i + 1]!, -1) : piece.to;
      const days = daysInclusive(segmentStart, segmentEnd);
      const hours = (input.weeklyHours * days) / 7;
      const rate = hourlyRateOn(input.rates, segmentStart);
      if (rate === null) unpricedHours += hours;
      addTo(byMonth, piece.month, hours, rate === null ? 0 : hours * rate.hourlyRateKr);
    });
  }
  return summarise(byMonth, unpricedHours);
}

/** Delivered cost: logged hours of attended contacts, each priced at the rate valid on its day (R-DEL-1 data). */
export function deliveredCost(input: {
  deliveries: readonly { date: CalendarDate; hours: number }[];
  rates: readonly HourlyRate[];
  window?: { from: CalendarDate; to: CalendarDate };
}): CostSummary {
  const byMonth = new Map<CalendarMonth, MonthlyCost>();
  let unpricedHours = 0;
  for (const delivery of input.deliveries) {
    if (input.window && clampPeriod({ from: delivery.date, to: delivery.date }, input.window) === null) continue;
    const rate = hourlyRateOn(input.rates, delivery.date);
    if (rate === null) unpricedHours += delivery.hours;
    addTo(byMonth, monthOf(delivery.date), delivery.hours, rate === null ? 0 : delivery.hours * rate.hourlyRateKr);
  }
  return summarise(byMonth, unpricedHours);
}

/** Invoiced cost: each invoice line's hours and amount spread over its period's months in proportion to days. */
export function invoicedCost(input: {
  lines: readonly { periodFrom: CalendarDate; periodTo: CalendarDate; hours: number; amountKr: number }[];
  window?: { from: CalendarDate; to: CalendarDate };
}): CostSummary {
  const byMonth = new Map<CalendarMonth, MonthlyCost>();
  for (const line of input.lines) {
    const pieces = monthPieces(line.periodFrom, line.periodTo);
    const totalDays = pieces.reduce((s, p) => s + p.days, 0);
    for (const piece of pieces) {
      if (input.window && clampPeriod(piece, input.window) === null) continue;
      const share = totalDays === 0 ? 0 : piece.days / totalDays;
      addTo(byMonth, piece.month, line.hours * share, line.amountKr * share);
    }
  }
  return summarise(byMonth, 0);
}

export type SpendBasis = 'invoiced' | 'delivered' | 'planned';

/**
 * What a grant has cost in each elapsed month, from the best evidence there is: the provider's invoice
 * when the month is invoiced; otherwise the logged hours × rate when contacts are logged; otherwise the
 * planned cost of the days up to `asOf` (an accrual, so that a running grant whose delivery is not
 * logged or billed yet is not shown as free). Months after `asOf` are not spend; `plannedToDate` is the
 * planned cost of the days up to `asOf` only.
 */
export function spendByMonth(input: {
  plannedToDate: CostSummary;
  delivered: CostSummary;
  invoiced: CostSummary;
  asOf: CalendarDate;
}): (MonthlyCost & { basis: SpendBasis })[] {
  const months = new Set<CalendarMonth>();
  for (const summary of [input.plannedToDate, input.delivered, input.invoiced]) for (const m of summary.byMonth) months.add(m.month);
  const find = (summary: CostSummary, month: CalendarMonth) => summary.byMonth.find((m) => m.month === month);
  const result: (MonthlyCost & { basis: SpendBasis })[] = [];
  for (const month of [...months].sort()) {
    if (month > monthOf(input.asOf)) continue;
    const invoiced = find(input.invoiced, month);
    const delivered = find(input.delivered, month);
    const planned = find(input.plannedToDate, month);
    if (invoiced && invoiced.amountKr > 0) result.push({ ...invoiced, basis: 'invoiced' });
    else if (delivered && delivered.hours > 0) result.push({ ...delivered, basis: 'delivered' });
    else if (planned) result.push({ ...planned, basis: 'planned' });
  }
  return result;
}

/**
 * A new rate continues a price list: it must start after every existing rate, and the open (or
 * overlapping) latest rate is closed the day before, so that exactly one rate of a kind is valid on
 * any day.
 */
export function decideRateSuccession(input: {
  existing: readonly { id: number; validFrom: CalendarDate; validTo: CalendarDate | null }[];
  validFrom: CalendarDate;
}): { outcome: 'add'; close: { id: number; validTo: CalendarDate } | null } | { outcome: 'conflict'; message: string } {
  const later = input.existing.find((r) => compareDates(r.validFrom, input.validFrom) >= 0);
  if (later) {
    return { outcome: 'conflict', message: `A rate valid from ${later.validFrom} exists; a new rate must start after the latest one` };
  }
  const latest = [...input.existing].sort((a, b) => compareDates(b.validFrom, a.validFrom))[0];
  if (latest && (latest.validTo === null || compareDates(latest.validTo, input.validFrom) >= 0)) {
    return { outcome: 'add', close: { id: latest.id, validTo: addDays(input.validFrom, -1) } };
  }
  return { outcome: 'add', close: null };
}
