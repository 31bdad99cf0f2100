/**
 * The one result type of every effect estimate (house style), also the API's and the CLI's JSON.
 */
import type { MatchOrder } from './nearest-neighbor-matching.ts';

export type EffectMethod = 'nearest' | 'subclass' | 'ipw' | 'difference';

export type EffectOptions = {
  method: EffectMethod;
  distance: 'ps' | 'logit';
  replace: boolean;
  ratio: number;
  /** In standard deviations of the chosen distance; null = none. */
  caliper: number | null;
  order: MatchOrder;
  /** Names of the exact-matching variables (strata are passed as data). */
  exact: string[];
  subclasses: number;
  regressionAdjustment: boolean;
  bootstrap: number;
  seed: number;
};

export const defaultEffectOptions: EffectOptions = {
  method: 'nearest',
  distance: 'ps',
  replace: false,
  ratio: 1,
  caliper: null,
  order: 'largest',
  exact: [],
  subclasses: 6,
  regressionAdjustment: false,
  bootstrap: 0,
  seed: 1,
};

export type WarningCode =
  | 'IMBALANCE_AFTER_MATCHING'
  | 'CALIPER_DROPPED_TREATED'
  | 'CONTROLS_REUSED'
  | 'SEPARATION'
  | 'COLLINEAR_COVARIATES'
  | 'POOR_OVERLAP'
  | 'EXTREME_WEIGHTS'
  | 'SUBCLASS_WITHOUT_CONTROLS'
  | 'BOOTSTRAP_INVALID_FOR_MATCHING'
  | 'NOT_RANDOMISED'
  /** Set by the in-app analysis when the placebo (an outcome before the start) differs between the groups. */
  | 'PLACEBO_EXCLUDES_ZERO';

/**
 * A warning is a code and its numbers, never prose: the words (Danish and English, with what to do) live in
 * src/domain/effect-words.ts, so the page, the PDF and the CLI say the same thing in the reader's language.
 */
export type EffectWarning = { code: WarningCode; params: Record<string, number | string | null>; covariates?: string[] };

export type BalanceEntry = {
  covariate: string;
  meanTreated: number;
  meanControl: number;
  smdBefore: number | null;
  smdAfter: number | null;
  varianceRatioAfter: number | null;
};

export type EffectEstimate = {
  estimand: 'ATT';
  method: EffectOptions;
  estimate: number;
  standardError: number;
  standardErrorType: 'abadie-imbens' | 'pair-cluster-robust' | 'robust-hc1' | 'bootstrap';
  confidenceInterval: [number, number];
  nTreated: number;
  nControl: number;
  nTreatedMatched: number;
  /** Distinct controls used (with weight > 0). */
  nControlMatched: number;
  balance: BalanceEntry[];
  maxAbsSmdAfter: number;
  propensityModel: { coefficients: Record<string, number>; converged: boolean; iterations: number };
  overlap: { treatedOutsideControlRange: number; maxControlWeightShare: number; effectiveControlSampleSize: number };
  sensitivity: {
    method: 'rosenbaum' | 'e-value';
    gamma: number | null;
    eValue: number | null;
    eValueConfidenceLimit: number | null;
  };
  naiveDifference: number;
  /** Propensity-score histogram (20 equal bins on [0, 1]) of treated and controls, for the overlap plot. */
  scoreHistogram: { treated: number[]; control: number[] };
  /**
   * When the data carry a profile for the outcome (its value month by month around the start): the mean of
   * the treated and of their matched or weighted comparison in each month, with the estimate's weights.
   */
  eventTime?: { month: number; treated: number; comparison: number }[];
  warnings: EffectWarning[];
};
