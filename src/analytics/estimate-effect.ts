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
import { buildDesignMatrix, type Covariate, type DesignMatrix } from './design-matrix.ts';
import { type BalanceEntry, defaultEffectOptions, type EffectEstimate, type EffectOptions, type EffectWarning } from './effect-estimate.ts';
import { fitLogisticRegression, type LogisticFit } from './logistic-regression.ts';
import { type MatchingResult, matchingWeights, matchNearestNeighbors } from './nearest-neighbor-matching.ts';
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

/** The units without an outcome: what the propensity model, the comparison and its weights are made of. */
export type EffectDesignData = Omit<EffectData, 'outcome'>;

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

/** The weighted mean of a group over `units` (those with weight, ascending: a zero weight adds nothing). */
function weightedMean(values: Float64Array, treatment: Uint8Array, group: number, weights: Float64Array, units: Int32Array): number {
  let sw = 0;
  let sx = 0;
  for (let k = 0; k < units.length; k += 1) {
    const i = units[k]!;
    if (treatment[i] !== group) continue;
    sw += weights[i]!;
    sx += weights[i]! * values[i]!;
  }
  return sx / sw;
}

function groupMean(values: Float64Array, treatment: Uint8Array, group: number): number {
  let count = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) {
    if (treatment[i] !== group) continue;
    count += 1;
    sum += values[i]!;
  }
  return sum / count;
}

/**
 * Several outcomes of the same units: treatment, covariates and strata shared. `profiles[k]`, when given,
 * is outcome k's value month by month for the event-time means: `valueAt(j, i)`, unit i's value in
 * `months[j]` (read only for the units the comparison weighs, so no column per month is needed).
 */
export type MultiOutcomeEffectData = EffectDesignData & {
  outcomes: Float64Array[];
  profiles?: (OutcomeProfile | null)[];
};

export type OutcomeProfile = { months: number[]; valueAt: (monthIndex: number, unit: number) => number };

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
  const design = prepareEffectDesign(data, partialOptions);
  onProgress(0);
  return data.outcomes.map((outcome, k) => {
    const result = estimateOutcome(design, outcome, data.profiles?.[k] ?? null);
    onProgress(k + 1);
    return result;
  });
}

/** What every outcome of the same units shares: the propensity model, the comparison and its weights. */
export type EffectDesign = {
  data: EffectDesignData;
  options: EffectOptions;
  groups: Groups;
  propensity: PropensityScore;
  comparison: Comparison;
  weighting: WeightSummary;
  variance: VarianceInputs;
  warnings: EffectWarning[];
  /** The units with weight (ascending): the only ones a weighted mean or the Abadie–Imbens variance reads. */
  weighed: Int32Array;
  /**
   * The units whose outcome `estimateOutcomeInterval` reads (ascending): the weighed units and, for the
   * Abadie–Imbens variance, their same-group neighbours; null when it may read every unit (regression,
   * bootstrap). An outcome known at these units only gives the same interval.
   */
  outcomeUnits: Int32Array | null;
  /** The balance table and score histogram, made when the first full estimate asks for them. */
  report: { balance: BalanceSummary; scoreHistogram: EffectEstimate['scoreHistogram'] } | null;
};

/** The shared steps of every estimate on these units: groups, propensity score, comparison, weights, variance inputs. */
export function prepareEffectDesign(data: EffectDesignData, partialOptions: Partial<EffectOptions> = {}): EffectDesign {
  const options: EffectOptions = { ...defaultEffectOptions, ...partialOptions };
  const groups = countGroups(data.treatment, options);
  const propensity = fitPropensityScore(data, options, groups);
  const comparison = weighComparisons(data, options, propensity, groups);
  const weighting = summariseWeights(data.treatment, options, comparison);
  const variance = prepareVariance(data, options, propensity, comparison);
  const weighed = unitsWithWeight(comparison.weights);
  return {
    data: { treatment: data.treatment, covariates: data.covariates, strata: data.strata },
    options,
    groups,
    propensity,
    comparison,
    weighting,
    variance,
    warnings: [...propensity.warnings, ...comparison.warnings, ...weighting.warnings],
    weighed,
    outcomeUnits: variance.neighbors && options.bootstrap === 0 ? withNeighbors(weighed, variance.neighbors) : null,
    report: null,
  };
}

/** `units` and the neighbour of each (where it has one), ascending. */
function withNeighbors(units: Int32Array, neighbors: Int32Array): Int32Array {
  const read = new Uint8Array(neighbors.length);
  let count = 0;
  const mark = (i: number) => {
    if (i < 0 || read[i]) return;
    read[i] = 1;
    count += 1;
  };
  for (let k = 0; k < units.length; k += 1) {
    mark(units[k]!);
    mark(neighbors[units[k]!]!);
  }
  const out = new Int32Array(count);
  count = 0;
  for (let i = 0; i < read.length; i += 1) if (read[i]) out[count++] = i;
  return out;
}

function unitsWithWeight(weights: Float64Array): Int32Array {
  let count = 0;
  for (let i = 0; i < weights.length; i += 1) if (weights[i]! !== 0) count += 1;
  const units = new Int32Array(count);
  count = 0;
  for (let i = 0; i < weights.length; i += 1) if (weights[i]! !== 0) units[count++] = i;
  return units;
}

/** What the placebo, the horizons and the subgroups show of an outcome: the same numbers as `estimateOutcome`'s. */
export type OutcomeInterval = Pick<
  EffectEstimate,
  'estimate' | 'standardError' | 'standardErrorType' | 'confidenceInterval' | 'nTreatedMatched'
>;

/** The effect on one outcome with its standard error and interval only (no sensitivity, balance or event time). */
export function estimateOutcomeInterval(design: EffectDesign, outcome: Float64Array): OutcomeInterval {
  const { point: _point, ...interval } = intervalOf(design, outcome);
  return interval;
}

function intervalOf(design: EffectDesign, outcome: Float64Array): OutcomeInterval & { point: PointEstimate } {
  const { data, options } = design;
  const point = pointEstimate(design, outcome);
  const { estimate } = point;
  if (options.bootstrap > 0) {
    const { standardError, confidenceInterval } = bootstrapInterval({ ...data, outcome }, options);
    return {
      estimate,
      standardError,
      standardErrorType: 'bootstrap',
      confidenceInterval,
      nTreatedMatched: design.weighting.nTreatedMatched,
      point,
    };
  }
  const { standardError, standardErrorType } = point;
  const confidenceInterval: [number, number] = [estimate - z975 * standardError, estimate + z975 * standardError];
  return { estimate, standardError, standardErrorType, confidenceInterval, nTreatedMatched: design.weighting.nTreatedMatched, point };
}

type Groups = { n: number; nTreated: number; nControl: number };

/** The group sizes; refuses data from which no ATT can be estimated. */
function countGroups(treatment: Uint8Array, options: EffectOptions): Groups {
  const n = treatment.length;
  let nTreated = 0;
  for (let i = 0; i < n; i += 1) nTreated += treatment[i]!;
  const nControl = n - nTreated;
  if (nTreated === 0) throw new EffectInputError('no treated units (treatment = 1)');
  if (nControl === 0) throw new EffectInputError('no control units (treatment = 0)');
  if (options.ratio < 1 || !Number.isInteger(options.ratio)) throw new EffectInputError('ratio must be a whole number ≥ 1');
  return { n, nTreated, nControl };
}

type PropensityScore = {
  design: DesignMatrix;
  fit: LogisticFit;
  score: Float64Array;
  /** The score or its logit, as options.distance says: what matching measures. */
  distance: Float64Array;
  /** Treated units whose score lies outside the controls' range. */
  outside: number;
  warnings: EffectWarning[];
};

/** The propensity model (logistic regression on the design matrix) and the overlap of its scores. */
function fitPropensityScore(data: EffectDesignData, options: EffectOptions, groups: Groups): PropensityScore {
  const { treatment } = data;
  const { n, nTreated } = groups;
  const warnings: EffectWarning[] = [];
  const design = buildDesignMatrix(data.covariates, n);
  const fit = fitLogisticRegression({ x: design.x, n, p: design.p, y: treatment });
  if (fit.separation) warnings.push({ code: 'SEPARATION', params: {} });
  if (fit.collinear) warnings.push({ code: 'COLLINEAR_COVARIATES', params: {} });
  const score = fit.fitted;
  const distance = options.distance === 'logit' ? score.map((p) => Math.log(p / (1 - p))) : score;
  const outside = treatedOutsideControlRange(score, treatment);
  if (outside > 0) warnings.push({ code: 'POOR_OVERLAP', params: { outside, nTreated } });
  return { design, fit, score, distance, outside, warnings };
}

function treatedOutsideControlRange(score: Float64Array, treatment: Uint8Array): number {
  let minControl = Infinity;
  let maxControl = -Infinity;
  for (let i = 0; i < score.length; i += 1) {
    if (treatment[i]) continue;
    minControl = Math.min(minControl, score[i]!);
    maxControl = Math.max(maxControl, score[i]!);
  }
  let outside = 0;
  for (let i = 0; i < score.length; i += 1) if (treatment[i] && (score[i]! < minControl || score[i]! > maxControl)) outside += 1;
  return outside;
}

type Comparison = {
  /** ATT weights: 1 for a compared treated unit, the control's share of the treated it stands in for. */
  weights: Float64Array;
  matching: MatchingResult | null;
  /** Pair clusters (the treated unit's index) for matching without replacement, else null. */
  clusters: Int32Array | null;
  standardErrorType: EffectEstimate['standardErrorType'];
  warnings: EffectWarning[];
};

/** The comparison group of the chosen method: matched controls, subclass weights, odds weights or all. */
function weighComparisons(data: EffectDesignData, options: EffectOptions, propensity: PropensityScore, groups: Groups): Comparison {
  const { treatment } = data;
  const { n, nTreated } = groups;
  const { score, distance } = propensity;
  if (options.method === 'nearest') {
    const warnings: EffectWarning[] = [];
    const caliperWidth = options.caliper !== null ? options.caliper * sd(distance) : null;
    const matching = matchNearestNeighbors({
      treatment,
      distance,
      score,
      ratio: options.ratio,
      replace: options.replace,
      order: options.order,
      caliperWidth,
      strata: data.strata,
    });
    if (matching.unmatchedTreated > 0) {
      warnings.push({
        code: 'CALIPER_DROPPED_TREATED',
        params: { dropped: matching.unmatchedTreated, nTreated, caliper: options.caliper, exact: data.strata ? 1 : 0 },
      });
    }
    const weights = matchingWeights(matching, n);
    if (options.replace) return { weights, matching, clusters: null, standardErrorType: 'abadie-imbens', warnings };
    const clusters = new Int32Array(n).fill(-1);
    for (let r = 0; r < matching.pairTreated.length; r += 1) {
      const t = matching.pairTreated[r]!;
      clusters[t] = t;
      clusters[matching.pairControl[r]!] = t;
    }
    return { weights, matching, clusters, standardErrorType: 'pair-cluster-robust', warnings };
  }
  const unmatched = { matching: null, clusters: null, standardErrorType: 'robust-hc1' as const };
  if (options.method === 'subclass') {
    const sub = subclassWeights({ score, treatment, subclasses: options.subclasses });
    const warnings: EffectWarning[] =
      sub.droppedTreated > 0 ? [{ code: 'SUBCLASS_WITHOUT_CONTROLS', params: { dropped: sub.droppedTreated } }] : [];
    return { ...unmatched, weights: sub.weights, warnings };
  }
  if (options.method === 'ipw') {
    const weights = new Float64Array(n);
    for (let i = 0; i < n; i += 1) weights[i] = treatment[i] ? 1 : score[i]! / (1 - score[i]!);
    return { ...unmatched, weights, warnings: [] };
  }
  return { ...unmatched, weights: new Float64Array(n).fill(1), warnings: [] };
}

type WeightSummary = {
  nTreatedMatched: number;
  nControlMatched: number;
  /** The largest control weight as a share of all control weight. */
  maxShare: number;
  /** Kish's effective sample size of the weighted controls. */
  ess: number;
  warnings: EffectWarning[];
};

/** Who was compared, how concentrated the controls' weight is, and the warnings that follow from it. */
function summariseWeights(treatment: Uint8Array, options: EffectOptions, comparison: Comparison): WeightSummary {
  const { weights, matching } = comparison;
  let nTreatedMatched = 0;
  let nControlMatched = 0;
  let sumControlWeight = 0;
  let sumControlWeight2 = 0;
  let maxControlWeight = 0;
  for (let i = 0; i < weights.length; i += 1) {
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
  const warnings: EffectWarning[] = [];
  if (options.method === 'nearest' && options.replace && matching) {
    const uses = new Int32Array(weights.length);
    for (const c of matching.pairControl) uses[c]! += 1;
    let maxUses = 0;
    for (const u of uses) maxUses = Math.max(maxUses, u);
    if (maxUses >= 10 || nControlMatched < 0.3 * nTreatedMatched) {
      warnings.push({ code: 'CONTROLS_REUSED', params: { nControlMatched, nTreatedMatched, maxUses } });
    }
  }
  if ((options.method === 'ipw' || options.method === 'subclass') && (maxShare > 0.1 || ess < 0.1 * nControlMatched)) {
    warnings.push({ code: 'EXTREME_WEIGHTS', params: { maxShare, effectiveSampleSize: Math.round(ess), nControlMatched } });
  }
  return { nTreatedMatched, nControlMatched, maxShare, ess, warnings };
}

type BalanceSummary = {
  rows: BalanceEntry[];
  maxAbsSmdAfter: number;
  /** Covariates with |SMD| > 0.1 after weighting. */
  imbalanced: string[];
};

function balanceAfterWeighting(treatment: Uint8Array, design: DesignMatrix, weights: Float64Array): BalanceSummary {
  const table = balanceTable({ columns: design.balanceColumns(), treatment, weights });
  const rows = table.map(({ covariate, meanTreated, meanControl, smdBefore, smdAfter, varianceRatioAfter }) => ({
    covariate,
    meanTreated,
    meanControl,
    smdBefore,
    smdAfter,
    varianceRatioAfter,
  }));
  let maxAbsSmdAfter = 0;
  const imbalanced: string[] = [];
  for (const row of table) {
    if (row.smdAfter !== null) maxAbsSmdAfter = Math.max(maxAbsSmdAfter, Math.abs(row.smdAfter));
    if (row.smdAfter !== null && Math.abs(row.smdAfter) > 0.1) imbalanced.push(row.covariate);
  }
  return { rows, maxAbsSmdAfter, imbalanced };
}

type VarianceInputs = {
  /** Σ over the treated a control stands in for of 1/m², m the matches of that treated unit. */
  squaredShares: Float64Array;
  /** Same-group neighbours for the Abadie–Imbens conditional variances, when that SE applies. */
  neighbors: ReturnType<typeof sameGroupNeighbors> | null;
  /** Covariate columns of the outcome regression (empty without regression adjustment). */
  modelAdjust: Float64Array[];
  /** Per-outcome scratch, reused by each outcome in turn: imputed control outcomes and σ̂² of the weighed controls. */
  imputed: Float64Array;
  sigma2: Float64Array;
};

/** What the standard error needs that does not depend on the outcome. */
function prepareVariance(
  data: EffectDesignData,
  options: EffectOptions,
  propensity: PropensityScore,
  comparison: Comparison,
): VarianceInputs {
  const { matching } = comparison;
  const squaredShares = new Float64Array(data.treatment.length);
  if (matching) {
    for (let r = 0; r < matching.pairTreated.length; r += 1) {
      const m = matching.matchesPerTreated[matching.pairTreated[r]!]!;
      squaredShares[matching.pairControl[r]!]! += 1 / (m * m);
    }
  }
  const abadieImbens = options.method === 'nearest' && options.replace && !options.regressionAdjustment;
  const neighbors = abadieImbens
    ? sameGroupNeighbors({
        treatment: data.treatment,
        distance: propensity.distance,
        strata: data.strata,
        controlsByDistance: comparison.matching?.controlsByDistance,
      })
    : null;
  const modelAdjust = options.regressionAdjustment
    ? dropCollinear(
        propensity.design.balanceColumns().map((c) => c.values),
        propensity.design.balanceColumns().map((c) => c.name),
        data.covariates,
      )
    : [];
  const imputed = new Float64Array(data.treatment.length).fill(Number.NaN);
  const sigma2 = new Float64Array(neighbors ? data.treatment.length : 0);
  return { squaredShares, neighbors, modelAdjust, imputed, sigma2 };
}

/** One outcome over the shared design: effect, standard error, interval, sensitivity and event time. */
export function estimateOutcome(design: EffectDesign, outcome: Float64Array, profile: OutcomeProfile | null = null): EffectEstimate {
  const { data, options, groups, propensity, comparison, weighting } = design;
  const { treatment } = data;
  design.report ??= {
    balance: balanceAfterWeighting(treatment, propensity.design, comparison.weights),
    scoreHistogram: histogram(propensity.score, treatment),
  };
  const { balance, scoreHistogram } = design.report;
  const warnings = [...design.warnings];
  const { point, estimate, standardError, standardErrorType, confidenceInterval } = intervalOf(design, outcome);
  if (options.bootstrap > 0 && options.method === 'nearest' && options.replace)
    warnings.push({ code: 'BOOTSTRAP_INVALID_FOR_MATCHING', params: {} });
  if (balance.imbalanced.length > 0) {
    warnings.push({
      code: options.method === 'difference' ? 'NOT_RANDOMISED' : 'IMBALANCE_AFTER_MATCHING',
      params: { method: options.method },
      covariates: balance.imbalanced,
    });
  }
  const naiveDifference = groupMean(outcome, treatment, 1) - groupMean(outcome, treatment, 0);
  const eventTime = profile ? eventTimeMeans(profile, treatment, comparison.weights, design.weighed) : undefined;
  const { design: matrix, fit } = propensity;
  return {
    estimand: 'ATT',
    method: options,
    estimate,
    standardError,
    standardErrorType,
    confidenceInterval,
    nTreated: groups.nTreated,
    nControl: groups.nControl,
    nTreatedMatched: weighting.nTreatedMatched,
    nControlMatched: weighting.nControlMatched,
    balance: balance.rows,
    maxAbsSmdAfter: balance.maxAbsSmdAfter,
    propensityModel: {
      coefficients: Object.fromEntries(matrix.columnNames.map((name, j) => [name, fit.coefficients[j]!])),
      converged: fit.converged,
      iterations: fit.iterations,
    },
    overlap: {
      treatedOutsideControlRange: propensity.outside,
      maxControlWeightShare: weighting.maxShare,
      effectiveControlSampleSize: weighting.ess,
    },
    sensitivity: sensitivityOf({ treatment, outcome, options, matching: comparison.matching, point, confidenceInterval }),
    naiveDifference,
    scoreHistogram,
    ...(eventTime ? { eventTime } : {}),
    warnings,
  };
}

type PointEstimate = {
  estimate: number;
  standardError: number;
  standardErrorType: EffectEstimate['standardErrorType'];
  /** The weighted control mean (before any regression adjustment), the E-value's baseline. */
  controlMean: number;
  /** Each matched treated unit's imputed control outcome (mean of its matches); NaN for the others. */
  imputed: Float64Array;
};

/**
 * The weighted difference in means with the Abadie–Imbens SE (matching with replacement, no adjustment),
 * or the coefficient and (cluster-)robust SE of the weighted outcome regression otherwise. The sums run over
 * the units with weight only, in index order: the same sums as over every unit.
 */
function pointEstimate(design: EffectDesign, outcome: Float64Array): PointEstimate {
  const { treatment } = design.data;
  const { weights, matching, clusters } = design.comparison;
  const { squaredShares, neighbors, modelAdjust, imputed, sigma2 } = design.variance;
  const { weighed } = design;
  const controlMean = weightedMean(outcome, treatment, 0, weights, weighed);
  const difference = weightedMean(outcome, treatment, 1, weights, weighed) - controlMean;
  if (matching) {
    for (let r = 0; r < matching.pairTreated.length; r += 1) imputed[matching.pairTreated[r]!] = 0;
    for (let r = 0; r < matching.pairTreated.length; r += 1) {
      const t = matching.pairTreated[r]!;
      const m = matching.matchesPerTreated[t]!;
      imputed[t]! += outcome[matching.pairControl[r]!]! / m;
    }
  }
  if (neighbors) {
    conditionalVariances({ outcome, neighbors, units: weighed, into: sigma2 });
    const standardError = abadieImbensStandardError({
      outcome,
      treatment,
      weights,
      squaredShares,
      imputedControl: imputed,
      effect: difference,
      sigma2,
      units: weighed,
    });
    return { estimate: difference, standardError, standardErrorType: design.comparison.standardErrorType, controlMean, imputed };
  }
  const regression = weightedTreatmentRegression({ outcome, treatment, weights, adjust: modelAdjust, clusters });
  if (!regression) throw new EffectInputError('the outcome regression could not be fitted (too few units or collinear covariates)');
  const standardErrorType =
    design.options.method === 'nearest' && design.options.replace ? 'robust-hc1' : design.comparison.standardErrorType;
  return { estimate: regression.coefficient, standardError: regression.standardError, standardErrorType, controlMean, imputed };
}

/** Rosenbaum's Γ for matched pairs, with the E-value alongside; the E-value alone for weighting methods. */
function sensitivityOf({
  treatment,
  outcome,
  options,
  matching,
  point,
  confidenceInterval,
}: {
  treatment: Uint8Array;
  outcome: Float64Array;
  options: EffectOptions;
  matching: MatchingResult | null;
  point: PointEstimate;
  confidenceInterval: [number, number];
}): EffectEstimate['sensitivity'] {
  const binary = isBinaryOutcome(outcome);
  const e = eValue({ effect: point.estimate, ci: confidenceInterval, binary, controlMean: point.controlMean, outcomeSd: sd(outcome) });
  if (!matching || matching.pairTreated.length === 0) return { method: 'e-value', gamma: null, ...e };
  const differences: number[] = [];
  for (let i = 0; i < treatment.length; i += 1)
    if (treatment[i] && matching.matchesPerTreated[i]! > 0) differences.push(outcome[i]! - point.imputed[i]!);
  const gamma = rosenbaumGamma({
    differences: Float64Array.from(differences),
    binary: binary && options.ratio === 1,
    effect: point.estimate,
  });
  return { method: 'rosenbaum', gamma, ...e };
}

/** Weighted means per month of each group (as `weightedMean`, over the units with weight only: the same sums). */
function eventTimeMeans(
  profile: OutcomeProfile,
  treatment: Uint8Array,
  weights: Float64Array,
  weighed: Int32Array,
): EffectEstimate['eventTime'] {
  return profile.months.map((month, j) => {
    let sw1 = 0;
    let sx1 = 0;
    let sw0 = 0;
    let sx0 = 0;
    for (const i of weighed) {
      const w = weights[i]!;
      const x = profile.valueAt(j, i);
      if (treatment[i] === 1) {
        sw1 += w;
        sx1 += w * x;
      } else {
        sw0 += w;
        sx0 += w * x;
      }
    }
    return { month, treated: sx1 / sw1, comparison: sx0 / sw0 };
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

/** Percentile interval and SE of `options.bootstrap` resamples within each group (seeded). */
function bootstrapInterval(data: EffectData, options: EffectOptions): { standardError: number; confidenceInterval: [number, number] } {
  const boot = bootstrapEstimates(data, options);
  const sorted = Float64Array.from(boot).sort();
  let mean = 0;
  for (const b of boot) mean += b;
  mean /= boot.length;
  let ss = 0;
  for (const b of boot) ss += (b - mean) ** 2;
  return {
    standardError: Math.sqrt(ss / Math.max(boot.length - 1, 1)),
    confidenceInterval: [sorted[Math.floor(0.025 * (sorted.length - 1))]!, sorted[Math.ceil(0.975 * (sorted.length - 1))]!],
  };
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
    } catch (error) {
      // A resample without comparable units (no controls drawn, nobody matched, a regression that cannot
      // be fitted) is skipped; the count of successful resamples shows in the SE. Anything else is a bug.
      if (!(error instanceof EffectInputError)) throw error;
    }
  }
  return estimates;
}
