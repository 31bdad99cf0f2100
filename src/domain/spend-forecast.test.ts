import { describe, expect, it } from 'vitest';
import { addDays } from './calendar-date.ts';
import { plannedCost, type HourlyRate } from './grant-cost.ts';
import { bandZ80, earlyEndShare, forecastAlerts, forecastYearEnd, type ForecastGrant } from './spend-forecast.ts';

const rates: HourlyRate[] = [{ hourlyRateKr: 400, validFrom: '2014-01-01', validTo: null, source: 'provider' }];
/** A 26-week (182-day) course at 2 hours a week and 400 kr. an hour: 20,800 kr., i.e. 800/7 kr. a day. */
const course = (startDate: string, actualEndDate: string | null = null): ForecastGrant => ({
  startDate,
  plannedEndDate: addDays(startDate, 181),
  actualEndDate,
  weeklyHours: 2,
  rates,
});
const perDay = 800 / 7;

describe('forecastYearEnd on a dated story', () => {
  // 2026: the jobcentre approves one 26-week course on the 1st of every month from January to June.
  // The economy page is opened on 30 June 2026, nobody has ended early, nothing is invoiced or logged yet.
  const grants = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01'].map((d) => course(d));
  const asOf = '2026-06-30';
  const spentByMonth = grants.flatMap(
    (g) => plannedCost({ ...g, endDate: g.plannedEndDate, window: { from: '2026-01-01', to: asOf } }).byMonth,
  );
  const forecast = forecastYearEnd({ year: 2026, asOf, spentByMonth, grants, lookbackMonths: 3 });

  it('has spent the planned cost of the 635 course days up to 30 June', () => {
    // Days to 30 June: 181 + 150 + 122 + 91 + 61 + 30 = 635.
    expect(forecast.spentKr).toBeCloseTo(635 * perDay, 6);
  });

  it('commits the 457 remaining planned days of the running courses', () => {
    // Days after 30 June: 1 + 32 + 60 + 91 + 121 + 152 = 457 (all end before 31 December).
    expect(forecast.committedKr).toBeCloseTo(457 * perDay, 6);
    expect(forecast.earlyEndShare).toBe(0);
  });

  it('expects one new course a month (3 starts in the last 3 months), cut at 31 December', () => {
    expect(forecast.startsPerMonth).toBe(1);
    expect(forecast.averageCourseCostKr).toBeCloseTo(20_800, 6);
    expect(forecast.averageCourseDays).toBe(182);
    // Mid-month starts 16 Jul, 16 Aug, 15 Sep, 16 Oct, 15 Nov, 16 Dec run 169 + 138 + 108 + 77 + 47 + 16 = 555 days in 2026.
    expect(forecast.expectedNewKr).toBeCloseTo(555 * perDay, 6);
    expect(forecast.expectedKr).toBeCloseTo((635 + 457 + 555) * perDay, 6);
  });

  it('gives an 80 % band from the Poisson number of new starts', () => {
    const sigma = perDay * Math.sqrt(169 ** 2 + 138 ** 2 + 108 ** 2 + 77 ** 2 + 47 ** 2 + 16 ** 2);
    expect(forecast.lowKr).toBeCloseTo((635 + 457 + 555) * perDay - bandZ80 * sigma, 6);
    expect(forecast.highKr).toBeCloseTo((635 + 457 + 555) * perDay + bandZ80 * sigma, 6);
    expect(forecast.lowKr).toBeGreaterThan(forecast.spentKr + forecast.committedKr);
  });

  it('reports months to June as spent and later months as committed plus new', () => {
    expect(forecast.byMonth).toHaveLength(12);
    expect(forecast.byMonth[5]).toMatchObject({ month: '2026-06', committedKr: 0, expectedNewKr: 0 });
    expect(forecast.byMonth[6]!.spentKr).toBe(0);
    // July: the January course has 1 day left, the other five run all 31 days.
    expect(forecast.byMonth[6]!.committedKr).toBeCloseTo((1 + 5 * 31) * perDay, 6);
    expect(forecast.byMonth[11]!.cumulativeExpectedKr).toBeCloseTo(forecast.expectedKr, 6);
  });

  it('alerts when the expected forecast crosses the budget, and warns when only the band crosses the frame', () => {
    // Budget 180,000 kr.; all courses are inside the frame of 100,000 kr. at 50 % → 200,000 kr. refundable spend.
    const alerts = forecastAlerts({ total: forecast, insideFrame: forecast, budgetKr: 180_000, refundableSpendKr: 200_000 });
    expect(alerts.map((a) => [a.code, a.severity])).toEqual([
      ['FORECAST_OVER_BUDGET', 'error'],
      ['FORECAST_MAY_EXCEED_FRAME', 'warning'],
    ]);
    const overBudget = alerts[0]!;
    const crossing = forecast.byMonth.find((m) => m.month === overBudget.month)!;
    expect(crossing.cumulativeExpectedKr).toBeGreaterThan(180_000);
    expect(forecast.byMonth[forecast.byMonth.indexOf(crossing) - 1]!.cumulativeExpectedKr).toBeLessThanOrEqual(180_000);
    expect(overBudget.message).toContain('budgettet');
  });

  it('has no alerts when budget and frame are ample', () => {
    expect(forecastAlerts({ total: forecast, insideFrame: forecast, budgetKr: 500_000, refundableSpendKr: 600_000 })).toEqual([]);
  });
});

describe('early ends and the edges of the year', () => {
  it('takes the share of planned days not used by courses that ended in the last 12 months', () => {
    // 2025: one course ended after 91 of 182 days (job), one ran its full length.
    const ended = [course('2025-03-03', addDays('2025-03-03', 90)), course('2025-05-05', addDays('2025-05-05', 181))];
    expect(earlyEndShare(ended, '2026-01-15')).toBeCloseTo(91 / 364, 10);
    expect(earlyEndShare(ended, '2027-01-15')).toBe(0);
  });

  it('lowers the expected committed cost by the early-end share and keeps the full cost as the high end', () => {
    const grants = [
      course('2025-03-03', addDays('2025-03-03', 90)),
      course('2025-05-05', addDays('2025-05-05', 181)),
      course('2026-01-05'),
    ];
    const forecast = forecastYearEnd({ year: 2026, asOf: '2026-01-15', spentByMonth: [], grants, lookbackMonths: 3 });
    const r = 91 / 364;
    expect(forecast.expectedKr - forecast.expectedNewKr).toBeCloseTo(forecast.committedKr * (1 - r), 6);
    expect(forecast.highKr - forecast.expectedNewKr).toBeGreaterThanOrEqual(forecast.committedKr);
  });

  it('forecasts nothing beyond what is spent once the year is over', () => {
    const grants = [course('2026-09-01')];
    const forecast = forecastYearEnd({
      year: 2026,
      asOf: '2027-01-10',
      spentByMonth: [{ month: '2026-09', hours: 8, amountKr: 3200 }],
      grants,
      lookbackMonths: 3,
    });
    expect(forecast).toMatchObject({ expectedKr: 3200, lowKr: 3200, highKr: 3200, committedKr: 0, expectedNewKr: 0 });
  });
});
