/**
 * The reports politicians ask for (issue 5 point 3), modelled on Copenhagen's mentor report (seed S2,
 * figures 1–9 and table 4) and Hvidovre's figures (seed S0): each report is a table of counts of units
 * (persons, courses or offers), each unit placed in one row and one column, so that every figure can be
 * traced back to the units behind it (drill-down for roles that may see citizens). R-STAT-1 statistical
 * discretion is applied to the inner cells (primary and secondary suppression, `suppressTable`) and to
 * the margins; percentages are given only for shown cells.
 */
import { danishMonthNames } from './calendar-month.ts';
import { ageOn, daysBetween, type CalendarDate } from './calendar-date.ts';
import type { OfferTypeCode } from './offer-types.ts';
import { suppressTable } from './statistical-suppression.ts';

export const cohortReportNames = [
  'persons-per-year',
  'starts-per-month',
  'age',
  'gender',
  'origin',
  'benefit-duration',
  'mentor-duration',
  'outcome-status',
  'offers-at-horizon',
  'providers',
] as const;
export type CohortReportName = (typeof cohortReportNames)[number];

export type ReportAxis = { key: string; label: string };
/** One counted unit: a person (or a course, or an offer) in one row and one column of a report. */
export type ReportUnit = { citizenId: number; row: string; column: string };

/**
 * How the percentages are read: `column` = share of the column's total (Copenhagen's figures);
 * `denominator` = share of a population given per cell (e.g. the share of a target group that had a
 * mentor, Hvidovre/Jobindsats); `none` = counts only.
 */
export type PercentBase = 'column' | 'denominator' | 'none';

export type ReportTable = {
  report: CohortReportName;
  title: string;
  /** What the figure shows and, plainly, what it does not (no causal claim). */
  caption: string;
  unit: 'personer' | 'forløb' | 'tilbud';
  percentBase: PercentBase;
  columns: ReportAxis[];
  /** False when the columns are not parts of one whole (e.g. "with mentor" next to "whole target group"). */
  rowTotals: boolean;
  rows: (ReportAxis & { values: (number | null)[]; percentages: (number | null)[]; total: number | null })[];
  columnTotals: (number | null)[];
  total: number | null;
  /** Denominators for `percentBase: 'denominator'` (e.g. persons in the target group), suppressed alike. */
  denominators?: (number | null)[][];
  suppressed: { row: string; column: string }[];
  threshold: number;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Counts the units into the table of `rows` × `columns`, adds the margins (row totals, column totals,
 * grand total) and percentages, and suppresses (R-STAT-1) on the table *with* its margins: small cells
 * and small totals are hidden, then further cells until no line — a row with its total, a column with
 * its total, the row of column totals with the grand total — has exactly one hidden entry, so no hidden
 * figure can be recovered by subtraction from a shown total. Units outside the table are a caller's bug.
 */
export function buildReportTable(input: {
  report: CohortReportName;
  title: string;
  caption: string;
  unit: ReportTable['unit'];
  rows: ReportAxis[];
  columns: ReportAxis[];
  units: readonly ReportUnit[];
  threshold: number;
  percentBase: PercentBase;
  rowTotals?: boolean;
  /** Per row and column, for `percentBase: 'denominator'`. */
  denominators?: number[][];
}): ReportTable {
  const rowIndex = new Map(input.rows.map((r, i) => [r.key, i]));
  const columnIndex = new Map(input.columns.map((c, j) => [c.key, j]));
  const counts = input.rows.map(() => input.columns.map(() => 0));
  for (const unit of input.units) {
    const i = rowIndex.get(unit.row);
    const j = columnIndex.get(unit.column);
    if (i === undefined || j === undefined) throw new Error(`unit outside the table: ${unit.row}/${unit.column}`);
    counts[i]![j]! += 1;
  }
  const rowSums = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnSums = input.columns.map((_, j) => counts.reduce((a, row) => a + row[j]!, 0));
  const grand = rowSums.reduce((a, b) => a + b, 0);
  const augmented = suppressTable({
    cells: [...counts.map((row, i) => [...row, rowSums[i]!]), [...columnSums, grand]],
    threshold: input.threshold,
  });
  const cols = input.columns.length;
  const values = augmented.values.slice(0, -1).map((row) => row.slice(0, cols));
  const denominators = input.denominators ? suppressTable({ cells: input.denominators, threshold: input.threshold }).values : undefined;
  const percentage = (i: number, j: number): number | null => {
    const value = values[i]![j]!;
    if (value === null) return null;
    if (input.percentBase === 'column') return columnSums[j]! > 0 ? round1((value / columnSums[j]!) * 100) : null;
    if (input.percentBase === 'denominator') {
      const d = input.denominators?.[i]?.[j] ?? 0;
      return d > 0 && denominators?.[i]?.[j] !== null ? round1((value / d) * 100) : null;
    }
    return null;
  };
  return {
    report: input.report,
    title: input.title,
    caption: input.caption,
    unit: input.unit,
    percentBase: input.percentBase,
    columns: input.columns,
    rowTotals: input.rowTotals ?? true,
    rows: input.rows.map((r, i) => ({
      ...r,
      values: values[i]!,
      percentages: input.columns.map((_, j) => percentage(i, j)),
      total: augmented.values[i]![cols]!,
    })),
    columnTotals: augmented.values[input.rows.length]!.slice(0, cols),
    total: augmented.values[input.rows.length]![cols]!,
    ...(denominators ? { denominators } : {}),
    suppressed: augmented.suppressed.map(([i, j]) => ({ row: input.rows[i]?.key ?? 'total', column: input.columns[j]?.key ?? 'total' })),
    threshold: input.threshold,
  };
}

// --- Bands (Copenhagen's, seed S2) ---------------------------------------------------------------

/** Average Gregorian month in days, to turn durations into months the way the figures read them. */
const daysPerMonth = 365.25 / 12;

export const age30Columns: ReportAxis[] = [
  { key: 'under30', label: 'Under 30 år' },
  { key: '30plus', label: 'Fyldt 30 år' },
];
export function age30Of(birthDate: CalendarDate, on: CalendarDate): 'under30' | '30plus' {
  return ageOn(birthDate, on) < 30 ? 'under30' : '30plus';
}

/** Figure 2: under 30, 30–39, 40–49, 50+ (the keys of `ageBand` in passive-citizens.ts). */
export const ageBands: ReportAxis[] = [
  { key: 'under30', label: 'Under 30 år' },
  { key: '30-39', label: '30–39 år' },
  { key: '40-49', label: '40–49 år' },
  { key: '50+', label: '50 år og derover' },
];

export const genderRows: ReportAxis[] = [
  { key: 'female', label: 'Kvinde' },
  { key: 'male', label: 'Mand' },
  { key: 'other', label: 'Andet' },
  { key: 'unknown', label: 'Ikke oplyst' },
];
export const originRows: ReportAxis[] = [
  { key: 'danish', label: 'Dansk oprindelse' },
  { key: 'western', label: 'Vestlig oprindelse' },
  { key: 'non_western', label: 'Ikke-vestlig oprindelse' },
  { key: 'unknown', label: 'Ikke oplyst' },
];

/** Figure 5 and the bands: months on benefit before the first course; 'none' = no register data. */
export const benefitDurationBands: ReportAxis[] = [
  { key: '0-3', label: '0–3 mdr.' },
  { key: '4-6', label: '4–6 mdr.' },
  { key: '7-12', label: '7–12 mdr.' },
  { key: '1-3y', label: 'Over 1 år (op til 3 år)' },
  { key: 'over3y', label: 'Over 3 år' },
  { key: 'none', label: 'Ingen registeroplysninger' },
];
export function benefitDurationBandOf(weeksOnBenefit: number | null): string {
  if (weeksOnBenefit === null) return 'none';
  const months = (weeksOnBenefit * 7) / daysPerMonth;
  return months <= 3 ? '0-3' : months <= 6 ? '4-6' : months <= 12 ? '7-12' : months <= 36 ? '1-3y' : 'over3y';
}

/**
 * Continuous weeks on benefit up to the week before `startWeek`: walks back through the citizen's
 * benefit spells (any order, may overlap) while they touch; 0 when the week before the start is not a
 * benefit week.
 */
export function weeksOnBenefitBefore(spells: readonly { fromWeek: number; toWeek: number }[], startWeek: number): number {
  const sorted = spells.filter((s) => s.fromWeek < startWeek).sort((a, b) => b.toWeek - a.toWeek);
  let reach = startWeek; // the earliest week known to be covered, continuing back from the start
  for (const s of sorted) {
    if (s.toWeek < reach - 1) break;
    reach = Math.min(reach, s.fromWeek);
  }
  return startWeek - reach;
}

/** Figure 6: total mentor duration per citizen; ongoing courses count as planned (seed S2, note 1). */
export const mentorDurationBands: ReportAxis[] = [
  { key: '0-3', label: '0–3 mdr.' },
  { key: '3-6', label: '3–6 mdr.' },
  { key: '6-12', label: '6–12 mdr.' },
  { key: 'over12', label: 'Mere end 1 år' },
];
export function mentorDurationBandOf(totalDays: number): string {
  const months = totalDays / daysPerMonth;
  return months <= 3 ? '0-3' : months <= 6 ? '3-6' : months <= 12 ? '6-12' : 'over12';
}

/** Days of a course: actual end when ended, else the planned end (ongoing courses counted as planned). */
export function courseDays(course: { startDate: CalendarDate; endDate: CalendarDate; actualEndDate: CalendarDate | null }): number {
  return daysBetween(course.startDate, course.actualEndDate ?? course.endDate) + 1;
}

/** Figure 7: what is in progress at the horizon, by Copenhagen's offer groups. */
export const horizonOfferRows: ReportAxis[] = [
  { key: 'mentor', label: 'Mentor' },
  { key: 'company', label: 'Virksomhedsplacering' },
  { key: 'guidance', label: 'Vejledning og opkvalificering' },
  { key: 'other', label: 'Øvrige' },
];
export function horizonOfferGroupOf(offerType: OfferTypeCode | string): 'company' | 'guidance' | 'other' {
  if (offerType === 'virksomhedspraktik' || offerType === 'loentilskud') return 'company';
  if (offerType === 'vejledning_opkvalificering') return 'guidance';
  return 'other';
}

/** Figures 9–10: who delivers the course, by provider type. */
export const providerRows: ReportAxis[] = [
  { key: 'external', label: 'Eksterne leverandører' },
  { key: 'internal', label: 'Jobcenter' },
  { key: 'employment_centre', label: 'Beskæftigelsescenter' },
  { key: 'company', label: 'Virksomhed' },
  { key: 'education', label: 'Uddannelsesinstitution' },
  { key: 'volunteer', label: 'Frivillig' },
  { key: 'none', label: 'Ingen mentor tildelt' },
];

export const monthRows: ReportAxis[] = danishMonthNames.map((label, i) => ({ key: String(i + 1).padStart(2, '0'), label }));
