import { describe, expect, it } from 'vitest';
import { matchingWeights, matchNearestNeighbors, type MatchOrder } from './nearest-neighbor-matching.ts';
import { seededRandom } from './seeded-random.ts';

const base = { ratio: 1, replace: false, order: 'data' as MatchOrder, caliperWidth: null, strata: null };

function pairs(result: ReturnType<typeof matchNearestNeighbors>): string[] {
  return Array.from(result.pairTreated, (t, r) => `${t}-${result.pairControl[r]}`);
}

/** Brute force: for each treated, the k controls with smallest (|d|, index) — with replacement. */
function bruteForceWithReplacement(treatment: Uint8Array, distance: Float64Array, k: number): string[] {
  const out: string[] = [];
  for (let t = 0; t < treatment.length; t += 1) {
    if (!treatment[t]) continue;
    const controls = [...treatment.keys()].filter((i) => !treatment[i]);
    controls.sort((a, b) => Math.abs(distance[a]! - distance[t]!) - Math.abs(distance[b]! - distance[t]!) || a - b);
    for (const c of controls.slice(0, k)) out.push(`${t}-${c}`);
  }
  return out;
}

/** Brute force greedy without replacement in the given order, one round per ratio step. */
function bruteForceWithoutReplacement(treatment: Uint8Array, distance: Float64Array, order: number[], k: number): string[] {
  const used = new Set<number>();
  const out: string[] = [];
  for (let round = 0; round < k; round += 1) {
    for (const t of order) {
      const controls = [...treatment.keys()].filter((i) => !treatment[i] && !used.has(i));
      if (controls.length === 0) continue;
      controls.sort((a, b) => Math.abs(distance[a]! - distance[t]!) - Math.abs(distance[b]! - distance[t]!) || a - b);
      used.add(controls[0]!);
      out.push(`${t}-${controls[0]}`);
    }
  }
  return out;
}

describe('nearest-neighbour matching', () => {
  // Hand case: treated at 0.50 (unit 0) and 0.80 (unit 1); controls 0.45 (2), 0.55 (3), 0.79 (4), 0.30 (5).
  const treatment = Uint8Array.from([1, 1, 0, 0, 0, 0]);
  const distance = Float64Array.from([0.5, 0.8, 0.45, 0.55, 0.79, 0.3]);

  it('breaks a tie in distance by data order: the first control in the data wins', () => {
    // Unit 0 at 0.50 is 0.05 from both 2 (0.45) and 3 (0.55); control 2 comes first.
    const result = matchNearestNeighbors({ ...base, treatment, distance, score: distance, replace: true });
    expect(pairs(result)).toEqual(['0-2', '1-4']);
  });

  it('serves the largest score first without replacement, which changes who gets the contested control', () => {
    // Treated 0 (0.60) and 1 (0.70) both want control 2 (0.66): 1 is 0.04 away, 0 is 0.06 away.
    const t2 = Uint8Array.from([1, 1, 0, 0]);
    const d2 = Float64Array.from([0.6, 0.7, 0.66, 0.5]);
    const largest = matchNearestNeighbors({ ...base, treatment: t2, distance: d2, score: d2, order: 'largest' });
    expect(pairs(largest)).toEqual(['1-2', '0-3']);
    const data = matchNearestNeighbors({ ...base, treatment: t2, distance: d2, score: d2, order: 'data' });
    expect(pairs(data)).toEqual(['0-2', '1-3']);
    const smallest = matchNearestNeighbors({ ...base, treatment: t2, distance: d2, score: d2, order: 'smallest' });
    expect(pairs(smallest)).toEqual(['0-2', '1-3']);
  });

  it('drops a treated unit with no control inside the caliper', () => {
    const result = matchNearestNeighbors({ ...base, treatment, distance, score: distance, replace: true, caliperWidth: 0.02 });
    expect(pairs(result)).toEqual(['1-4']);
    expect(result.unmatchedTreated).toBe(1);
  });

  it('matches only within exact strata', () => {
    // Units 0 and 2 in stratum 1; 1, 3, 4, 5 in stratum 0: unit 0 must take 2 (0.45), not 3.
    const strata = Int32Array.from([1, 0, 1, 0, 0, 0]);
    const result = matchNearestNeighbors({ ...base, treatment, distance, score: distance, strata });
    expect(pairs(result).sort()).toEqual(['0-2', '1-4']);
  });

  it('gives ratio-k weights: each of k controls weighs 1/k', () => {
    const result = matchNearestNeighbors({ ...base, treatment, distance, score: distance, replace: true, ratio: 2 });
    expect(pairs(result)).toEqual(['0-2', '0-3', '1-4', '1-3']);
    const w = matchingWeights(result, 6);
    expect(Array.from(w)).toEqual([1, 1, 0.5, 1, 0.5, 0]);
  });

  it('agrees with a brute-force search on random data, with and without replacement', () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 20; trial += 1) {
      const n = 60;
      const t = Uint8Array.from({ length: n }, () => (random.next() < 0.3 ? 1 : 0));
      // Rounded scores create many exact ties.
      const d = Float64Array.from({ length: n }, () => Math.round(random.next() * 20) / 20);
      const k = 1 + (trial % 2);
      const withReplacement = matchNearestNeighbors({ ...base, treatment: t, distance: d, score: d, replace: true, ratio: k });
      expect(pairs(withReplacement)).toEqual(bruteForceWithReplacement(t, d, k));
      const order = [...t.keys()].filter((i) => t[i]).sort((a, b) => d[b]! - d[a]! || a - b);
      const without = matchNearestNeighbors({ ...base, treatment: t, distance: d, score: d, order: 'largest', ratio: k });
      expect(pairs(without)).toEqual(bruteForceWithoutReplacement(t, d, order, k));
    }
  });
});
