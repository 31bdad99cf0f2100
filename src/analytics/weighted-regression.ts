/**
 * Weighted least squares of the outcome on the treatment (and optionally covariates) with a
 * sandwich variance: HC1 when every unit is its own cluster, CR1 (cluster-robust) when clusters are
 * given (matched sets for matching without replacement). The treatment coefficient is the effect.
 * Reference: Cameron & Miller (2015), A practitioner's guide to cluster-robust inference, JHR 50(2).
 */
import { cholesky, choleskyInverse, choleskySolve } from './linear-algebra.ts';

export type WeightedRegressionResult = { coefficient: number; standardError: number; degreesOfFreedom: number };

export function weightedTreatmentRegression(input: {
  outcome: Float64Array;
  treatment: Uint8Array;
  weights: Float64Array;
  /** Extra regressors for regression adjustment (columns), or []. */
  adjust: Float64Array[];
  /** Cluster id per unit (≥ 0), or null for HC1. */
  clusters: Int32Array | null;
}): WeightedRegressionResult | null {
  const { outcome, treatment, weights, adjust } = input;
  const p = 2 + adjust.length;
  const n = outcome.length;
  const xtwx = new Float64Array(p * p);
  const xtwy = new Float64Array(p);
  const row = new Float64Array(p);
  let used = 0;
  const fill = (i: number) => {
    row[0] = 1;
    row[1] = treatment[i]!;
    for (let k = 0; k < adjust.length; k += 1) row[2 + k] = adjust[k]![i]!;
  };
  for (let i = 0; i < n; i += 1) {
    const w = weights[i]!;
    if (w === 0) continue;
    used += 1;
    fill(i);
    for (let j = 0; j < p; j += 1) {
      xtwy[j]! += w * row[j]! * outcome[i]!;
      for (let k = 0; k < p; k += 1) xtwx[j * p + k]! += w * row[j]! * row[k]!;
    }
  }
  const l = cholesky(xtwx, p);
  if (!l || used <= p) return null;
  const beta = choleskySolve(l, p, xtwy);
  const bread = choleskyInverse(l, p);
  // Meat: Σ_g u_g u_g' with u_g = Σ_{i∈g} w_i x_i e_i.
  const meat = new Float64Array(p * p);
  const scores = new Map<number, Float64Array>();
  const own = new Float64Array(p);
  for (let i = 0; i < n; i += 1) {
    const w = weights[i]!;
    if (w === 0) continue;
    fill(i);
    let fittedValue = 0;
    for (let j = 0; j < p; j += 1) fittedValue += row[j]! * beta[j]!;
    const e = outcome[i]! - fittedValue;
    let u: Float64Array;
    if (input.clusters) {
      const g = input.clusters[i]!;
      u = scores.get(g) ?? new Float64Array(p);
      scores.set(g, u);
    } else {
      own.fill(0);
      u = own;
    }
    for (let j = 0; j < p; j += 1) u[j]! += w * row[j]! * e;
    if (!input.clusters) for (let j = 0; j < p; j += 1) for (let k = 0; k < p; k += 1) meat[j * p + k]! += u[j]! * u[k]!;
  }
  let groups = used;
  if (input.clusters) {
    groups = scores.size;
    for (const u of scores.values()) for (let j = 0; j < p; j += 1) for (let k = 0; k < p; k += 1) meat[j * p + k]! += u[j]! * u[k]!;
  }
  const factor = input.clusters ? (groups / (groups - 1)) * ((used - 1) / (used - p)) : used / (used - p);
  // Var(β_1) = (bread · meat · bread)[1][1].
  let variance = 0;
  for (let j = 0; j < p; j += 1) for (let k = 0; k < p; k += 1) variance += bread[1 * p + j]! * meat[j * p + k]! * bread[k * p + 1]!;
  return {
    coefficient: beta[1]!,
    standardError: Math.sqrt(Math.max(variance * factor, 0)),
    degreesOfFreedom: input.clusters ? groups - 1 : used - p,
  };
}
