/**
 * Calendar months ('YYYY-MM') for the economy (issue 4): costs are reported by month, and a cost that
 * runs over a period is spread over its months in proportion to the days it covers.
 */
import { addDays, compareDates, daysBetween, maxDate, minDate, type CalendarDate } from './calendar-date.ts';

export type CalendarMonth = string;

export function monthOf(date: CalendarDate): CalendarMonth {
  return date.slice(0, 7);
}

export function firstDayOf(month: CalendarMonth): CalendarDate {
  return `${month}-01`;
}

export function lastDayOf(month: CalendarMonth): CalendarDate {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

export function monthsOfYear(year: number): CalendarMonth[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

export function firstDayOfYear(year: number): CalendarDate {
  return `${year}-01-01`;
}

export function lastDayOfYear(year: number): CalendarDate {
  return `${year}-12-31`;
}

/** Inclusive number of days from `from` to `to` (0 when `to` is before `from`). */
export function daysInclusive(from: CalendarDate, to: CalendarDate): number {
  return Math.max(0, daysBetween(from, to) + 1);
}

/** The part of [from, to] inside [windowFrom, windowTo], or null when they do not overlap (inclusive ends). */
export function clampPeriod(
  period: { from: CalendarDate; to: CalendarDate },
  window: { from: CalendarDate; to: CalendarDate },
): { from: CalendarDate; to: CalendarDate } | null {
  const from = maxDate(period.from, window.from);
  const to = minDate(period.to, window.to);
  return compareDates(from, to) <= 0 ? { from, to } : null;
}

/**
 * Splits the inclusive period [from, to] at month boundaries: one piece per month with its day count.
 * Used to spread an amount over months in proportion to days.
 */
export function monthPieces(
  from: CalendarDate,
  to: CalendarDate,
): { month: CalendarMonth; from: CalendarDate; to: CalendarDate; days: number }[] {
  const pieces: { month: CalendarMonth; from: CalendarDate; to: CalendarDate; days: number }[] = [];
  let cursor = from;
  while (compareDates(cursor, to) <= 0) {
    const month = monthOf(cursor);
    const pieceEnd = minDate(lastDayOf(month), to);
    pieces.push({ month, from: cursor, to: pieceEnd, days: daysInclusive(cursor, pieceEnd) });
    cursor = addDays(pieceEnd, 1);
  }
  return pieces;
}

const shortMonthNames = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];

/** The Danish short month name of 'YYYY-MM' ("jan.", "maj", "dec."), as Intl's da-DK writes it. */
export function danishShortMonth(month: CalendarMonth): string {
  return shortMonthNames[Number(month.slice(5, 7)) - 1] ?? month;
}

/** The Danish month names, January first. */
export const danishMonthNames: readonly string[] = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

/** 'YYYY-MM' in words: "oktober 2026". */
export function danishMonthAndYear(month: CalendarMonth): string {
  const name = danishMonthNames[Number(month.slice(5, 7)) - 1];
  return name ? `${name} ${month.slice(0, 4)}` : month;
}
