import { describe, expect, it } from 'vitest';
import {
  danishFormats,
  formatsFor,
  danishDateTimeInputOf,
  formatDate,
  formatDateTime,
  formatHours,
  formatInstantDate,
  formatIsoWeek,
  formatIsoWeeks,
  formatKr,
  formatMonth,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatShare,
  formatTime,
  formatWeekOf,
  instantOfDanishDateTime,
  weeksSpanYears,
} from './danish-format.ts';

const nbsp = '\u00a0';

describe('dates and times in Danish', () => {
  it('shows a calendar date as day.month.year with leading zeros', () => {
    // 3 Dec 2026: a contact logged today.
    expect(formatDate('2026-12-03')).toBe('03.12.2026');
    expect(formatDate('2015-03-02')).toBe('02.03.2015');
    expect(formatDate(null)).toBe('–');
  });

  it('refuses what is not a calendar date instead of showing it raw', () => {
    expect(() => formatDate('3/12/2026')).toThrow('Not a calendar date');
  });

  it('shows a period with both ends and an open end as a dash', () => {
    // 2 Mar 2015: a six-month ret-og-pligt period ends 1 Sep 2015.
    expect(formatPeriod('2015-03-02', '2015-09-01')).toBe('02.03.2015 – 01.09.2015');
    expect(formatPeriod('2026-12-03', null)).toBe('03.12.2026 – –');
  });

  it('shows an instant in Danish winter time with the word kl.', () => {
    // 3 Dec 2026 08:30 UTC is 09.30 in Copenhagen (UTC+1).
    expect(formatTime('2026-12-03T08:30:00Z')).toBe('09.30');
    expect(formatDateTime('2026-12-03T08:30:00Z')).toBe('03.12.2026 kl. 09.30');
  });

  it('shows an instant in Danish summer time', () => {
    // 15 Jun 2026 07:05 UTC is 09.05 in Copenhagen (UTC+2).
    expect(formatDateTime(new Date('2026-06-15T07:05:00Z'))).toBe('15.06.2026 kl. 09.05');
  });

  it('puts a contact just after Danish midnight on the Danish day, not the UTC one', () => {
    // 2 Dec 2026 23:30 UTC is 3 Dec 00.30 in Denmark.
    expect(formatInstantDate('2026-12-02T23:30:00Z')).toBe('03.12.2026');
    expect(formatDateTime('2026-12-02T23:30:00Z')).toBe('03.12.2026 kl. 00.30');
  });
});

describe('weeks and months in Danish', () => {
  it('shows an ISO week as "uge 45", with the year when asked', () => {
    expect(formatIsoWeek('2026-W45')).toBe('uge 45');
    expect(formatIsoWeek('2026-W05', { withYear: true })).toBe('uge 5 2026');
  });

  it('takes the ISO week year, not the calendar year, at the turn of the year', () => {
    // 31 Dec 2026 is a Thursday in week 53 of 2026; 1 Jan 2027 (Friday) too; 4 Jan 2027 starts week 1.
    expect(formatWeekOf('2026-12-31', { withYear: true })).toBe('uge 53 2026');
    expect(formatWeekOf('2027-01-01', { withYear: true })).toBe('uge 53 2026');
    expect(formatWeekOf('2027-01-04', { withYear: true })).toBe('uge 1 2027');
  });

  it('tells when a list of weeks spans years', () => {
    expect(weeksSpanYears(['2026-W51', '2026-W52'])).toBe(false);
    expect(weeksSpanYears(['2026-W53', '2027-W01'])).toBe(true);
  });

  it('lists weeks in a sentence, with years only when the list crosses a year', () => {
    // Dec 2026: a ret-og-pligt citizen without contact in weeks 45, 46 and 48.
    expect(formatIsoWeeks(['2026-W45', '2026-W46', '2026-W48'])).toBe('uge 45, 46 og 48');
    expect(formatIsoWeeks(['2026-W45'])).toBe('uge 45');
    expect(formatIsoWeeks(['2026-W53', '2027-W01'])).toBe('uge 53 2026 og uge 1 2027');
  });

  it('names months in Danish', () => {
    expect(formatMonth('2026-05')).toBe('maj 2026');
    expect(formatMonth('2026-12', { withYear: false, short: true })).toBe('dec.');
    expect(formatMonth('2026-03', { withYear: false })).toBe('marts');
  });
});

describe('numbers, kroner and percentages in Danish', () => {
  it('writes a decimal comma and a thousands dot', () => {
    expect(formatNumber(1234567.891)).toBe('1.234.567,89');
    expect(formatNumber(0.57)).toBe('0,57');
    expect(formatNumber(12.5, { decimals: 2 })).toBe('12,50');
    expect(formatNumber(-0.001, { decimals: 2 })).toBe('0,00');
    expect(formatNumber(null)).toBe('–');
  });

  it('shows kroner with a no-break space, whole or with øre', () => {
    // Dec 2026: an invoice line of 2,544 kr. for 6 hours at 424 kr.
    expect(formatKr(2544)).toBe(`2.544${nbsp}kr.`);
    expect(formatKr(2544.5, { decimals: 2 })).toBe(`2.544,50${nbsp}kr.`);
    expect(formatKr(10_200_000)).toBe(`10.200.000${nbsp}kr.`);
    expect(formatKr(undefined)).toBe('–');
  });

  it('shows hours with up to two decimals', () => {
    expect(formatHours(12.75)).toBe('12,75');
    expect(formatHours(3)).toBe('3');
  });

  it('shows percentages and shares with a decimal comma', () => {
    expect(formatPercent(12.5)).toBe(`12,5${nbsp}%`);
    expect(formatPercent(10)).toBe(`10${nbsp}%`);
    expect(formatShare(0.5714)).toBe(`57,1${nbsp}%`);
    expect(formatShare(0.5714, { decimals: 0 })).toBe(`57${nbsp}%`);
    expect(formatShare(null)).toBe('–');
  });
});

describe('form defaults in Danish time', () => {
  it('fills a datetime-local field with the Danish time rounded to five minutes', () => {
    // 3 Dec 2026 08:28:40 UTC = 09.28.40 in Copenhagen → 09:30.
    expect(danishDateTimeInputOf(new Date('2026-12-03T08:28:40Z'))).toBe('2026-12-03T09:30');
  });

  it('gives the Danish date just after midnight, when UTC is still yesterday', () => {
    // 4 Dec 2026 00.20 Danish time = 3 Dec 23:20 UTC.
    expect(danishDateTimeInputOf(new Date('2026-12-03T23:20:00Z'), 15)).toBe('2026-12-04T00:15');
  });

  it('turns a Danish wall-clock time back into the instant, in winter and summer', () => {
    expect(instantOfDanishDateTime('2026-12-03T09:30').toISOString()).toBe('2026-12-03T08:30:00.000Z');
    expect(instantOfDanishDateTime('2026-06-15T09:05').toISOString()).toBe('2026-06-15T07:05:00.000Z');
    // 29 Mar 2026: 02.30 does not exist (clocks go from 02.00 to 03.00); taken as 03.30 summer time.
    expect(instantOfDanishDateTime('2026-03-29T02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('formatsFor: the page formats in the user language (issue 14)', () => {
  const en = formatsFor('en');
  it('keeps Danish formats for Danish, the same functions the documents use', () => {
    expect(formatsFor('da').formatDate('2026-12-03')).toBe('03.12.2026');
    expect(formatsFor('da')).toBe(danishFormats);
  });

  it('shows British dates, times and weeks in English, in Danish time', () => {
    expect(en.formatDate('2026-12-03')).toBe('03/12/2026');
    expect(en.formatPeriod('2026-12-03', null)).toBe('03/12/2026 – –');
    // 23:30 UTC on 2 Dec is 00:30 on 3 Dec in Denmark.
    expect(en.formatDateTime('2026-12-02T23:30:00Z')).toBe('03/12/2026, 00:30');
    expect(en.formatInstantDate('2026-12-02T23:30:00Z')).toBe('03/12/2026');
    expect(en.formatIsoWeek('2026-W45')).toBe('week 45');
    expect(en.formatIsoWeeks(['2026-W45', '2026-W46', '2026-W48'])).toBe('weeks 45, 46 and 48');
    expect(en.formatIsoWeeks(['2026-W52', '2027-W01'])).toBe('week 52 2026 and week 1 2027');
    expect(en.formatWeekOf('2026-12-31', { withYear: true })).toBe('week 53 2026');
    expect(en.formatMonth('2026-05')).toBe('May 2026');
    expect(en.formatMonth('2026-12', { short: true, withYear: false })).toBe('Dec');
  });

  it('shows numbers with a decimal point and thousands comma in English', () => {
    expect(en.formatNumber(1234.5)).toBe('1,234.5');
    expect(en.formatKr(2544.5, { decimals: 2 })).toBe('DKK\u00a02,544.50');
    expect(en.formatHours(12.75)).toBe('12.75');
    expect(en.formatPercent(12.5)).toBe('12.5%');
    expect(en.formatShare(0.125)).toBe('12.5%');
    expect(en.formatNumber(-0.001)).toBe('0');
    expect(en.formatNumber(null)).toBe('–');
  });
});
