/**
 * Sensitivity to unmeasured confounding.
 * - Rosenbaum bounds for matched pairs (Rosenbaum 2002, Observational Studies, ch. 4): the smallest Γ
 *   (odds of treatment between two matched units that look alike) at which the one-sided 5 % test of no
 *   effect stops being significant. Binary outcome: McNemar's test on discordant pairs (exact binomial
 *   upper bound). Continuous outcome: Wilcoxon signed-rank with the normal approximation of the upper
 *   bound. With ratio > 1 each treated unit is paired with the mean of its controls.
 * - E-value (VanderWeele & Ding 2017, Ann Intern Med): the minimum risk-ratio association an unmeasured
 *   confounder must have with both treatment and outcome to explain the estimate away; continuous
 *   outcomes via RR ≈ exp(0.91 · d), d = effect / SD(outcome).
 */
import { normalCdf } from './linear-algebra.ts';

export type Sensitivity = {
  method: 'rosenbaum' | 'e-value';
  gamma: number | null;
  eValue: number | null;
  eValueConfidenceLimit: number | null;
};

function binomialUpperTail(n: number, k: number, p: number): number {
  // P(X ≥ k), X ~ Bin(n, p), by summing log-probabilities.
  if (k <= 0) return 1;
  if (k > n) return 0;
  let logCoef = 0;
  for (let i = 1; i <= k; i += 1) logCoef += Math.log((n - k + i) / i);
  let term = Math.exp(logCoef + k * Math.log(p) + (n - k) * Math.log(1 - p));
  let sum = term;
  for (let x = k + 1; x <= n; x += 1) {
    term *= ((n - x + 1) / x) * (p / (1 - p));
    sum += term;
  }
  return Math.min(1, sum);
}

/**
 * What the test statistic needs, computed once for every Γ (only the null distribution depends on Γ):
 * binary, the discordant pairs for and against the effect's direction; continuous, the signed-rank sum
 * T of the positive differences (mid-ranks for ties) and the number s of non-zero differences.
 */
type PairStatistic = { kind: 'binary'; favour: number; against: number } | { kind: 'signed-rank'; t: number; s: number };

function pairStatistic(differences: Float64Array, binary: boolean, positive: boolean): PairStatistic {
  const sign = positive ? 1 : -1;
  if (binary) {
    let favour = 0;
    let against = 0;
    for (const d of differences) {
      if (d * sign > 0) favour += 1;
      else if (d * sign < 0) against += 1;
    }
    return { kind: 'binary', favour, against };
  }
  const nonzero = Array.from(differences)
    .map((d) => d * sign)
    .filter((d) => d !== 0);
  const s = nonzero.length;
  const order = nonzero.map((d, i) => ({ abs: Math.abs(d), positive: d > 0, i })).sort((x, y) => x.abs - y.abs);
  let t = 0;
  for (let r = 0; r < s;) {
    let end = r;
    while (end + 1 < s && order[end + 1]!.abs === order[r]!.abs) end += 1;
    const rank = (r + end) / 2 + 1;
    for (let q = r; q <= end; q += 1) if (order[q]!.positive) t += rank;
    r = end + 1;
  }
  return { kind: 'signed-rank', t, s };
}

/** The upper bound of the one-sided p-value at Γ: McNemar's exact binomial, or Wilcoxon's normal approximation. */
function pValueAtGamma(statistic: PairStatistic, gamma: number): number {
  const plus = gamma / (1 + gamma);
  if (statistic.kind === 'binary') return binomialUpperTail(statistic.favour + statistic.against, statistic.favour, plus);
  const { t, s } = statistic;
  if (s === 0) return 1;
  const mean = (plus * (s * (s + 1))) / 2;
  const variance = (plus * (1 - plus) * (s * (s + 1) * (2 * s + 1))) / 6;
  return 1 - normalCdf((t - mean) / Math.sqrt(variance));
}

export function rosenbaumGamma(input: { differences: Float64Array; binary: boolean; effect: number }): number | null {
  const statistic = pairStatistic(input.differences, input.binary, input.effect >= 0);
  if (pValueAtGamma(statistic, 1) > 0.05) return 1;
  let lo = 1;
  let hi = 2;
  while (pValueAtGamma(statistic, hi) <= 0.05) {
    lo = hi;
    hi *= 2;
    if (hi > 1e4) return null;
  }
  for (let i = 0; i < 40; i += 1) {
    const mid = (lo + hi) / 2;
    if (pValueAtGamma(statistic, mid) <= 0.05) lo = mid;
    else hi = mid;
  }
  return Math.round(hi * 100) / 100;
}

function eValueOfRatio(rr: number): number {
  const r = rr < 1 ? 1 / rr : rr;
  return r + Math.sqrt(r * (r - 1));
}

export function eValue(input: { effect: number; ci: [number, number]; binary: boolean; controlMean: number; outcomeSd: number }): {
  eValue: number | null;
  eValueConfidenceLimit: number | null;
} {
  const toRatio = (effect: number) => {
    if (input.binary) {
      if (!(input.controlMean > 0) || !(input.controlMean + effect > 0)) return null;
      return (input.controlMean + effect) / input.controlMean;
    }
    if (!(input.outcomeSd > 0)) return null;
    return Math.exp(0.91 * (effect / input.outcomeSd));
  };
  const rr = toRatio(input.effect);
  const [lo, hi] = input.ci;
  const crossesNull = lo <= 0 && hi >= 0;
  const limit = crossesNull ? null : toRatio(input.effect > 0 ? lo : hi);
  return {
    eValue: rr === null ? null : Math.round(eValueOfRatio(rr) * 100) / 100,
    eValueConfidenceLimit: crossesNull ? 1 : limit === null ? null : Math.round(eValueOfRatio(limit) * 100) / 100,
  };
}
