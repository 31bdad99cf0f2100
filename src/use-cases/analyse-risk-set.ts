/**
 * The in-app effect analysis on a loaded risk set (issue 6 point 3): nearest-neighbour matching with
 * replacement, exact on start quarter, propensity score on age, gender, origin, target group, prior weeks
 * on public support (52, 156) and prior weeks employed (156); one estimate per outcome. Pure: columns in,
 * results out (also run inside the estimation worker thread).
 */
import type { Covariate } from '../analytics/design-matrix.ts';
import type { EffectEstimate } from '../analytics/effect-estimate.ts';
import { estimateEffects } from '../analytics/estimate-effect.ts';

export type AnalysisOutcome = 'employment' | 'education' | 'self_support' | 'benefit_weeks_52';
/** Codes and numbers only: the words are in domain/effect-words.ts (issue 15). */
export type AnalysisResult = EffectEstimate & { outcome: AnalysisOutcome; horizonMonths: number };

export const analysisOutcomes: AnalysisOutcome[] = ['employment', 'education', 'self_support', 'benefit_weeks_52'];

/** A categorical column: codes into `levels` (sorted, as `categorical()` in analytics makes them). */
export type CodedColumn = { codes: Int32Array; levels: string[] };

/** The risk set as columns, one entry per unit, ordered by quarter, treated first, citizen id. */
export type RiskSetColumns = {
  n: number;
  treatment: Uint8Array;
  /** Exact-matching stratum: index of the unit's quarter in `quarters`. */
  strata: Int32Array;
  quarters: string[];
  age: Float64Array;
  gender: CodedColumn;
  origin: CodedColumn;
  targetGroup: CodedColumn;
  publicWeeks52: Float64Array;
  publicWeeks156: Float64Array;
  employedWeeks156: Float64Array;
  outcomes: Record<AnalysisOutcome, Float64Array>;
};

export function riskSetCovariates(columns: RiskSetColumns): Covariate[] {
  const coded = (name: string, c: CodedColumn): Covariate => ({ name, kind: 'categorical', codes: c.codes, levels: c.levels });
  const covariates: Covariate[] = [
    { name: 'age', kind: 'numeric', values: columns.age },
    coded('gender', columns.gender),
    coded('origin', columns.origin),
    coded('targetGroup', columns.targetGroup),
    { name: 'publicWeeks52', kind: 'numeric', values: columns.publicWeeks52 },
    { name: 'publicWeeks156', kind: 'numeric', values: columns.publicWeeks156 },
    { name: 'employedWeeks156', kind: 'numeric', values: columns.employedWeeks156 },
  ];
  // A categorical with one level carries no information and would make the model singular.
  return covariates.filter((c) => c.kind !== 'categorical' || c.levels.length > 1);
}

/**
 * One estimate per outcome; the propensity model and the matching are shared (they do not depend on the
 * outcome). `onProgress(k)`: 0 after the shared model, k after the k-th outcome (of 4).
 */
export function analyseRiskSet(
  columns: RiskSetColumns,
  horizonMonths: number,
  onProgress: (outcomesDone: number) => void = () => {},
  outcomes: AnalysisOutcome[] = analysisOutcomes,
): AnalysisResult[] {
  const results = estimateEffects(
    {
      treatment: columns.treatment,
      outcomes: outcomes.map((o) => columns.outcomes[o]),
      covariates: riskSetCovariates(columns),
      strata: columns.strata,
    },
    { method: 'nearest', replace: true, exact: ['startQuarter'] },
    onProgress,
  );
  return results.map((result, k) => {
    const outcome = outcomes[k]!;
    return { ...result, outcome, horizonMonths };
  });
}
