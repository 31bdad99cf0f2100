/**
 * Greedy nearest-neighbour matching on a scalar distance (propensity score or its logit), for the ATT:
 * each treated unit gets `ratio` controls, with or without replacement, optionally within a caliper and
 * within exact-matching strata. Ties in distance go to the control that comes first in the data.
 * Without replacement, treated units are served in the chosen order ('largest' score first — MatchIt's
 * default —, 'smallest', or 'data'), one round per ratio step, in O(n log n): controls are sorted once
 * and removed controls are skipped by union–find "next available" pointers.
 * Reference: Stuart (2010), Matching methods for causal inference, Stat. Sci. 25(1); MatchIt docs.
 */

import { sortByValue } from './sort-by-value.ts';

export type MatchOrder = 'largest' | 'smallest' | 'data';

export type MatchingResult = {
  /** One row per (treated, control) match. */
  pairTreated: Int32Array;
  pairControl: Int32Array;
  /** Matches received by each unit index (treated) — 0 for unmatched treated and for controls. */
  matchesPerTreated: Int32Array;
  /** Treated units left without any match because of the caliper or an empty stratum. */
  unmatchedTreated: number;
  /** Each stratum's controls sorted by (distance, index), where the stratum has treated: the Abadie–Imbens neighbours reuse them. */
  controlsByDistance: Map<number, Uint32Array>;
};

type Group = { stratum: number; treated: number[]; controls: number[] };

function groupsByStratum(treatment: Uint8Array, strata: Int32Array | null): Group[] {
  const groups = new Map<number, Group>();
  for (let i = 0; i < treatment.length; i += 1) {
    const key = strata ? strata[i]! : 0;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { stratum: key, treated: [], controls: [] }));
    (treatment[i] ? g.treated : g.controls).push(i);
  }
  return [...groups.values()];
}

/** Controls sorted by (distance, index) — and a copy with index descending inside runs of equal distance. */
function sortControls(controls: number[], distance: Float64Array) {
  // `controls` are in index order, so a stable sort by distance gives (distance, index).
  const a = sortByValue(Uint32Array.from(controls), distance);
  const b = a.slice();
  let start = 0;
  for (let i = 1; i <= b.length; i += 1) {
    if (i === b.length || distance[b[i]!] !== distance[b[start]!]) {
      b.subarray(start, i).reverse();
      start = i;
    }
  }
  const values = new Float64Array(a.length);
  for (let i = 0; i < a.length; i += 1) values[i] = distance[a[i]!]!;
  return { a, b, values };
}

/** First position whose value is ≥ t. */
function lowerBound(values: Float64Array, t: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function treatedOrder(treated: number[], score: Float64Array, order: MatchOrder): number[] {
  const sorted = [...treated];
  if (order === 'largest') sorted.sort((x, y) => score[y]! - score[x]! || x - y);
  else if (order === 'smallest') sorted.sort((x, y) => score[x]! - score[y]! || x - y);
  return sorted;
}

export function matchNearestNeighbors(input: {
  treatment: Uint8Array;
  distance: Float64Array;
  /** The score used for the matching order (the propensity score). */
  score: Float64Array;
  ratio: number;
  replace: boolean;
  order: MatchOrder;
  /** Maximum |distance difference|; null for none. */
  caliperWidth: number | null;
  strata: Int32Array | null;
}): MatchingResult {
  const { treatment, distance, ratio } = input;
  const n = treatment.length;
  const caliper = input.caliperWidth ?? Infinity;
  const pairT: number[] = [];
  const pairC: number[] = [];
  const matchesPerTreated = new Int32Array(n);
  let unmatched = 0;
  const controlsByDistance = new Map<number, Uint32Array>();

  for (const group of groupsByStratum(treatment, input.strata)) {
    if (group.treated.length === 0) continue;
    if (group.controls.length === 0) {
      unmatched += group.treated.length;
      continue;
    }
    const { a, b, values } = sortControls(group.controls, distance);
    controlsByDistance.set(group.stratum, a);
    const m = a.length;
    if (input.replace) {
      for (const t of group.treated) {
        const target = distance[t]!;
        const lb = lowerBound(values, target);
        let right = lb;
        let left = lb - 1;
        for (let k = 0; k < ratio; k += 1) {
          const rc = right < m ? a[right]! : -1;
          const lc = left >= 0 ? b[left]! : -1;
          if (rc < 0 && lc < 0) break;
          const rd = rc >= 0 ? Math.abs(distance[rc]! - target) : Infinity;
          const ld = lc >= 0 ? Math.abs(distance[lc]! - target) : Infinity;
          const takeRight = rd < ld || (rd === ld && rc >= 0 && (lc < 0 || rc < lc));
          const chosenDistance = takeRight ? rd : ld;
          if (chosenDistance > caliper) break;
          if (takeRight) {
            pairT.push(t);
            pairC.push(rc);
            right += 1;
          } else {
            pairT.push(t);
            pairC.push(lc);
            left -= 1;
          }
          matchesPerTreated[t]! += 1;
        }
        if (matchesPerTreated[t] === 0) unmatched += 1;
      }
      continue;
    }
    // Without replacement: positions of each control in a and b, and union–find skip pointers.
    const posA = new Map<number, number>();
    const posB = new Map<number, number>();
    for (let i = 0; i < m; i += 1) {
      posA.set(a[i]!, i);
      posB.set(b[i]!, i);
    }
    const nextRight = new Int32Array(m + 1);
    for (let i = 0; i <= m; i += 1) nextRight[i] = i;
    const nextLeft = new Int32Array(m + 1); // shifted by one: slot i + 1 is position i, slot 0 = none
    for (let i = 0; i <= m; i += 1) nextLeft[i] = i;
    const findRight = (p: number): number => {
      let root = p;
      while (nextRight[root] !== root) root = nextRight[root]!;
      while (nextRight[p] !== root) {
        const up = nextRight[p]!;
        nextRight[p] = root;
        p = up;
      }
      return root;
    };
    const findLeft = (slot: number): number => {
      let root = slot;
      while (nextLeft[root] !== root) root = nextLeft[root]!;
      while (nextLeft[slot] !== root) {
        const up = nextLeft[slot]!;
        nextLeft[slot] = root;
        slot = up;
      }
      return root;
    };
    const ordered = treatedOrder(group.treated, input.score, input.order);
    const active = new Set(ordered);
    for (let round = 0; round < ratio; round += 1) {
      for (const t of ordered) {
        if (!active.has(t)) continue;
        const target = distance[t]!;
        const lb = lowerBound(values, target);
        const rPos = findRight(lb);
        const lSlot = findLeft(lb);
        const rc = rPos < m ? a[rPos]! : -1;
        const lc = lSlot > 0 ? b[lSlot - 1]! : -1;
        const rd = rc >= 0 ? Math.abs(distance[rc]! - target) : Infinity;
        const ld = lc >= 0 ? Math.abs(distance[lc]! - target) : Infinity;
        if (rc < 0 && lc < 0) {
          active.delete(t);
          continue;
        }
        const takeRight = rd < ld || (rd === ld && rc >= 0 && (lc < 0 || rc < lc));
        const chosen = takeRight ? rc : lc;
        if ((takeRight ? rd : ld) > caliper) {
          active.delete(t);
          continue;
        }
        pairT.push(t);
        pairC.push(chosen);
        matchesPerTreated[t]! += 1;
        const pa = posA.get(chosen)!;
        nextRight[pa] = pa + 1;
        const pb = posB.get(chosen)!;
        nextLeft[pb + 1] = pb;
      }
    }
    for (const t of group.treated) if (matchesPerTreated[t] === 0) unmatched += 1;
  }
  return {
    pairTreated: Int32Array.from(pairT),
    pairControl: Int32Array.from(pairC),
    matchesPerTreated,
    unmatchedTreated: unmatched,
    controlsByDistance,
  };
}

/**
 * ATT weights from a matching: matched treated 1; a control gets Σ 1/(matches of each treated it serves).
 * Unmatched units get 0.
 */
export function matchingWeights(result: MatchingResult, n: number): Float64Array {
  const weights = new Float64Array(n);
  for (let r = 0; r < result.pairTreated.length; r += 1) {
    const t = result.pairTreated[r]!;
    weights[t] = 1;
    weights[result.pairControl[r]!]! += 1 / result.matchesPerTreated[t]!;
  }
  return weights;
}
