/**
 * Estimand: the average treatment effect on the treated (ATT) — how much mentor support changed the
 * outcome for those who got it — from observational data.
 * Assumptions: no unmeasured confounding given the covariates (conditional ignorability), overlap of
 * propensity scores, no interference between units (SUTVA). The plain difference in means is valid
 * only for randomised data.
 * Methods: propensity score by logistic regression; nearest-neighbour matching (Abadie–Imbens SE with
 * replacement, pair-cluster-robust SE without), subclassification and odds (IPW) weighting (robust HC1
 * SE), difference in means (HC1); optional regression adjustment, bootstrap, balance table, overlap and
 * sensitivity (Rosenbaum Γ for matched pairs, E-value). See src/analytics/README.md for references.
 * Pure and deterministic given the seed; columnar typed arrays throughout.
 */
import { abadieImbensStandardError, conditionalVariances, sameGroupNeighbors } from './abadie-imbens-variance.ts';
import { balanceTable } from './balance-table.ts';
import { buildDesignMatrix, type Covariate } from './design-matrix.ts';
import { defaultEffectOptions, type EffectEstimate, type EffectOptions, type EffectWarning } from './effect-estimate.ts';
import { fitLogisticRegression } from './logistic-regression.ts';
import { matchingWeights, matchNearestNeighbors } from './nearest-neighbor-matching.ts';
import { seededRandom } from './seeded-random.ts';
import { eValue, rosenbaumGamma } from './sensitivity-analysis.ts';
import { subclassWeights } from './subclassification.ts';
import { weightedTreatmentRegression } from './weighted-regression.ts';

export type EffectData = {
  treatment: Uint8Array;
  outcome: Float64Array;
  covariates: Covariate[];
  /** Exact-matching stratum per unit (from the `exact` variables), or null. */
  strata: Int32Array | null;
};

const z975 = 1.959963984540054;

export class EffectInputError extends Error {}

function sd(values: Float64Array): number {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return Math.sqrt(ss / Math.max(values.length - 1, 1));
}

function isBinaryOutcome(values: Float64Array): boolean {
  for (const v of values) if (v !== 0 && v !== 1) return false;
  return true;
}

function weightedMean(values: Float64Array, treatment: Uint8Array, group: number, weights: Float64Array): number {
  let sw = 0;
  let sx = 0;
  for (let i = 0; i < values.length; i += 1) {
    if (treatment[i] !== group) continue;
    sw += weights[i]!;
    sx += weights[i]! * values[i]!;
  }
  return sx / sw;
}

/**
 * Several outcomes of the same units: treatment, covariates and strata shared. `profiles[k]`, when given,
 * is outcome k's value month by month (one column per month) for the event-time means.
 */
export type MultiOutcomeEffectData = Omit<EffectData, 'outcome'> & {
  outcomes: Float64Array[];
  profiles?: ({ months: number[]; values: Float64Array[] } | null)[];
};

export function estimateEffect(data: EffectData, partialOptions: Partial<EffectOptions> = {}): EffectEstimate {
  const { outcome, ...rest } = data;
  return estimateEffects({ ...rest, outcomes: [outcome] }, partialOptions)[0]!;
}

/**
 * The same estimate as `estimateEffect` for each outcome in turn (results identical to separate calls),
 * but the propensity model, the matching or weights, the balance table and the same-group neighbours of
 * the Abadie–Imbens variance do not depend on the outcome, so they are computed once. `onProgress` is
 * called after the shared model (0) and after each outcome (k + 1).
 */
export function estimateEffects(
  data: MultiOutcomeEffectData,
  partialOptions: Partial<EffectOptions> = {},
  onProgress: (outcomesDone: number) => void = () => {},
): EffectEstimate[] {
  const options: EffectOptions = { ...defaultEffectOptions, ...partialOptions };
  const { treatment } = data;
  const n = treatment.length;
  let nTreated = 0;
  for (let i = 0; i < n; i += 1) nTreated += treatment[i]!;
  const nControl = n - nTreated;
  if (nTreated === 0) throw new EffectInputError('no treated units (treatment = 1)');
  if (nControl === 0) throw new EffectInputError('no control units (treatment = 0)');
  if (options.ratio < 1 || !Number.isInteger(options.ratio)) throw new EffectInputError('ratio must be a whole number ≥ 1');
  const warnings: EffectWarning[] = [];

  const design = buildDesignMatrix(data.covariates, n);
  const fit = fitLogisticRegression({ x: design.x, n, p: design.p, y: treatment });
  if (fit.separation) {
    warnings.push({ code: 'SEPARATION', params: {} });
  }
  if (fit.collinear) {
    warnings.push({ code: 'COLLINEAR_COVARIATES', params: {} });
  }
  const score = fit.fitted;
  const distance = options.distance === 'logit' ? score.map((p) => Math.log(p / (1 - p))) : score;

  let minControl = Infinity;
  let maxControl = -Infinity;
  for (let i = 0; i < n; i += 1) {
    if (treatment[i]) continue;
    minControl = Math.min(minControl, score[i]!);
    maxControl = Math.max(maxControl, score[i]!);
  }
  let outside = 0;
  for (let i = 0; i < n; i += 1) if (treatment[i] && (score[i]! < minControl || score[i]! > maxControl)) outside += 1;
  if (outside > 0) {
    warnings.push({ code: 'POOR_OVERLAP', params: { outside, nTreated } });
  }

  let weights: Float64Array;
  let clusters: Int32Array | null = null;
  let sharedStandardErrorType: EffectEstimate['standardErrorType'] = 'robust-hc1';
  let matching: ReturnType<typeof matchNearestNeighbors> | null = null;
  if (options.method === 'nearest') {
    let caliperWidth: number | null = null;
    if (options.caliper !== null) caliperWidth = options.caliper * sd(distance);
    matching = matchNearestNeighbors({
      treatment,
      distance,
      score,
      ratio: options.ratio,
      replace: options.replace,
      order: options.order,
      caliperWidth,
      strata: data.strata,
    });
    weights = matchingWeights(matching, n);
    if (matching.unmatchedTreated > 0) {
      warnings.push({
        code: 'CALIPER_DROPPED_TREATED',
        params: { dropped: matching.unmatchedTreated, nTreated, caliper: options.caliper, exact: data.strata ? 1 : 0 },
      });
    }
    if (options.replace) {
      sharedStandardErrorType = 'abadie-imbens';
    } else {
      sharedStandardErrorType = 'pair-cluster-robust';
      clusters = new Int32Array(n).fill(-1);
      for (let r = 0; r < matching.pairTreated.length; r += 1) {
        const t = matching.pairTreated[r]!;
        clusters[t] = t;
        clusters[matching.pairControl[r]!] = t;
      }
    }
  } else if (options.method === 'subclass') {
    const sub = subclassWeights({ score, treatment, subclasses: options.subclasses });
    weights = sub.weights;
    if (sub.droppedTreated > 0) {
      warnings.push({
        code: 'SUBCLASS_WITHOUT_CONTROLS',
        params: { dropped: sub.droppedTreated },
      });
    }
  } else if (options.method === 'ipw') {
    weights = new Float64Array(n);
    for (let i = 0; i < n; i += 1) weights[i] = treatment[i] ? 1 : score[i]! / (1 - score[i]!);
  } else {
    weights = new Float64Array(n).fill(1);
  }

  let nTreatedMatched = 0;
  let nControlMatched = 0;
  let sumControlWeight = 0;
  let sumControlWeight2 = 0;
  let maxControlWeight = 0;
  for (let i = 0; i < n; i += 1) {
    const w = weights[i]!;
    if (w <= 0) continue;
    if (treatment[i]) nTreatedMatched += 1;
    else {
      nControlMatched += 1;
      sumControlWeight += w;
      sumControlWeight2 += w * w;
      maxControlWeight = Math.max(maxControlWeight, w);
    }
  }
  if (nTreatedMatched === 0 || nControlMatched === 0) throw new EffectInputError('no treated unit could be compared with a control');
  const maxShare = maxControlWeight / sumControlWeight;
  const ess = (sumControlWeight * sumControlWeight) / sumControlWeight2;

  if (options.method === 'nearest' && options.replace && matching) {
    const uses = new Int32Array(n);
    for (const c of matching.pairControl) uses[c]! += 1;
    let maxUses = 0;
    for (const u of uses) maxUses = Math.max(maxUses, u);
    if (maxUses >= 10 || nControlMatched < 0.3 * nTreatedMatched) {
      warnings.push({
        code: 'CONTROLS_REUSED',
        params: { nControlMatched, nTreatedMatched, maxUses },
      });
    }
  }
  if ((options.method === 'ipw' || options.method === 'subclass') && (maxShare > 0.1 || ess < 0.1 * nControlMatched)) {
    warnings.push({
      code: 'EXTREME_WEIGHTS',
      params: { maxShare, effectiveSampleSize: Math.round(ess), nControlMatched },
    });
  }

  const squaredShares = new Float64Array(n);
  if (matching) {
    for (let r = 0; r < matching.pairTreated.length; r += 1) {
      const m = matching.matchesPerTreated[matching.pairTreated[r]!]!;
      squaredShares[matching.pairControl[r]!]! += 1 / (m * m);
    }
  }
  const abadieImbens = options.method === 'nearest' && options.replace && !options.regressionAdjustment;
  const neighbors = abadieImbens ? sameGroupNeighbors({ treatment, distance, strata: data.strata }) : null;
  const adjust = options.regressionAdjustment ? design.balanceColumns.map((c) => c.values) : [];
  const modelAdjust = options.regressionAdjustment
    ? dropCollinear(
        adjust,
        design.balanceColumns.map((c) => c.name),
        data.covariates,
      )
    : [];
  const rows = balanceTable({ columns: design.balanceColumns, treatment, weights });
  const balance = rows.map(({ covariate, meanTreated, meanControl, smdBefore, smdAfter, varianceRatioAfter }) => ({
    covariate,
    meanTreated,
    meanControl,
    smdBefore,
    smdAfter,
    varianceRatioAfter,
  }));
  let maxAbsSmdAfter = 0;
  const imbalanced: string[] = [];
  for (const row of rows) {
    if (row.smdAfter !== null) maxAbsSmdAfter = Math.max(maxAbsSmdAfter, Math.abs(row.smdAfter));
    if (row.smdAfter !== null && Math.abs(row.smdAfter) > 0.1) imbalanced.push(row.covariate);
  }
  const scoreHistogram = histogram(score, treatment);
  const sharedWarnings = warnings;
  onProgress(0);

  return data.outcomes.map((outcome, k) => {
    const warnings = [...sharedWarnings];
    let standardErrorType: EffectEstimate['standardErrorType'] = sharedStandardErrorType;
    // Effect and standard error.
    const treatedMean = weightedMean(outcome, treatment, 1, weights);
    const controlMean = weightedMean(outcome, treatment, 0, weights);
    let estimate = treatedMean - controlMean;
    let standardError: number;
    const imputed = new Float64Array(n).fill(Number.NaN);
    if (matching) {
      imputed.fill(0);
      for (let r = 0; r < matching.pairTreated.length; r += 1) {
        const t = matching.pairTreated[r]!;
        const m = matching.matchesPerTreated[t]!;
        imputed[t]! += outcome[matching.pairControl[r]!]! / m;
      }
    }
    if (neighbors) {
      const sigma2 = conditionalVariances({ outcome, neighbors });
      standardError = abadieImbensStandardError({
        outcome,
        treatment,
        weights,
        squaredShares,
        imputedControl: imputed,
        effect: estimate,
        sigma2,
      });
    } else {
      const regression = weightedTreatmentRegression({ outcome, treatment, weights, adjust: modelAdjust, clusters });
      if (!regression) throw new EffectInputError('the outcome regression could not be fitted (too few units or collinear covariates)');
      estimate = regression.coefficient;
      standardError = regression.standardError;
      if (options.method === 'nearest' && options.replace) standardErrorType = 'robust-hc1';
    }

    let confidenceInterval: [number, number] = [estimate - z975 * standardError, estimate + z975 * standardError];
    if (options.bootstrap > 0) {
      if (options.method === 'nearest' && options.replace) {
        warnings.push({ code: 'BOOTSTRAP_INVALID_FOR_MATCHING', params: {} });
      }
      const { outcomes: _outcomes, ...rest } = data;
      const boot = bootstrapEstimates({ ...rest, outcome }, options);
      const sorted = Float64Array.from(boot).sort();
      let mean = 0;
      for (const b of boot) mean += b;
      mean /= boot.length;
      let ss = 0;
      for (const b of boot) ss += (b - mean) ** 2;
      standardError = Math.sqrt(ss / Math.max(boot.length - 1, 1));
      standardErrorType = 'bootstrap';
      confidenceInterval = [sorted[Math.floor(0.025 * (sorted.length - 1))]!, sorted[Math.ceil(0.975 * (sorted.length - 1))]!];
    }

    if (imbalanced.length > 0) {
      warnings.push({
        code: options.method === 'difference' ? 'NOT_RANDOMISED' : 'IMBALANCE_AFTER_MATCHING',
        params: { method: options.method },
        covariates: imbalanced,
      });
    }

    const naiveTreated = weightedMean(outcome, treatment, 1, new Float64Array(n).fill(1));
    const naiveControl = weightedMean(outcome, treatment, 0, new Float64Array(n).fill(1));
    const binary = isBinaryOutcome(outcome);
    const e = eValue({ effect: estimate, ci: confidenceInterval, binary, controlMean, outcomeSd: sd(outcome) });
    let gamma: number | null = null;
    let sensitivityMethod: 'rosenbaum' | 'e-value' = 'e-value';
    if (matching && matching.pairTreated.length > 0) {
      const differences: number[] = [];
      for (let i = 0; i < n; i += 1) if (treatment[i] && matching.matchesPerTreated[i]! > 0) differences.push(outcome[i]! - imputed[i]!);
      gamma = rosenbaumGamma({ differences: Float64Array.from(differences), binary: binary && options.ratio === 1, effect: estimate });
      sensitivityMethod = 'rosenbaum';
    }
    const sensitivity = { method: sensitivityMethod, gamma, ...e };

    const profile = data.profiles?.[k];
    const eventTime = profile
      ? profile.months.map((month, j) => ({
          month,
          treated: weightedMean(profile.values[j]!, treatment, 1, weights),
          comparison: weightedMean(profile.values[j]!, treatment, 0, weights),
        }))
      : undefined;

    const result: EffectEstimate = {
      estimand: 'ATT',
      method: options,
      estimate,
      standardError,
      standardErrorType,
      confidenceInterval,
      nTreated,
      nControl,
      nTreatedMatched,
      nControlMatched,
      balance,
      maxAbsSmdAfter,
      propensityModel: {
        coefficients: Object.fromEntries(design.columnNames.map((name, j) => [name, fit.coefficients[j]!])),
        converged: fit.converged,
        iterations: fit.iterations,
      },
      overlap: { treatedOutsideControlRange: outside, maxControlWeightShare: maxShare, effectiveControlSampleSize: ess },
      sensitivity,
      naiveDifference: naiveTreated - naiveControl,
      scoreHistogram,
      ...(eventTime ? { eventTime } : {}),
      warnings,
    };
    onProgress(k + 1);
    return result;
  });
}

function histogram(score: Float64Array, treatment: Uint8Array): { treated: number[]; control: number[] } {
  const treated = new Array<number>(20).fill(0);
  const control = new Array<number>(20).fill(0);
  for (let i = 0; i < score.length; i += 1) {
    const bin = Math.min(19, Math.floor(score[i]! * 20));
    (treatment[i] ? treated : control)[bin]! += 1;
  }
  return { treated, control };
}

/** Regression adjustment uses the model columns (k−1 indicators per categorical), not every level. */
function dropCollinear(columns: Float64Array[], names: string[], covariates: EffectData['covariates']): Float64Array[] {
  const references = new Set(covariates.flatMap((c) => (c.kind === 'categorical' ? [`${c.name}=${c.levels[0]}`] : [])));
  return columns.filter((_, j) => !references.has(names[j]!));
}

function bootstrapEstimates(data: EffectData, options: EffectOptions): number[] {
  const random = seededRandom(options.seed);
  const treatedIdx: number[] = [];
  const controlIdx: number[] = [];
  data.treatment.forEach((t, i) => (t ? treatedIdx : controlIdx).push(i));
  const estimates: number[] = [];
  for (let b = 0; b < options.bootstrap; b += 1) {
    const pick = [
      ...treatedIdx.map(() => treatedIdx[random.int(treatedIdx.length)]!),
      ...controlIdx.map(() => controlIdx[random.int(controlIdx.length)]!),
    ];
    const sample: EffectData = {
      treatment: Uint8Array.from(pick, (i) => data.treatment[i]!),
      outcome: Float64Array.from(pick, (i) => data.outcome[i]!),
      strata: data.strata ? Int32Array.from(pick, (i) => data.strata![i]!) : null,
      covariates: data.covariates.map((c) =>
        c.kind === 'numeric'
          ? { ...c, values: Float64Array.from(pick, (i) => c.values[i]!) }
          : { ...c, codes: Int32Array.from(pick, (i) => c.codes[i]!) },
      ),
    };
    try {
      estimates.push(estimateEffect(sample, { ...options, bootstrap: 0 }).estimate);
    } catch {
      // A resample without comparable units is skipped; the count of successful resamples shows in the SE.
    }
  }
  return estimates;
}
