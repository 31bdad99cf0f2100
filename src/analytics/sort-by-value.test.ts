import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.ts';
import { sortByValue } from './sort-by-value.ts';

const comparisonSort = (indices: Uint32Array, values: Float64Array) => indices.slice().sort((x, y) => values[x]! - values[y]! || x - y);

describe('sortByValue (issue 12: the matching without comparator sorts)', () => {
  it('orders by value, then by index, as the comparison sort does — with negatives, zeros, ties and extremes', () => {
    const random = seededRandom(3);
    const values = new Float64Array(5000);
    for (let i = 0; i < values.length; i += 1) {
      const kind = random.int(6);
      values[i] =
        kind === 0
          ? Math.round(random.normal() * 3)
          : kind === 1
            ? -0
            : kind === 2
              ? 1e-300 * random.normal()
              : kind === 3
                ? 1e300 * random.normal()
                : random.normal();
    }
    const indices = Uint32Array.from({ length: values.length }, (_, i) => i);
    expect(Array.from(sortByValue(indices, values))).toEqual(Array.from(comparisonSort(indices, values)));
    // A subset (every third index), as a stratum's controls.
    const subset = indices.filter((i) => i % 3 === 0);
    expect(Array.from(sortByValue(subset, values))).toEqual(Array.from(comparisonSort(subset, values)));
  });

  it('sorts short lists and lists of one repeated value', () => {
    const values = Float64Array.of(0.5, 0.25, 0.5, 0.125);
    expect(Array.from(sortByValue(Uint32Array.of(0, 1, 2, 3), values))).toEqual([3, 1, 0, 2]);
    const same = new Float64Array(200).fill(0.3);
    const all = Uint32Array.from({ length: 200 }, (_, i) => i);
    expect(Array.from(sortByValue(all, same))).toEqual(Array.from(all));
  });
});
