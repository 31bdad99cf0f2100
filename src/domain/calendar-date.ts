/**
 * Calendar dates as 'YYYY-MM-DD' strings with inclusive period ends (issue 2 point 5): a 6-month period
 * from 2 March 2015 ends 1 September 2015; counted as 26 weeks it ends 30 August 2015.
 */
export type CalendarDate = string;

const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

function toUtc(d: CalendarDate): number {
  const m = pattern.exec(d);
  if (!m) throw new Error(`Not a calendar date: ${d}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtc(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const m = pattern.exec(value);
  if (!m) return false;
  return fromUtc(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) === value;
}

export function addDays(d: CalendarDate, days: number): CalendarDate {
  return fromUtc(toUtc(d) + days * dayMs);
}

/** Adds months, clamping to the month's last day (2015-08-31 + 6 months = 2016-02-29). */
export function addMonths(d: CalendarDate, months: number): CalendarDate {
  const m = pattern.exec(d)!;
  const year = Number(m[1]);
  const month = Number(m[2]) - 1 + months;
  const day = Number(m[3]);
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)));
}

/** b − a in days. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / dayMs);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** ISO 8601 week, e.g. '2015-W07' (weeks start Monday; week 1 holds the year's first Thursday). */
export function isoWeekOf(d: CalendarDate): string {
  const date = new Date(toUtc(d));
  const weekday = (date.getUTCDay() + 6) % 7;
  const thursday = new Date(date.getTime() + (3 - weekday) * dayMs);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstWeekday = (firstThursday.getUTCDay() + 6) % 7;
  const week1Monday = firstThursday.getTime() - firstWeekday * dayMs;
  const week = Math.floor((thursday.getTime() - week1Monday) / (7 * dayMs)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday of the ISO week containing d. */
export function mondayOf(d: CalendarDate): CalendarDate {
  const weekday = (new Date(toUtc(d)).getUTCDay() + 6) % 7;
  return addDays(d, -weekday);
}

export function ageOn(birthDate: CalendarDate, on: CalendarDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export type MonthConvention = 'calendar' | 'weeks26';

/**
 * Inclusive end of a period of `months` from `start`. Calendar: addMonths − 1 day. weeks26 (Copenhagen's
 * convention, seed S2): 26 weeks per 6 months, i.e. start + 181 days for 6 months.
 */
export function periodEndInclusive(input: { start: CalendarDate; months: number; convention: MonthConvention }): CalendarDate {
  if (input.convention === 'weeks26') return addDays(input.start, Math.round((input.months / 6) * 26 * 7) - 1);
  return addDays(addMonths(input.start, input.months), -1);
}

/** Today in Denmark's calendar (between 00:00 and 01:00 or 02:00 Danish time UTC is still yesterday); the clock is passed in. */
export function calendarDateOf(now: Date): CalendarDate {
  return danishDateOf(now);
}

const copenhagen = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Danish calendar date of an instant (a contact at 00:30 Danish time belongs to that Danish day). */
export function danishDateOf(instant: Date | string): CalendarDate {
  return copenhagen.format(typeof instant === 'string' ? new Date(instant) : instant);
}
