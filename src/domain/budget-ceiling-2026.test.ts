import { describe, expect, it } from 'vitest';
import { reportBudgetCeiling } from './budget-ceiling-2026.ts';

describe('R-FIN-5 [U] budget ceiling 2026', () => {
  it('is full-time persons × the configured rate, with mentor and øvrig V&O spending compared against it', () => {
    // Budget year 2026: 1,850 full-time persons in § 6 nr. 1–10 at the draft rate 10,602 kr. → 19,613,700 kr.
    const report = reportBudgetCeiling({
      ratePerFteKr: 10_602,
      fullTimePersons: 1_850,
      mentorSpendKr: 9_000_000,
      otherGuidanceSpendKr: 12_000_000,
    });
    expect(report.ceilingKr).toBe(19_613_700);
    expect(report.totalSpendKr).toBe(21_000_000);
    expect(report.overCeilingKr).toBe(1_386_300);
    expect(report.withinCeiling).toBe(false);
    expect(report.percentOfCeiling).toBeCloseTo(7.07, 2);
  });

  it('is within the ceiling when spending stays below it', () => {
    const report = reportBudgetCeiling({
      ratePerFteKr: 10_602,
      fullTimePersons: 1_850,
      mentorSpendKr: 5_000_000,
      otherGuidanceSpendKr: 10_000_000,
    });
    expect(report).toMatchObject({ withinCeiling: true, overCeilingKr: 0 });
  });
});
