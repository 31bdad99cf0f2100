import { describe, expect, it } from 'vitest';
import { addMonths, ageOn, calendarDateOf, daysBetween, isCalendarDate, isoWeekOf, periodEndInclusive } from './calendar-date.ts';

describe('calendar dates', () => {
  it('accepts only real dates', () => {
    expect(isCalendarDate('2016-02-29')).toBe(true);
    expect(isCalendarDate('2015-02-29')).toBe(false);
    expect(isCalendarDate('2015-2-1')).toBe(false);
  });

  it('clamps month arithmetic to the last day of the month', () => {
    expect(addMonths('2015-08-31', 6)).toBe('2016-02-29');
    expect(addMonths('2015-03-02', -3)).toBe('2014-12-02');
  });

  it('ends a 6-month period from 2 March 2015 on 1 September 2015, and 26 weeks on 30 August 2015', () => {
    expect(periodEndInclusive({ start: '2015-03-02', months: 6, convention: 'calendar' })).toBe('2015-09-01');
    expect(periodEndInclusive({ start: '2015-03-02', months: 6, convention: 'weeks26' })).toBe('2015-08-30');
    expect(daysBetween('2015-03-02', '2015-08-30')).toBe(181);
  });

  it('numbers ISO weeks across year ends', () => {
    expect(isoWeekOf('2015-02-12')).toBe('2015-W07');
    expect(isoWeekOf('2016-01-01')).toBe('2015-W53');
    expect(isoWeekOf('2014-12-29')).toBe('2015-W01');
  });

  it('computes age on a date', () => {
    expect(ageOn('1985-03-12', '2015-03-11')).toBe(29);
    expect(ageOn('1985-03-12', '2015-03-12')).toBe(30);
  });
});

describe('danishDateOf', () => {
  it('puts 23:30 UTC on 2 March 2015 on the Danish 3 March', async () => {
    const { danishDateOf } = await import('./calendar-date.ts');
    expect(danishDateOf('2015-03-02T23:30:00Z')).toBe('2015-03-03');
    expect(danishDateOf('2015-07-01T21:59:00Z')).toBe('2015-07-01');
  });
});

describe('today in Denmark (issue 16)', () => {
  it('is already 3 December at 00:30 Danish time, when UTC still says 2 December', () => {
    expect(calendarDateOf(new Date('2026-12-02T23:30:00Z'))).toBe('2026-12-03');
    expect(calendarDateOf(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
    expect(calendarDateOf(new Date('2026-12-03T12:00:00Z'))).toBe('2026-12-03');
  });
});
