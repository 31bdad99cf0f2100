/**
 * Subclassification on the propensity score for the ATT (Rosenbaum & Rubin 1984; MatchIt's
 * method = "subclass"): subclass boundaries at quantiles of the score among the treated; in subclass s,
 * treated weight 1 and control weight n_treated,s / n_control,s. Subclasses without controls leave their
 * treated units unweighted (dropped), which the estimator reports.
 */
export function subclassWeights(input: { score: Float64Array; treatment: Uint8Array; subclasses: number }): {
  weights: Float64Array;
  subclass: Int32Array;
  droppedTreated: number;
} {
  const { score, treatment } = input;
  const n = score.length;
  const treatedScores = Float64Array.from(Array.from(score).filter((_, i) => treatment[i] === 1)).sort();
  const k = Math.max(1, Math.min(input.subclasses, treatedScores.length));
  const cuts: number[] = [];
  for (let s = 1; s < k; s += 1) cuts.push(treatedScores[Math.floor((s * treatedScores.length) / k)]!);
  const subclass = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    let s = 0;
    while (s < cuts.length && score[i]! >= cuts[s]!) s += 1;
    subclass[i] = s;
  }
  const nT = new Float64Array(k);
  const nC = new Float64Array(k);
  for (let i = 0; i < n; i += 1) (treatment[i] ? nT : nC)[subclass[i]!]! += 1;
  const weights = new Float64Array(n);
  let dropped = 0;
  for (let i = 0; i < n; i += 1) {
    const s = subclass[i]!;
    if (nC[s] === 0 || nT[s] === 0) {
      if (treatment[i]) dropped += 1;
      continue;
    }
    weights[i] = treatment[i] ? 1 : nT[s]! / nC[s]!;
  }
  return { weights, subclass, droppedTreated: dropped };
}
