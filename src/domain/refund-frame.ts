/**
 * The refund frame (refusionsramme) of a year: how much of the municipality's mentor spending the state
 * refunds (domain spec §1.5, rules R-FIN-2 and R-FIN-3; seed S4, Cabi 2015).
 */
import type { RefundClass } from './legal-regime.ts';

/**
 * R-FIN-3: inside a frame the refund is min(rate × eligible spend, frame). Spend above frame / rate
 * earns nothing: a frame of 2.0 M kr. at 50 % makes 4.0 M kr. refundable, and 5.0 M kr. of spend still
 * earns 2.0 M kr. (S4).
 */
export function refundInsideFrame(input: { eligibleSpendKr: number; refundRate: number; refundFrameKr: number }): number {
  return Math.min(input.refundRate * input.eligibleSpendKr, input.refundFrameKr);
}

/** R-FIN-3: the spend that the frame can refund in full, frame / rate (S4: 2.0 M kr. at 50 % → 4.0 M kr.). */
export function refundableSpend(input: { refundFrameKr: number; refundRate: number }): number | null {
  return input.refundRate > 0 ? input.refundFrameKr / input.refundRate : null;
}

/**
 * "Budget above the refundable frame" as Cabi measured it (S4, question on budgeting beyond the frame):
 * (budget − frame / rate) / (frame / rate) in percent. A 4.4 M kr. budget on a 2.0 M kr. frame at 50 %
 * is 10 % above. Null when there is no frame (no refund in the regime, R-FIN-4) to compare with.
 */
export function overFramePercent(input: { amountKr: number; refundFrameKr: number; refundRate: number }): number | null {
  const refundable = refundableSpend(input);
  if (refundable === null || refundable <= 0) return null;
  return ((input.amountKr - refundable) / refundable) * 100;
}

export type SpendByRefundClass = { spendKr: number; refundRate: number; refundClass: RefundClass };

/**
 * The refund of a year from spend per refund class (R-FIN-2, R-FIN-3): inside-frame spend is refunded
 * at its rate up to the frame; outside-frame spend (ressourceforløb, jobafklaringsforløb) at its rate
 * without a cap; spend without refund class earns nothing. Each item carries the rate of the regime its
 * agreement was concluded under (R-FIN-1), so one year may mix rates.
 */
export function refundOfYear(input: { items: readonly SpendByRefundClass[]; refundFrameKr: number }): {
  spendKr: number;
  eligibleSpendKr: number;
  insideFrameSpendKr: number;
  outsideFrameSpendKr: number;
  refundInsideFrameKr: number;
  refundOutsideFrameKr: number;
  refundKr: number;
  refundLostToFrameKr: number;
} {
  let spendKr = 0;
  let insideFrameSpendKr = 0;
  let outsideFrameSpendKr = 0;
  let uncappedInsideKr = 0;
  let refundOutsideFrameKr = 0;
  for (const item of input.items) {
    spendKr += item.spendKr;
    if (item.refundClass === 'inside_frame') {
      insideFrameSpendKr += item.spendKr;
      uncappedInsideKr += item.refundRate * item.spendKr;
    } else if (item.refundClass === 'outside_frame') {
      outsideFrameSpendKr += item.spendKr;
      refundOutsideFrameKr += item.refundRate * item.spendKr;
    }
  }
  const refundInsideFrameKr = Math.min(uncappedInsideKr, input.refundFrameKr);
  return {
    spendKr,
    eligibleSpendKr: insideFrameSpendKr + outsideFrameSpendKr,
    insideFrameSpendKr,
    outsideFrameSpendKr,
    refundInsideFrameKr,
    refundOutsideFrameKr,
    refundKr: refundInsideFrameKr + refundOutsideFrameKr,
    refundLostToFrameKr: uncappedInsideKr - refundInsideFrameKr,
  };
}
