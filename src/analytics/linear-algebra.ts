/**
 * Small dense linear algebra for the estimator: symmetric positive-definite solves by Cholesky on
 * p × p matrices (p = covariates + 1, typically ≤ 50). Matrices are row-major Float64Arrays.
 */

/** Cholesky factor L (lower) of a symmetric positive-definite p × p matrix; null if not positive definite. */
export function cholesky(a: Float64Array, p: number): Float64Array | null {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = a[i * p + j]!;
      for (let k = 0; k < j; k += 1) sum -= l[i * p + k]! * l[j * p + k]!;
      if (i === j) {
        if (!(sum > 1e-12 * Math.max(1, Math.abs(a[i * p + i]!)))) return null;
        l[i * p + i] = Math.sqrt(sum);
      } else {
        l[i * p + j] = sum / l[j * p + j]!;
      }
    }
  }
  return l;
}

/** Solves A x = b given A's Cholesky factor. */
export function choleskySolve(l: Float64Array, p: number, b: Float64Array): Float64Array {
  const y = new Float64Array(p);
  for (let i = 0; i < p; i += 1) {
    let sum = b[i]!;
    for (let k = 0; k < i; k += 1) sum -= l[i * p + k]! * y[k]!;
    y[i] = sum / l[i * p + i]!;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i -= 1) {
    let sum = y[i]!;
    for (let k = i + 1; k < p; k += 1) sum -= l[k * p + i]! * x[k]!;
    x[i] = sum / l[i * p + i]!;
  }
  return x;
}

/** Inverse of a symmetric positive-definite matrix from its Cholesky factor. */
export function choleskyInverse(l: Float64Array, p: number): Float64Array {
  const inverse = new Float64Array(p * p);
  const e = new Float64Array(p);
  for (let j = 0; j < p; j += 1) {
    e.fill(0);
    e[j] = 1;
    const column = choleskySolve(l, p, e);
    for (let i = 0; i < p; i += 1) inverse[i * p + j] = column[i]!;
  }
  return inverse;
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 via erf, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2);
  return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}
