import { describe, expect, it } from 'vitest';
import {
  decideRateSuccession,
  deliveredCost,
  hourlyRateOn,
  invoicedCost,
  plannedCost,
  spendByMonth,
  type HourlyRate,
} from './grant-cost.ts';

const providerRate = (hourlyRateKr: number, validFrom: string, validTo: string | null = null): HourlyRate => ({
  hourlyRateKr,
  validFrom,
  validTo,
  source: 'provider',
});

describe('hourlyRateOn', () => {
  it('takes the rate valid on the day, the latest valid-from first', () => {
    const rates = [providerRate(390, '2014-01-01', '2025-12-31'), providerRate(410, '2026-01-01')];
    expect(hourlyRateOn(rates, '2025-12-31')?.hourlyRateKr).toBe(390);
    expect(hourlyRateOn(rates, '2026-01-01')?.hourlyRateKr).toBe(410);
    expect(hourlyRateOn(rates, '2013-12-31')).toBeNull();
  });

  it('prefers the mentor’s internal cost rate over the provider’s price list', () => {
    const rates = [
      providerRate(390, '2014-01-01'),
      { hourlyRateKr: 310, validFrom: '2020-01-01', validTo: null, source: 'mentor_internal_cost' as const },
    ];
    expect(hourlyRateOn(rates, '2019-06-01')?.hourlyRateKr).toBe(390);
    expect(hourlyRateOn(rates, '2026-06-01')).toMatchObject({ hourlyRateKr: 310, source: 'mentor_internal_cost' });
  });
});

describe('planned cost = granted hours × weeks × rate at the time', () => {
  it('is 2 hours × 26 weeks × 400 kr. = 20,800 kr. for a 26-week period', () => {
    // 5 Jan 2026: a general mentor for 26 weeks (182 days) at 2 hours a week, provider rate 400 kr.
    const cost = plannedCost({ weeklyHours: 2, startDate: '2026-01-05', endDate: '2026-07-05', rates: [providerRate(400, '2014-01-01')] });
    expect(cost.hours).toBeCloseTo(52, 10);
    expect(cost.amountKr).toBeCloseTo(20_800, 6);
    expect(cost.byMonth.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07']);
    // January: 27 days of 2/7 hours a day.
    expect(cost.byMonth[0]!.amountKr).toBeCloseTo((27 * 2 * 400) / 7, 6);
  });

  it('prices each day at the rate valid then when the provider raises its price mid-period', () => {
    // 1 Dec 2025 – 31 Jan 2026, 7 hours a week: 31 days at 390 kr., 31 days at 410 kr.
    const cost = plannedCost({
      weeklyHours: 7,
      startDate: '2025-12-01',
      endDate: '2026-01-31',
      rates: [providerRate(390, '2014-01-01', '2025-12-31'), providerRate(410, '2026-01-01')],
    });
    expect(cost.byMonth).toEqual([
      { month: '2025-12', hours: 31, amountKr: 31 * 390 },
      { month: '2026-01', hours: 31, amountKr: 31 * 410 },
    ]);
  });

  it('splits a month when the rate changes inside it', () => {
    const cost = plannedCost({
      weeklyHours: 7,
      startDate: '2026-03-01',
      endDate: '2026-03-31',
      rates: [providerRate(400, '2014-01-01', '2026-03-15'), providerRate(500, '2026-03-16')],
    });
    expect(cost.amountKr).toBeCloseTo(15 * 400 + 16 * 500, 6);
  });

  it('counts hours without a valid rate as unpriced', () => {
    const cost = plannedCost({ weeklyHours: 7, startDate: '2026-01-01', endDate: '2026-01-10', rates: [providerRate(400, '2026-01-06')] });
    expect(cost.unpricedHours).toBeCloseTo(5, 10);
    expect(cost.amountKr).toBeCloseTo(5 * 400, 6);
  });

  it('keeps only the part inside the window (one budget year)', () => {
    const cost = plannedCost({
      weeklyHours: 7,
      startDate: '2025-12-25',
      endDate: '2026-01-03',
      rates: [providerRate(100, '2014-01-01')],
      window: { from: '2026-01-01', to: '2026-12-31' },
    });
    expect(cost.byMonth).toEqual([{ month: '2026-01', hours: 3, amountKr: 300 }]);
  });
});

describe('delivered and invoiced cost', () => {
  it('prices logged hours at the rate of their day', () => {
    const cost = deliveredCost({
      deliveries: [
        { date: '2026-03-03', hours: 1.5 },
        { date: '2026-03-10', hours: 1 },
        { date: '2026-04-02', hours: 2 },
      ],
      rates: [providerRate(400, '2014-01-01')],
    });
    expect(cost.byMonth).toEqual([
      { month: '2026-03', hours: 2.5, amountKr: 1000 },
      { month: '2026-04', hours: 2, amountKr: 800 },
    ]);
  });

  it('spreads an invoice line over the months of its period in proportion to days', () => {
    // Week 14 of 2026: Monday 30 March – Sunday 5 April, 7 hours, 2,800 kr.
    const cost = invoicedCost({ lines: [{ periodFrom: '2026-03-30', periodTo: '2026-04-05', hours: 7, amountKr: 2800 }] });
    expect(cost.byMonth).toEqual([
      { month: '2026-03', hours: 2, amountKr: 800 },
      { month: '2026-04', hours: 5, amountKr: 2000 },
    ]);
  });
});

describe('spend by month from the best evidence', () => {
  it('uses the invoice, else the logged hours, else the plan up to today, and nothing after today', () => {
    const rates = [providerRate(400, '2014-01-01')];
    const spend = spendByMonth({
      plannedToDate: plannedCost({
        weeklyHours: 7,
        startDate: '2026-01-01',
        endDate: '2026-06-30',
        rates,
        window: { from: '2026-01-01', to: '2026-03-15' },
      }),
      delivered: deliveredCost({ deliveries: [{ date: '2026-02-10', hours: 20 }], rates }),
      invoiced: invoicedCost({ lines: [{ periodFrom: '2026-01-01', periodTo: '2026-01-31', hours: 30, amountKr: 12_000 }] }),
      asOf: '2026-03-15',
    });
    expect(spend).toEqual([
      { month: '2026-01', hours: 30, amountKr: 12_000, basis: 'invoiced' },
      { month: '2026-02', hours: 20, amountKr: 8_000, basis: 'delivered' },
      { month: '2026-03', hours: 15, amountKr: 6_000, basis: 'planned' },
    ]);
  });
});

describe('decideRateSuccession', () => {
  it('closes the open rate the day before the new one starts', () => {
    // 1 Jan 2026: Mentorhuset raises its price; the 2014 rate ends 31 Dec 2025.
    expect(decideRateSuccession({ existing: [{ id: 3, validFrom: '2014-01-01', validTo: null }], validFrom: '2026-01-01' })).toEqual({
      outcome: 'add',
      close: { id: 3, validTo: '2025-12-31' },
    });
    expect(decideRateSuccession({ existing: [], validFrom: '2026-01-01' })).toEqual({ outcome: 'add', close: null });
  });

  it('refuses a rate that starts before or on the latest one', () => {
    expect(decideRateSuccession({ existing: [{ id: 3, validFrom: '2026-01-01', validTo: null }], validFrom: '2025-06-01' }).outcome).toBe(
      'conflict',
    );
  });
});
