import { describe, expect, it } from 'vitest';
import { sameGroupNeighbors } from './abadie-imbens-variance.ts';
import { matchNearestNeighbors } from './nearest-neighbor-matching.ts';
import { seededRandom } from './seeded-random.ts';

/** Brute force (distances without ties): the unit of the same treatment group and stratum nearest in distance, −1 alone. */
function bruteForceNeighbors(treatment: Uint8Array, distance: Float64Array, strata: Int32Array): Int32Array {
  return Int32Array.from(treatment, (t, i) => {
    let best = -1;
    for (let j = 0; j < treatment.length; j += 1) {
      if (j === i || treatment[j] !== t || strata[j] !== strata[i]) continue;
      if (best < 0 || Math.abs(distance[j]! - distance[i]!) < Math.abs(distance[best]! - distance[i]!)) best = j;
    }
    return best;
  });
}

describe('the same-group neighbours of the Abadie–Imbens variance', () => {
  // 600 units in 3 strata; stratum 2 has no treated unit.
  const random = seededRandom(5);
  const n = 600;
  const strata = Int32Array.from({ length: n }, (_, i) => i % 3);
  const treatment = Uint8Array.from({ length: n }, (_, i) => (strata[i] !== 2 && random.next() < 0.2 ? 1 : 0));
  const distance = Float64Array.from({ length: n }, () => random.next());
  // The same on a coarse grid: many ties.
  const tied = distance.map((d) => Math.round(d * 40) / 40);
  const matchingOn = (d: Float64Array) =>
    matchNearestNeighbors({ treatment, distance: d, score: d, ratio: 1, replace: true, order: 'data', caliperWidth: null, strata });

  it('are the nearest in distance within the treatment group and stratum', () => {
    const neighbors = sameGroupNeighbors({ treatment, distance, strata });
    expect(neighbors).toEqual(bruteForceNeighbors(treatment, distance, strata));
    expect(neighbors.every((j) => j >= 0)).toBe(true);
  });

  it('are the same when the controls come sorted from the matching (strata with treated; the others sorted here)', () => {
    for (const d of [distance, tied]) {
      const matching = matchingOn(d);
      expect([...matching.controlsByDistance.keys()].sort()).toEqual([0, 1]);
      const reused = sameGroupNeighbors({ treatment, distance: d, strata, controlsByDistance: matching.controlsByDistance });
      expect(reused).toEqual(sameGroupNeighbors({ treatment, distance: d, strata }));
    }
    expect(sameGroupNeighbors({ treatment, distance: tied, strata })).not.toEqual(sameGroupNeighbors({ treatment, distance, strata }));
  });
});
