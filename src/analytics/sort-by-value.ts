/**
 * Indices sorted by a value, ties in their given order (a stable sort): for indices given in increasing
 * order, the order (value, index) that the matching's tie rules ask for. An LSD radix sort on the values'
 * 64-bit patterns (turned so that unsigned order is numeric order; −0 counts as +0), 16 bits a pass and
 * passes skipped where every key has the same digit: linear time, where a comparison sort of a million
 * indices calls its comparator some twenty million times. NaN values are not expected (scores, logits).
 */
const smallSort = 64;

export function sortByValue(indices: Uint32Array, values: Float64Array): Uint32Array {
  const n = indices.length;
  if (n <= smallSort) {
    const positions = Uint32Array.from({ length: n }, (_, p) => p);
    positions.sort((p, q) => values[indices[p]!]! - values[indices[q]!]! || p - q);
    return positions.map((p) => indices[p]!);
  }
  const scratch = new Float64Array(1);
  const bits = new Uint32Array(scratch.buffer);
  const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
  const [loAt, hiAt] = littleEndian ? [0, 1] : [1, 0];
  let order = indices.slice();
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) {
    scratch[0] = values[order[i]!]! + 0;
    const h = bits[hiAt]!;
    const l = bits[loAt]!;
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  let nextOrder = new Uint32Array(n);
  let nextHi = new Uint32Array(n);
  let nextLo = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass += 1) {
    const word = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let i = 0; i < n; i += 1) counts[(word[i]! >>> shift) & 0xffff]! += 1;
    if (counts[(word[0]! >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d += 1) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i += 1) {
      const at = counts[(word[i]! >>> shift) & 0xffff]!++;
      nextOrder[at] = order[i]!;
      nextHi[at] = hi[i]!;
      nextLo[at] = lo[i]!;
    }
    [order, nextOrder] = [nextOrder, order];
    [hi, nextHi] = [nextHi, hi];
    [lo, nextLo] = [nextLo, lo];
  }
  return order;
}
