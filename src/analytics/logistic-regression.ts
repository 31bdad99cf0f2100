/**
 * Propensity score model: logistic regression fitted by Newton–Raphson / IRLS.
 * Estimand: P(T = 1 | X). Assumes the rows are independent; reports (quasi-)separation when
 * coefficients diverge or fitted probabilities reach 0 or 1, because the score is then unreliable.
 * Reference: McCullagh & Nelder, Generalized Linear Models (1989), ch. 4.
 */
import { cholesky, choleskySolve } from './linear-algebra.ts';

export type LogisticFit = {
  coefficients: Float64Array;
  /** Some covariates were exactly collinear; a small ridge was used. */
  collinear: boolean;
  fitted: Float64Array;
  iterations: number;
  converged: boolean;
  separation: boolean;
};

export function fitLogisticRegression(input: {
  x: Float64Array;
  n: number;
  p: number;
  y: Uint8Array;
  maxIterations?: number;
}): LogisticFit {
  const { x, n, p, y } = input;
  const maxIterations = input.maxIterations ?? 30;
  // Start from the intercept-only model (column 0 is the intercept: logit of the share of ones), which is
  // nearer the fit than all zeros (a score of ½ for everyone): fewer iterations to the same optimum.
  let beta = new Float64Array(p);
  let ones = 0;
  for (let i = 0; i < n; i += 1) ones += y[i]!;
  if (ones > 0 && ones < n) beta[0] = Math.log(ones / (n - ones));
  const eta = new Float64Array(n);
  const fitted = new Float64Array(n);
  let previousDeviance = Infinity;
  let converged = false;
  let iterations: number;
  let collinear = false;
  const xtwx = new Float64Array(p * p);
  const gradient = new Float64Array(p);
  for (iterations = 1; iterations <= maxIterations; iterations += 1) {
    // First the scores and the deviance at beta: when the deviance no longer moves, the fit is done and
    // X'WX (most of an iteration's work) is not needed.
    let deviance = 0;
    for (let i = 0; i < n; i += 1) {
      const row = i * p;
      let e = 0;
      for (let j = 0; j < p; j += 1) e += x[row + j]! * beta[j]!;
      eta[i] = e;
      const mu = e >= 0 ? 1 / (1 + Math.exp(-e)) : Math.exp(e) / (1 + Math.exp(e));
      fitted[i] = mu;
      deviance -= 2 * (y[i] ? Math.log(Math.max(mu, 1e-300)) : Math.log(Math.max(1 - mu, 1e-300)));
    }
    if (Math.abs(previousDeviance - deviance) < 1e-8 * (Math.abs(deviance) + 0.1)) {
      converged = true;
      break;
    }
    previousDeviance = deviance;
    xtwx.fill(0);
    gradient.fill(0);
    for (let i = 0; i < n; i += 1) {
      const row = i * p;
      const mu = fitted[i]!;
      const w = Math.max(mu * (1 - mu), 1e-12);
      const r = y[i]! - mu;
      for (let j = 0; j < p; j += 1) {
        const xj = x[row + j]!;
        // A zero (most of an indicator column) adds only zeros to row j of X'WX and the gradient: skipped,
        // which leaves every sum exactly as it was.
        if (xj === 0) continue;
        gradient[j]! += xj * r;
        const wxj = w * xj;
        for (let k = 0; k <= j; k += 1) xtwx[j * p + k]! += wxj * x[row + k]!;
      }
    }
    for (let j = 0; j < p; j += 1) for (let k = 0; k < j; k += 1) xtwx[k * p + j] = xtwx[j * p + k]!;
    let l = cholesky(xtwx, p);
    if (!l) {
      // Collinear covariates (e.g. two columns that always agree) make X'WX singular: a tiny ridge keeps
      // the fit defined; the scores are unaffected by how the shared effect is split.
      collinear = true;
      let trace = 0;
      for (let j = 0; j < p; j += 1) trace += xtwx[j * p + j]!;
      for (let j = 0; j < p; j += 1) xtwx[j * p + j]! += 1e-6 * (trace / p);
      l = cholesky(xtwx, p);
      if (!l) break;
    }
    const step = choleskySolve(l, p, gradient);
    const next = new Float64Array(p);
    for (let j = 0; j < p; j += 1) next[j] = beta[j]! + step[j]!;
    beta = next;
  }
  let extreme = 0;
  for (let i = 0; i < n; i += 1) if (fitted[i]! < 1e-8 || fitted[i]! > 1 - 1e-8) extreme += 1;
  const largeCoefficient = Array.from(beta).some((b, j) => j > 0 && Math.abs(b) > 20);
  return { coefficients: beta, fitted, iterations, converged, collinear, separation: !converged || largeCoefficient || extreme > 0 };
}
