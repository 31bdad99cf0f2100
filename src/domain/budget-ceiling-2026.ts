/**
 * R-FIN-5 [U]: from budget year 2026, the municipality's spending on mentor support and on other
 * guidance and upskilling (øvrig vejledning og opkvalificering) counts in the budget-guarantee
 * settlement only up to a ceiling = full-time persons in LAB § 6 nr. 1–10 × a rate (bill L 77 (2025-26),
 * new § 203 a; draft rate 10,602 kr. per full-time person, E20). The bill's enactment and final rate are
 * not verified: the rate is a regime parameter, the full-time persons are entered per year, and the
 * result is a report, never a block.
 */
import { overFramePercent } from './refund-frame.ts';

export type BudgetCeilingReport = {
  ratePerFteKr: number;
  fullTimePersons: number;
  ceilingKr: number;
  mentorSpendKr: number;
  otherGuidanceSpendKr: number;
  totalSpendKr: number;
  /** Spend that falls outside the budget guarantee (0 when within the ceiling). */
  overCeilingKr: number;
  /** Spend above (positive) or below (negative) the ceiling in percent of it. */
  percentOfCeiling: number | null;
  withinCeiling: boolean;
};

/** R-FIN-5 [U]: the ceiling and how mentor + øvrig V&O spending compares with it. */
export function reportBudgetCeiling(input: {
  ratePerFteKr: number;
  fullTimePersons: number;
  mentorSpendKr: number;
  otherGuidanceSpendKr: number;
}): BudgetCeilingReport {
  const ceilingKr = input.fullTimePersons * input.ratePerFteKr;
  const totalSpendKr = input.mentorSpendKr + input.otherGuidanceSpendKr;
  return {
    ratePerFteKr: input.ratePerFteKr,
    fullTimePersons: input.fullTimePersons,
    ceilingKr,
    mentorSpendKr: input.mentorSpendKr,
    otherGuidanceSpendKr: input.otherGuidanceSpendKr,
    totalSpendKr,
    overCeilingKr: Math.max(0, totalSpendKr - ceilingKr),
    // The same "above the limit in percent" as the refund frame, with the ceiling as the limit (rate 1).
    percentOfCeiling: overFramePercent({ amountKr: totalSpendKr, refundFrameKr: ceilingKr, refundRate: 1 }),
    withinCeiling: totalSpendKr <= ceilingKr,
  };
}
