/**
 * Danish formats (issue 14): the one place that turns dates, times, weeks, numbers, kroner and percentages
 * into the text a Danish reader expects — on every page, in every PDF and in the text cells of every XLSX.
 * Dates `03.12.2026`, times `09.30`, date-times `03.12.2026 kl. 09.30`, weeks `uge 45` (`uge 45 2026`),
 * decimal comma and thousands dot (`2.544,50`), `2.544 kr.`, `12,5 %`.
 *
 * Instants are shown in Danish time (Europe/Copenhagen) whatever the time zone of the server or the
 * browser, so a PDF rendered on a UTC server and the page in the browser agree. Between a number and its
 * unit stands a no-break space (U+00A0, as `Intl` itself writes before `%`), so "2.544 kr." never breaks
 * over two lines. Pure: `Intl` only, no I/O.
 */
import { isoWeekOf, type CalendarDate } from './calendar-date.ts';

/** What a missing value is shown as. */
export const missingValue = '–';
/** No-break space between a number and its unit. */
export const unitSpace = '\u00a0';

const timeZone = 'Europe/Copenhagen';
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const weekPattern = /^(\d{4})-W(\d{2})$/;
const monthPattern = /^(\d{4})-(\d{2})$/;

const danishParts = new Intl.DateTimeFormat('en-GB', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function toInstant(instant: Date | string): Date {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new Error(`Not an instant: ${String(instant)}`);
  return date;
}

/** The wall-clock fields of an instant in Denmark. */
function danishFieldsOf(instant: Date | string): { year: string; month: string; day: string; hour: string; minute: string } {
  const parts = Object.fromEntries(danishParts.formatToParts(toInstant(instant)).map((p) => [p.type, p.value]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute! };
}

/** A calendar date ('2026-12-03') → '03.12.2026'; null → '–'. */
export function formatDate(date: CalendarDate | null | undefined): string {
  if (date === null || date === undefined || date === '') return missingValue;
  const m = datePattern.exec(date);
  if (!m) throw new Error(`Not a calendar date: ${date}`);
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/** An inclusive period '03.12.2026 – 02.06.2027' (an open end shows '–'). */
export function formatPeriod(from: CalendarDate | null | undefined, to: CalendarDate | null | undefined): string {
  return `${formatDate(from)} – ${formatDate(to)}`;
}

/** The Danish calendar date of an instant: '2026-12-02T23:30:00Z' → '03.12.2026' (00.30 Danish time). */
export function formatInstantDate(instant: Date | string | null | undefined): string {
  if (instant === null || instant === undefined || instant === '') return missingValue;
  const f = danishFieldsOf(instant);
  return `${f.day}.${f.month}.${f.year}`;
}

/** Danish clock time of an instant: '09.30'. */
export function formatTime(instant: Date | string | null | undefined): string {
  if (instant === null || instant === undefined || instant === '') return missingValue;
  const f = danishFieldsOf(instant);
  return `${f.hour}.${f.minute}`;
}

/** Date and Danish clock time of an instant: '03.12.2026 kl. 09.30'. */
export function formatDateTime(instant: Date | string | null | undefined): string {
  if (instant === null || instant === undefined || instant === '') return missingValue;
  return `${formatInstantDate(instant)} kl. ${formatTime(instant)}`;
}

/** An ISO week ('2026-W45') → 'uge 45', or 'uge 45 2026' with the year (needed when a list spans years). */
export function formatIsoWeek(isoWeek: string, options: { withYear?: boolean } = {}): string {
  const m = weekPattern.exec(isoWeek);
  if (!m) throw new Error(`Not an ISO week: ${isoWeek}`);
  const week = `uge ${Number(m[2])}`;
  return options.withYear ? `${week} ${m[1]}` : week;
}

/** The ISO week a calendar date falls in, as 'uge 53 2026' (2026-12-31 is in week 53 of 2026). */
export function formatWeekOf(date: CalendarDate, options: { withYear?: boolean } = {}): string {
  return formatIsoWeek(isoWeekOf(date), options);
}

/** Whether ISO weeks from several years are shown together, so each needs its year. */
export function weeksSpanYears(isoWeeks: readonly string[]): boolean {
  return new Set(isoWeeks.map((w) => w.slice(0, 4))).size > 1;
}

/**
 * A list of ISO weeks in a sentence: 'uge 45, 46 og 48' within one year, 'uge 52 2026 og uge 1 2027'
 * across years (a week number alone would be ambiguous).
 */
export function formatIsoWeeks(isoWeeks: readonly string[]): string {
  if (isoWeeks.length === 0) return missingValue;
  const texts = weeksSpanYears(isoWeeks)
    ? isoWeeks.map((w) => formatIsoWeek(w, { withYear: true }))
    : isoWeeks.map((w, i) => (i === 0 ? formatIsoWeek(w) : formatIsoWeek(w).slice('uge '.length)));
  return texts.length === 1 ? texts[0]! : `${texts.slice(0, -1).join(', ')} og ${texts[texts.length - 1]}`;
}

const monthNames = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** A calendar month ('2026-05') → 'maj 2026', or 'maj' without the year; short: 'maj', 'dec.'. */
export function formatMonth(month: string, options: { withYear?: boolean; short?: boolean } = {}): string {
  const m = monthPattern.exec(month);
  if (!m) throw new Error(`Not a calendar month: ${month}`);
  const full = monthNames[Number(m[2]) - 1];
  if (full === undefined) throw new Error(`Not a calendar month: ${month}`);
  const name = options.short && full.length > 4 ? `${full.slice(0, 3)}.` : full;
  return options.withYear === false ? name : `${name} ${m[1]}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${minimumFractionDigits}-${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('da-DK', { minimumFractionDigits, maximumFractionDigits, useGrouping: true });
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * A number with decimal comma and thousands dot: 1234.5 → '1.234,5'. `decimals` fixes the digits
 * (12.5 with 2 → '12,50'); `maxDecimals` (default 2) drops trailing zeros (12.5 → '12,5', 12 → '12').
 */
export function formatNumber(value: number | null | undefined, options: { decimals?: number; maxDecimals?: number } = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return missingValue;
  const min = options.decimals ?? 0;
  const max = options.decimals ?? options.maxDecimals ?? 2;
  const text = numberFormat(min, max).format(value);
  // −0,00 after rounding is 0.
  return /^-[0.,]*$/.test(text) ? text.slice(1) : text;
}

/** Kroner: '2.544 kr.' (whole kroner by default) or with øre, `decimals: 2` → '2.544,50 kr.'. */
export function formatKr(amountKr: number | null | undefined, options: { decimals?: 0 | 2 } = {}): string {
  if (amountKr === null || amountKr === undefined || !Number.isFinite(amountKr)) return missingValue;
  return `${formatNumber(amountKr, { decimals: options.decimals ?? 0 })}${unitSpace}kr.`;
}

/** Hours with up to 2 decimals: 12.75 → '12,75', 3 → '3'. */
export function formatHours(hours: number | null | undefined): string {
  return formatNumber(hours, { maxDecimals: 2 });
}

/** A percentage given in percent: 12.5 → '12,5 %' (up to one decimal by default). */
export function formatPercent(percent: number | null | undefined, options: { decimals?: number; maxDecimals?: number } = {}): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return missingValue;
  return `${formatNumber(percent, { decimals: options.decimals, maxDecimals: options.maxDecimals ?? 1 })}${unitSpace}%`;
}

/** A share between 0 and 1 as a percentage: 0.125 → '12,5 %'. */
export function formatShare(share: number | null | undefined, options: { decimals?: number; maxDecimals?: number } = {}): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return missingValue;
  return formatPercent(share * 100, options);
}

/**
 * The value of a `datetime-local` field for an instant, in Danish time, rounded to `roundToMinutes`
 * (default 5): 08:28:40Z on 3 Dec 2026 → '2026-12-03T09.30' as '2026-12-03T09:30'. Form defaults use this,
 * never `toISOString()` (UTC: one or two hours behind, and yesterday just after midnight).
 */
export function danishDateTimeInputOf(instant: Date, roundToMinutes = 5): string {
  const stepMs = roundToMinutes * 60_000;
  const rounded = new Date(Math.round(instant.getTime() / stepMs) * stepMs);
  const f = danishFieldsOf(rounded);
  return `${f.year}-${f.month}-${f.day}T${f.hour}:${f.minute}`;
}

/**
 * The instant of a Danish wall-clock time from a `datetime-local` field ('2026-12-03T09:30' → 08:30Z),
 * whatever the browser's own time zone. In the autumn hour that occurs twice, the first (summer-time) one.
 */
export function instantOfDanishDateTime(local: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`Not a local date-time: ${local}`);
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // Denmark is UTC+1 or UTC+2: try both offsets and keep one that shows the same wall-clock time.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    if (danishDateTimeInputOf(candidate, 1) === local) return candidate;
  }
  // A time skipped when the clocks go forward (02:30 on the last Sunday of March): one hour later.
  return new Date(asUtc - 3_600_000);
}

/**
 * The formats of the web pages in the user's language (issue 14). Danish is the default and the only
 * language of PDFs, XLSX and messages; the English page shows British formats: dates `03/12/2026`,
 * times `09:30`, date-times `03/12/2026, 09:30`, weeks `week 45`, decimal point and thousands comma
 * (`2,544.5`), `DKK 2,544`, `12.5%`. Instants are shown in Danish time in both.
 */
export type FormatLanguage = 'da' | 'en';

export type Formats = {
  formatDate: typeof formatDate;
  formatPeriod: typeof formatPeriod;
  formatInstantDate: typeof formatInstantDate;
  formatTime: typeof formatTime;
  formatDateTime: typeof formatDateTime;
  formatIsoWeek: typeof formatIsoWeek;
  formatWeekOf: typeof formatWeekOf;
  formatIsoWeeks: typeof formatIsoWeeks;
  formatMonth: typeof formatMonth;
  formatNumber: typeof formatNumber;
  formatKr: typeof formatKr;
  formatHours: typeof formatHours;
  formatPercent: typeof formatPercent;
  formatShare: typeof formatShare;
};

export const danishFormats: Formats = {
  formatDate,
  formatPeriod,
  formatInstantDate,
  formatTime,
  formatDateTime,
  formatIsoWeek,
  formatWeekOf,
  formatIsoWeeks,
  formatMonth,
  formatNumber,
  formatKr,
  formatHours,
  formatPercent,
  formatShare,
};

const englishMonthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const englishNumberFormats = new Map<string, Intl.NumberFormat>();
function englishNumber(value: number | null | undefined, options: { decimals?: number; maxDecimals?: number } = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return missingValue;
  const min = options.decimals ?? 0;
  const max = options.decimals ?? options.maxDecimals ?? 2;
  const key = `${min}-${max}`;
  let format = englishNumberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: true });
    englishNumberFormats.set(key, format);
  }
  const text = format.format(value);
  return /^-[0.,]*$/.test(text) ? text.slice(1) : text;
}

function englishDate(date: CalendarDate | null | undefined): string {
  if (date === null || date === undefined || date === '') return missingValue;
  const m = datePattern.exec(date);
  if (!m) throw new Error(`Not a calendar date: ${date}`);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

function englishInstantDate(instant: Date | string | null | undefined): string {
  if (instant === null || instant === undefined || instant === '') return missingValue;
  const f = danishFieldsOf(instant);
  return `${f.day}/${f.month}/${f.year}`;
}

function englishTime(instant: Date | string | null | undefined): string {
  if (instant === null || instant === undefined || instant === '') return missingValue;
  const f = danishFieldsOf(instant);
  return `${f.hour}:${f.minute}`;
}

function englishIsoWeek(isoWeek: string, options: { withYear?: boolean } = {}): string {
  const m = weekPattern.exec(isoWeek);
  if (!m) throw new Error(`Not an ISO week: ${isoWeek}`);
  const week = `week ${Number(m[2])}`;
  return options.withYear ? `${week} ${m[1]}` : week;
}

function englishPercent(percent: number | null | undefined, options: { decimals?: number; maxDecimals?: number } = {}): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return missingValue;
  return `${englishNumber(percent, { decimals: options.decimals, maxDecimals: options.maxDecimals ?? 1 })}%`;
}

export const englishFormats: Formats = {
  formatDate: englishDate,
  formatPeriod: (from, to) => `${englishDate(from)} – ${englishDate(to)}`,
  formatInstantDate: englishInstantDate,
  formatTime: englishTime,
  formatDateTime: (instant) =>
    instant === null || instant === undefined || instant === '' ? missingValue : `${englishInstantDate(instant)}, ${englishTime(instant)}`,
  formatIsoWeek: englishIsoWeek,
  formatWeekOf: (date, options = {}) => englishIsoWeek(isoWeekOf(date), options),
  formatIsoWeeks: (isoWeeks) => {
    if (isoWeeks.length === 0) return missingValue;
    const texts = weeksSpanYears(isoWeeks)
      ? isoWeeks.map((w) => englishIsoWeek(w, { withYear: true }))
      : isoWeeks.map((w, i) => (i === 0 ? englishIsoWeek(w) : englishIsoWeek(w).slice('week '.length)));
    if (texts.length === 1) return texts[0]!;
    const list = `${texts.slice(0, -1).join(', ')} and ${texts[texts.length - 1]}`;
    return weeksSpanYears(isoWeeks) ? list : list.replace(/^week /, 'weeks ');
  },
  formatMonth: (month, options = {}) => {
    const m = monthPattern.exec(month);
    const full = m ? englishMonthNames[Number(m[2]) - 1] : undefined;
    if (!m || full === undefined) throw new Error(`Not a calendar month: ${month}`);
    const name = options.short ? full.slice(0, 3) : full;
    return options.withYear === false ? name : `${name} ${m[1]}`;
  },
  formatNumber: englishNumber,
  formatKr: (amountKr, options = {}) =>
    amountKr === null || amountKr === undefined || !Number.isFinite(amountKr)
      ? missingValue
      : `DKK${unitSpace}${englishNumber(amountKr, { decimals: options.decimals ?? 0 })}`,
  formatHours: (hours) => englishNumber(hours, { maxDecimals: 2 }),
  formatPercent: englishPercent,
  formatShare: (share, options = {}) =>
    share === null || share === undefined || !Number.isFinite(share) ? missingValue : englishPercent(share * 100, options),
};

/** The formats of a page in the user's language; documents always use Danish (`danishFormats`). */
export function formatsFor(language: FormatLanguage): Formats {
  return language === 'en' ? englishFormats : danishFormats;
}
