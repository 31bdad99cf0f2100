import { describe, expect, it } from 'vitest';
import { addDays, isoWeekOf } from './calendar-date.ts';
import { checkContactForm, checkContactFrequency, type ContactFact } from './contact-frequency.ts';
import { hoursByMonth, reconcileHours } from './hours-reconciliation.ts';

const physical = (date: string): ContactFact => ({ date, form: 'physical', attended: true, justification: null });

/** One physical contact on the Tuesday of each listed week of a period starting on a Monday. */
function contactsInWeeks(startMonday: string, weeks: number[]): ContactFact[] {
  return weeks.map((w) => physical(addDays(startMonday, (w - 1) * 7 + 1)));
}

const base = { intervalWeeks: 1, semantics: 'calendar_week' as const, allowedForms: ['physical' as const] };

describe('R-ROP-5 contact frequency', () => {
  it('2015 (weekly): contacts in weeks 1–5 and 7 but none in week 6 → R-ROP-5 for week 6', () => {
    // 2 Mar 2015 (a Monday): ret-og-pligt mentor agreed in 2015, LAB-2014: at least weekly.
    const result = checkContactFrequency({
      ...base,
      period: { startDate: '2015-03-02', endDate: '2015-09-01' },
      contacts: contactsInWeeks('2015-03-02', [1, 2, 3, 4, 5, 7]),
      asOf: '2015-04-19',
    });
    expect(result.missingWeeks).toEqual([isoWeekOf('2015-04-06')]);
    expect(result.findings[0]).toMatchObject({ rule: 'R-ROP-5', severity: 'error', weeks: ['2015-W15'] });
  });

  it('2017 (every two weeks): the same pattern is no violation', () => {
    // 6 Feb 2017: agreed under LAB-2016, contact at least once every two weeks.
    const result = checkContactFrequency({
      ...base,
      intervalWeeks: 2,
      period: { startDate: '2017-02-06', endDate: '2017-08-05' },
      contacts: contactsInWeeks('2017-02-06', [1, 2, 3, 4, 5, 7]),
      asOf: '2017-03-26',
    });
    expect(result.findings).toEqual([]);
  });

  it('2017: two weeks in a row without contact are a violation', () => {
    const result = checkContactFrequency({
      ...base,
      intervalWeeks: 2,
      period: { startDate: '2017-02-06', endDate: '2017-08-05' },
      contacts: contactsInWeeks('2017-02-06', [1, 2, 3, 4, 7]),
      asOf: '2017-03-26',
    });
    expect(result.missingWeeks).toEqual(['2017-W10', '2017-W11']);
  });

  it('does not judge a week that has not ended yet', () => {
    const result = checkContactFrequency({
      ...base,
      period: { startDate: '2015-03-02', endDate: '2015-09-01' },
      contacts: contactsInWeeks('2015-03-02', [1, 2]),
      asOf: '2015-03-18',
    });
    expect(result.findings).toEqual([]);
  });

  it('counts a phone call only with a special-circumstances justification, and never a no-show', () => {
    const period = { startDate: '2015-03-02', endDate: '2015-09-01' };
    const phone: ContactFact = { date: '2015-03-03', form: 'phone', attended: true, justification: null };
    expect(checkContactFrequency({ ...base, period, contacts: [phone], asOf: '2015-03-08' }).missingWeeks).toEqual(['2015-W10']);
    const justified = { ...phone, justification: 'Borgeren er indlagt' };
    expect(checkContactFrequency({ ...base, period, contacts: [justified], asOf: '2015-03-08' }).findings).toEqual([]);
    const noShow = { ...physical('2015-03-03'), attended: false };
    expect(checkContactFrequency({ ...base, period, contacts: [noShow], asOf: '2015-03-08' }).missingWeeks).toEqual(['2015-W10']);
  });

  it('with "maximum gap" semantics reports gaps of more than 7 days (weekly)', () => {
    const result = checkContactFrequency({
      ...base,
      semantics: 'max_gap_days',
      period: { startDate: '2015-03-02', endDate: '2015-09-01' },
      contacts: [physical('2015-03-03'), physical('2015-03-10'), physical('2015-03-20')],
      asOf: '2015-03-25',
    });
    expect(result.missingWeeks).toEqual(['2015-03-11–2015-03-19']);
  });
});

describe('R-ROP-6 contact form', () => {
  it('refuses a phone contact without justification under ret-og-pligt, not under a general mentor', () => {
    const contact: ContactFact = { date: '2015-03-03', form: 'phone', attended: true, justification: null };
    expect(checkContactForm({ grantType: 'RET_OG_PLIGT', contact, allowedForms: ['physical'] }).map((f) => f.rule)).toEqual(['R-ROP-6']);
    expect(checkContactForm({ grantType: 'GENERAL', contact, allowedForms: ['physical'] })).toEqual([]);
    expect(
      checkContactForm({ grantType: 'RET_OG_PLIGT', contact: { ...contact, justification: 'Indlagt' }, allowedForms: ['physical'] }),
    ).toEqual([]);
  });
});

describe('R-DEL-1 hours reconciliation', () => {
  it('flags a week with 1 of 2 granted hours logged, tolerance 20 %', () => {
    // 2 Mar 2015, 2 hours a week: week 10 has 2 hours, week 11 only 1 hour (confirmed 0.5).
    const result = reconcileHours({
      period: { startDate: '2015-03-02', endDate: '2015-09-01' },
      weeklyHours: 2,
      contacts: [
        { date: '2015-03-03', minutes: 120, attended: true, confirmed: true },
        { date: '2015-03-10', minutes: 30, attended: true, confirmed: true },
        { date: '2015-03-12', minutes: 30, attended: true, confirmed: false },
        { date: '2015-03-13', minutes: 60, attended: false, confirmed: false },
      ],
      tolerance: 0.2,
      asOf: '2015-03-15',
    });
    expect(result.hours).toEqual([
      { week: '2015-W10', granted: 2, logged: 2, confirmed: 2 },
      { week: '2015-W11', granted: 2, logged: 1, confirmed: 0.5 },
    ]);
    expect(result.findings[0]).toMatchObject({ rule: 'R-DEL-1', weeks: ['2015-W11'] });
  });
});

describe('hours by month', () => {
  it('grants pro rata by days: 2 hours a week from 25 Mar 2015 gives 2/7 × 7 days in March', () => {
    const months = hoursByMonth({
      period: { startDate: '2015-03-25', endDate: '2015-09-24' },
      weeklyHours: 2,
      contacts: [
        { date: '2015-03-26', minutes: 90, attended: true, confirmed: true },
        { date: '2015-04-02', minutes: 60, attended: true, confirmed: false },
      ],
      asOf: '2015-04-30',
    });
    expect(months).toEqual([
      { month: '2015-03', granted: 2, logged: 1.5, confirmed: 1.5 },
      { month: '2015-04', granted: 8.57, logged: 1, confirmed: 0 },
    ]);
  });
});
