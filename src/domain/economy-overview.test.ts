import { describe, expect, it } from 'vitest';
import { buildEconomyOverview, type EconomyGrantFacts } from './economy-overview.ts';
import type { HourlyRate } from './grant-cost.ts';

const rates: HourlyRate[] = [{ hourlyRateKr: 400, validFrom: '2014-01-01', validTo: null, source: 'provider' }];

function buildFacts(overrides: Partial<EconomyGrantFacts> = {}): EconomyGrantFacts {
  return {
    grantId: 1,
    type: 'RET_OG_PLIGT',
    providerType: 'external',
    targetGroup: 'kontanthjaelp_aktivitetsparat',
    refundClass: 'inside_frame',
    refundRate: 0.5,
    agreedOn: '2014-12-29',
    startDate: '2015-01-05',
    plannedEndDate: '2015-12-31',
    actualEndDate: null,
    weeklyHours: 2,
    rates,
    deliveries: [],
    invoiceLines: [],
    ...overrides,
  };
}

/** The overview at a 50 % refund rate, three months' lookback and no § 203 a ceiling unless the test says otherwise. */
const overviewOf = (
  input: Omit<Parameters<typeof buildEconomyOverview>[0], 'yearRefundRate' | 'budgetCeilingRatePerFte' | 'lookbackMonths'> & {
    budgetCeilingRatePerFte?: number | null;
  },
) => buildEconomyOverview({ yearRefundRate: 0.5, budgetCeilingRatePerFte: null, lookbackMonths: 3, ...input });

/** A whole-year invoice line: the year's spend of the grant is exactly `amountKr`. */
const yearInvoice = (amountKr: number) => [{ periodFrom: '2015-01-05', periodTo: '2015-12-31', hours: amountKr / 400, amountKr }];

describe('economy overview of 2015 (Cabi’s worked example, seed S4)', () => {
  // 2015: frame 2.0 M kr. at 50 %, budget 4.4 M kr.; three providers billed 5.0 M kr. for aktivitetsparat citizens
  // in Copenhagen's provider shares (S2): external 64 %, jobcentre 22 %, employment centre 14 %.
  const overview = overviewOf({
    year: 2015,
    asOf: '2015-12-31',
    frame: { refundFrameKr: 2_000_000, budgetKr: 4_400_000, fullTimePersons: null, otherGuidanceSpendKr: null },
    accountingFunctionOf: () => '5.68.98.019',
    grants: [
      buildFacts({ grantId: 1, providerType: 'external', invoiceLines: yearInvoice(3_200_000) }),
      buildFacts({ grantId: 2, providerType: 'internal', invoiceLines: yearInvoice(1_100_000) }),
      buildFacts({ grantId: 3, providerType: 'employment_centre', invoiceLines: yearInvoice(700_000) }),
    ],
  });

  it('earns 2.0 M kr. refund on 5.0 M kr. of spend, not 2.5 M kr.', () => {
    expect(overview).toMatchObject({ spend: 5_000_000, eligibleSpend: 5_000_000, refund: 2_000_000, refundFrame: 2_000_000 });
    expect(overview.refundLostToFrameKr).toBe(500_000);
  });

  it('shows the 4.4 M kr. budget 10 % above the 4.0 M kr. refundable spend', () => {
    expect(overview.refundableSpendKr).toBe(4_000_000);
    expect(overview.overFramePercent).toBe(10);
    expect(overview.spendOverFramePercent).toBe(25);
  });

  it('splits spend by provider type in Copenhagen’s shares', () => {
    expect(overview.byProviderType.map((r) => [r.key, r.sharePercent])).toEqual([
      ['internal', 22],
      ['employment_centre', 14],
      ['external', 64],
    ]);
  });

  it('reports the whole year as spent, with no forecast beyond it and an over-budget alert', () => {
    expect(overview.forecast).toMatchObject({ expected: 5_000_000, low: 5_000_000, high: 5_000_000 });
    expect(overview.alerts.map((a) => a.code)).toEqual(['FORECAST_OVER_BUDGET', 'FORECAST_OVER_FRAME']);
    expect(overview.byMonth).toHaveLength(12);
    expect(overview.byMonth[11]!.cumulativeSpendKr).toBe(5_000_000);
    expect(overview.spendBasis).toEqual({ invoiced: 5_000_000, delivered: 0, planned: 0 });
  });
});

describe('economy overview by refund class and accounting function', () => {
  it('books non-refundable spend on the regime’s function and refunds outside-frame spend without cap', () => {
    // 2016: a dagpenge citizen (none) and a ressourceforløb citizen (outside the frame), 10,000 kr. each.
    const overview = overviewOf({
      year: 2016,
      asOf: '2016-12-31',
      frame: { refundFrameKr: 0, budgetKr: 30_000, fullTimePersons: null, otherGuidanceSpendKr: null },
      accountingFunctionOf: () => '5.68.90.018',
      grants: [
        buildFacts({
          grantId: 1,
          refundClass: 'none',
          refundRate: 0,
          targetGroup: 'dagpenge',
          startDate: '2016-01-04',
          plannedEndDate: '2016-06-30',
          invoiceLines: [{ periodFrom: '2016-01-04', periodTo: '2016-06-30', hours: 25, amountKr: 10_000 }],
        }),
        buildFacts({
          grantId: 2,
          refundClass: 'outside_frame',
          targetGroup: 'ressourceforloeb',
          startDate: '2016-01-04',
          plannedEndDate: '2016-06-30',
          invoiceLines: [{ periodFrom: '2016-01-04', periodTo: '2016-06-30', hours: 25, amountKr: 10_000 }],
        }),
      ],
    });
    expect(overview).toMatchObject({ spend: 20_000, eligibleSpend: 10_000, refund: 5_000, overFramePercent: null });
    expect(overview.byRefundClass.map((r) => [r.key, r.spendKr, r.refundKr])).toEqual([
      ['outside_frame', 10_000, 5_000],
      ['none', 10_000, 0],
    ]);
    expect(overview.accountingFunctions.find((f) => f.refundClass === 'none')).toMatchObject({
      functionCode: '5.68.90.018',
      spendKr: 10_000,
    });
    expect(overview.averageCostPerHourKr).toBe(400);
    expect(overview.averageCostPerCourseKr).toBe(10_000);
  });
});

describe('a back-dated overview', () => {
  it('ignores agreements concluded after asOf and treats later ends as not yet happened', () => {
    // 31 Mar 2026: grant 1 runs Jan–Jun (it ends early on 30 Apr, unknown yet); grant 2 is agreed only in May.
    const overview = overviewOf({
      year: 2026,
      asOf: '2026-03-31',
      frame: null,
      accountingFunctionOf: () => '5.68.90.018',
      grants: [
        buildFacts({
          grantId: 1,
          refundClass: 'none',
          agreedOn: '2025-12-29',
          startDate: '2026-01-05',
          plannedEndDate: '2026-07-04',
          actualEndDate: '2026-04-30',
        }),
        buildFacts({ grantId: 2, refundClass: 'none', agreedOn: '2026-05-01', startDate: '2026-05-04', plannedEndDate: '2026-11-03' }),
      ],
    });
    // 2 hours a week at 400 kr. = 800/7 kr. a day: 86 days spent (5 Jan – 31 Mar), 95 days committed (1 Apr – 4 Jul).
    expect(overview.spend).toBeCloseTo((86 * 800) / 7, 2);
    expect(overview.forecast.committedKr).toBeCloseTo((95 * 800) / 7, 2);
    expect(overview.courses).toBe(1);
  });
});

describe('R-FIN-5 [U] ceiling in the 2026 overview', () => {
  it('compares the expected mentor spend plus øvrig V&O with full-time persons × rate', () => {
    const overview = overviewOf({
      year: 2026,
      asOf: '2026-12-31',
      frame: { refundFrameKr: 0, budgetKr: 100_000, fullTimePersons: 2, otherGuidanceSpendKr: 5_000 },
      accountingFunctionOf: () => '5.68.90.018',
      budgetCeilingRatePerFte: 10_602,
      grants: [
        buildFacts({
          refundClass: 'none',
          refundRate: 0,
          startDate: '2026-01-05',
          plannedEndDate: '2026-06-30',
          invoiceLines: [{ periodFrom: '2026-01-05', periodTo: '2026-06-30', hours: 50, amountKr: 20_000 }],
        }),
      ],
    });
    expect(overview.budgetCeiling).toMatchObject({ ceilingKr: 21_204, totalSpendKr: 25_000, overCeilingKr: 3_796, withinCeiling: false });
  });
});
