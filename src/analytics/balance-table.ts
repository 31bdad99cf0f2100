/**
 * Covariate balance before and after matching or weighting, ATT convention (Austin 2009; Stuart 2010;
 * MatchIt's `std = TRUE` for the ATT): SMD = (weighted mean among treated − weighted mean among
 * controls) / SD of the covariate among ALL treated units before matching — the sample SD (n − 1) for a
 * continuous covariate, sqrt(p(1 − p)) for a 0/1 covariate — and the same denominator before and after,
 * so that a change in SMD is a change in means only. Variance ratio after: weighted variance among
 * treated / among controls (continuous covariates only).
 */
import type { BalanceColumn } from './design-matrix.ts';

export type BalanceRow = {
  covariate: string;
  meanTreated: number;
  meanControl: number;
  meanTreatedBefore: number;
  meanControlBefore: number;
  smdBefore: number | null;
  smdAfter: number | null;
  varianceRatioAfter: number | null;
};

function weightedMoments(values: Float64Array, treatment: Uint8Array, group: 0 | 1, weights: Float64Array | null) {
  let sw = 0;
  let sx = 0;
  for (let i = 0; i < values.length; i += 1) {
    if (treatment[i] !== group) continue;
    const w = weights ? weights[i]! : 1;
    sw += w;
    sx += w * values[i]!;
  }
  const mean = sx / sw;
  let ss = 0;
  let sw2 = 0;
  for (let i = 0; i < values.length; i += 1) {
    if (treatment[i] !== group) continue;
    const w = weights ? weights[i]! : 1;
    ss += w * (values[i]! - mean) ** 2;
    sw2 += w * w;
  }
  // Unbiased weighted variance with reliability weights (= sample variance when all weights are 1).
  const variance = sw * sw - sw2 > 0 ? (ss * sw) / (sw * sw - sw2) : 0;
  return { mean, variance, sum: sw };
}

export function balanceTable(input: { columns: BalanceColumn[]; treatment: Uint8Array; weights: Float64Array }): BalanceRow[] {
  return input.columns.map((column) => {
    const before1 = weightedMoments(column.values, input.treatment, 1, null);
    const before0 = weightedMoments(column.values, input.treatment, 0, null);
    const after1 = weightedMoments(column.values, input.treatment, 1, input.weights);
    const after0 = weightedMoments(column.values, input.treatment, 0, input.weights);
    const sd = column.binary ? Math.sqrt(before1.mean * (1 - before1.mean)) : Math.sqrt(before1.variance);
    const smd = (a: number, b: number) => (sd > 0 ? (a - b) / sd : a === b ? 0 : null);
    return {
      covariate: column.name,
      meanTreated: after1.mean,
      meanControl: after0.mean,
      meanTreatedBefore: before1.mean,
      meanControlBefore: before0.mean,
      smdBefore: smd(before1.mean, before0.mean),
      smdAfter: after1.sum > 0 && after0.sum > 0 ? smd(after1.mean, after0.mean) : null,
      varianceRatioAfter: column.binary || !(after0.variance > 0) ? null : after1.variance / after0.variance,
    };
  });
}
