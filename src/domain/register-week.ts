/**
 * Register weeks: '2015-W07' (ISO week) ↔ week index = whole weeks since Monday 1970-01-05, the integer
 * the database stores spells in (function week_index in the migrations).
 */
import { addDays, daysBetween, mondayOf, type CalendarDate } from './calendar-date.ts';

const epochMonday = '1970-01-05';

export function weekIndexOf(date: CalendarDate): number {
  return Math.floor(daysBetween(epochMonday, mondayOf(date)) / 7);
}

/** '2015-W07' → week index, or null when it is not an ISO week. */
export function parseIsoWeek(text: string): number | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  const jan4 = `${year}-01-04`;
  const week1Monday = mondayOf(jan4);
  const monday = addDays(week1Monday, (week - 1) * 7);
  // Week 53 exists only in long years: its Thursday must still be in the same year.
  if (week < 1 || week > 53 || addDays(monday, 3).slice(0, 4) !== String(year)) return null;
  return weekIndexOf(monday);
}
