/**
 * Abadie–Imbens (2006) variance of the nearest-neighbour matching estimator of the (population) ATT,
 * with replacement (AI 2006, Theorem 7; as R's Matching::Match with BiasAdjust = FALSE):
 *   V̂ = (1/N₁²) Σ_{T=1} (Y_i − Ŷ_i(0) − τ̂)² + (1/N₁²) Σ_{T=0} (K_i² − K'_i) σ̂²(X_i)
 * where, for a control i, K_i = Σ over the treated it serves of 1/m_t (m_t = that treated unit's number of
 * matches; = K_M(i)/M in AI's notation) and K'_i = Σ 1/m_t² (= K'_M(i)/M²). σ̂²(X_i) is estimated by
 * matching i to its nearest neighbour in its own treatment group on the same distance (J = 1:
 * σ̂² = ½ (Y_i − Y_j)²). The propensity score is treated as known; AI (2016) give the correction for an
 * estimated score, which for the ATT can go either way — stated as a caveat in src/analytics/README.md.
 */

import { sortByValue } from './sort-by-value.ts';

/**
 * For each unit, its nearest neighbour in its own treatment group (and exact stratum) on the distance
 * (ties: first in data), or −1 when it is alone there. Independent of the outcome, so computed once for
 * several outcomes. `controlsByDistance`: strata whose controls the matching has already sorted by
 * (distance, index) — the same order this function would sort them in — so they are not sorted again.
 */
export function sameGroupNeighbors(input: {
  treatment: Uint8Array;
  distance: Float64Array;
  strata: Int32Array | null;
  controlsByDistance?: ReadonlyMap<number, Uint32Array>;
}): Int32Array {
  const n = input.treatment.length;
  const neighbors = new Int32Array(n).fill(-1);
  const sorted = input.controlsByDistance;
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i += 1) {
    const stratum = input.strata ? input.strata[i]! : 0;
    if (!input.treatment[i] && sorted?.has(stratum)) continue;
    const key = 2 * stratum + input.treatment[i]!;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(i);
  }
  // Members are in index order, so a stable sort by distance gives (distance, index).
  const orders = [...groups.values()]
    .filter((members) => members.length >= 2)
    .map((members) => sortByValue(Uint32Array.from(members), input.distance));
  for (const order of sorted?.values() ?? []) orders.push(order);
  for (const order of orders) {
    for (let r = 0; r < order.length; r += 1) {
      const i = order[r]!;
      const prev = r > 0 ? order[r - 1]! : -1;
      const next = r + 1 < order.length ? order[r + 1]! : -1;
      const dp = prev >= 0 ? Math.abs(input.distance[prev]! - input.distance[i]!) : Infinity;
      const dn = next >= 0 ? Math.abs(input.distance[next]! - input.distance[i]!) : Infinity;
      neighbors[i] = dp < dn || (dp === dn && prev >= 0 && (next < 0 || prev < next)) ? prev : next;
    }
  }
  return neighbors;
}

/**
 * σ̂²_i = ½ (Y_i − Y_j)² with j the same-group neighbour from `sameGroupNeighbors` (0 when alone); for
 * every unit, or only for `units` (written into `into`, the other entries left as they are).
 */
export function conditionalVariances(input: {
  outcome: Float64Array;
  neighbors: Int32Array;
  units?: Int32Array;
  into?: Float64Array;
}): Float64Array {
  const { outcome, neighbors, units } = input;
  const sigma2 = input.into ?? new Float64Array(outcome.length);
  const count = units ? units.length : outcome.length;
  for (let k = 0; k < count; k += 1) {
    const i = units ? units[k]! : k;
    const j = neighbors[i]!;
    const diff = j < 0 ? 0 : outcome[i]! - outcome[j]!;
    sigma2[i] = 0.5 * diff * diff;
  }
  return sigma2;
}

export function abadieImbensStandardError(input: {
  outcome: Float64Array;
  treatment: Uint8Array;
  /** Matching weights: 1 for matched treated, K_i for controls, 0 otherwise. */
  weights: Float64Array;
  /** K'_i = Σ 1/m_t² for controls. */
  squaredShares: Float64Array;
  /** Ŷ_i(0) for each matched treated unit (mean of its matches); NaN for others. */
  imputedControl: Float64Array;
  effect: number;
  sigma2: Float64Array;
  /** The units with weight in ascending order, when known (the others add nothing). */
  units?: Int32Array;
}): number {
  const { outcome, treatment, weights, squaredShares, imputedControl, effect, sigma2, units } = input;
  let n1 = 0;
  let sum = 0;
  const count = units ? units.length : outcome.length;
  for (let k = 0; k < count; k += 1) {
    const i = units ? units[k]! : k;
    const w = weights[i]!;
    if (w === 0) continue;
    if (treatment[i]) {
      n1 += 1;
      const d = outcome[i]! - imputedControl[i]! - effect;
      sum += d * d;
    } else {
      sum += (w * w - squaredShares[i]!) * sigma2[i]!;
    }
  }
  return n1 > 0 ? Math.sqrt(sum) / n1 : NaN;
}
