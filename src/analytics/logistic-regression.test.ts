import { describe, expect, it } from 'vitest';
import { fitLogisticRegression } from './logistic-regression.ts';

describe('the propensity model (logistic regression by IRLS)', () => {
  it('starts from the intercept-only model: with no covariates its first score is the fit (5 of 100 treated)', () => {
    const n = 100;
    const y = Uint8Array.from({ length: n }, (_, i) => (i < 5 ? 1 : 0));
    const fit = fitLogisticRegression({ x: new Float64Array(n).fill(1), n, p: 1, y });
    // logit(5/100) = log(5/95); the second pass only confirms that the deviance did not move.
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(5 / 95), 12);
    expect(fit.iterations).toBe(2);
    expect(fit.converged).toBe(true);
    expect(fit.fitted[0]).toBeCloseTo(0.05, 12);
  });

  it('reaches the maximum-likelihood coefficients of a covariate (hand-computed from the 2 × 2 table)', () => {
    // x = 0: 2 of 10 treated; x = 1: 6 of 10 treated → intercept logit(0.2), slope logit(0.6) − logit(0.2).
    const n = 20;
    const x = new Float64Array(2 * n);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i += 1) {
      x[2 * i] = 1;
      x[2 * i + 1] = i < 10 ? 0 : 1;
      y[i] = (i < 10 ? i < 2 : i < 16) ? 1 : 0;
    }
    const fit = fitLogisticRegression({ x, n, p: 2, y });
    const logit = (p: number) => Math.log(p / (1 - p));
    expect(fit.coefficients[0]).toBeCloseTo(logit(0.2), 8);
    expect(fit.coefficients[1]).toBeCloseTo(logit(0.6) - logit(0.2), 8);
    expect(fit.separation).toBe(false);
  });
});
