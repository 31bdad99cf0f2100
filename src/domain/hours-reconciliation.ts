/**
 * R-DEL-1: per ISO week of a grant, the hours granted, logged (attended contacts) and confirmed by the
 * citizen. A week that has ended with logged hours below granted × (1 − tolerance) is a shortfall,
 * which blocks payment approval until a caseworker has reviewed it (STAR fokusrevision 2019, E11).
 * Partial first and last weeks are granted pro rata by days.
 */
import { formatIsoWeeks, formatShare } from './danish-format.ts';
import { addDays, compareDates, isoWeekOf, maxDate, minDate, mondayOf, daysBetween, type CalendarDate } from './calendar-date.ts';
import type { Finding } from './finding.ts';

export type HoursWeek = { week: string; granted: number; logged: number; confirmed: number };
export type HoursMonth = { month: string; granted: number; logged: number; confirmed: number };

/** The same hours per calendar month: granted pro rata by days of the period in the month. */
export function hoursByMonth(input: {
  period: { startDate: CalendarDate; endDate: CalendarDate };
  weeklyHours: number;
  contacts: { date: CalendarDate; minutes: number; attended: boolean; confirmed: boolean }[];
  asOf: CalendarDate;
}): HoursMonth[] {
  const months = new Map<string, HoursMonth>();
  const last = minDate(input.period.endDate, input.asOf);
  for (let day = input.period.startDate; compareDates(day, last) <= 0; day = addDays(day, 1)) {
    const key = day.slice(0, 7);
    const row = months.get(key) ?? { month: key, granted: 0, logged: 0, confirmed: 0 };
    row.granted += input.weeklyHours / 7;
    months.set(key, row);
  }
  for (const c of input.contacts) {
    const row = months.get(c.date.slice(0, 7));
    if (!row || !c.attended) continue;
    row.logged += c.minutes / 60;
    if (c.confirmed) row.confirmed += c.minutes / 60;
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return [...months.values()].map((m) => ({
    month: m.month,
    granted: round(m.granted),
    logged: round(m.logged),
    confirmed: round(m.confirmed),
  }));
}

export function reconcileHours(input: {
  period: { startDate: CalendarDate; endDate: CalendarDate };
  weeklyHours: number;
  contacts: { date: CalendarDate; minutes: number; attended: boolean; confirmed: boolean }[];
  tolerance: number;
  asOf: CalendarDate;
}): { hours: HoursWeek[]; findings: (Finding & { weeks?: string[] })[] } {
  const hours: HoursWeek[] = [];
  const byWeek = new Map<string, HoursWeek>();
  const last = minDate(input.period.endDate, input.asOf);
  for (let monday = mondayOf(input.period.startDate); compareDates(monday, last) <= 0; monday = addDays(monday, 7)) {
    const from = maxDate(monday, input.period.startDate);
    const to = minDate(addDays(monday, 6), input.period.endDate);
    const row = {
      week: isoWeekOf(monday),
      granted: Math.round(input.weeklyHours * ((daysBetween(from, to) + 1) / 7) * 100) / 100,
      logged: 0,
      confirmed: 0,
    };
    hours.push(row);
    byWeek.set(row.week, row);
  }
  for (const c of input.contacts) {
    if (!c.attended) continue;
    const row = byWeek.get(isoWeekOf(c.date));
    if (!row) continue;
    row.logged += c.minutes / 60;
    if (c.confirmed) row.confirmed += c.minutes / 60;
  }
  for (const row of hours) {
    row.logged = Math.round(row.logged * 100) / 100;
    row.confirmed = Math.round(row.confirmed * 100) / 100;
  }
  const ended = (week: string) => {
    const row = hours.find((h) => h.week === week);
    const index = row ? hours.indexOf(row) : -1;
    const sunday = addDays(mondayOf(input.period.startDate), index * 7 + 6);
    return compareDates(sunday, input.asOf) <= 0 || compareDates(input.period.endDate, input.asOf) < 0;
  };
  const short = hours.filter((h) => ended(h.week) && h.granted > 0 && h.logged < h.granted * (1 - input.tolerance)).map((h) => h.week);
  return {
    hours,
    findings:
      short.length === 0
        ? []
        : [
            {
              rule: 'R-DEL-1',
              severity: 'warning',
              message: `Leverede timer ligger under de bevilgede (tolerance ${formatShare(input.tolerance, { decimals: 0 })}) i ${formatIsoWeeks(short)}. Betaling kræver sagsbehandlers gennemgang.`,
              source: 'STAR fokusrevision af mentorområdet 2019 (E11)',
              weeks: short,
            },
          ],
  };
}
