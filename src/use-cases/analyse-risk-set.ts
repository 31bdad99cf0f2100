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
export type AnalysisResult = EffectEstimate & { outcome: AnalysisOutcome; summary: string };

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

const outcomeLabels: Record<AnalysisOutcome, { da: string; percentPoints: boolean }> = {
  employment: { da: 'i job', percentPoints: true },
  education: { da: 'i uddannelse', percentPoints: true },
  self_support: { da: 'selvforsørgende', percentPoints: true },
  benefit_weeks_52: { da: 'uger på offentlig forsørgelse i det følgende år', percentPoints: false },
};

const fmt = (n: number, digits = 1) => n.toLocaleString('da-DK', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The estimate in words a politician understands, with its interval. */
export function describeEstimate(outcome: AnalysisOutcome, r: EffectEstimate, horizonMonths: number): string {
  const label = outcomeLabels[outcome];
  const [lo, hi] = r.confidenceInterval;
  if (label.percentPoints) {
    const pp = r.estimate * 100;
    return `Borgere med mentor var ${fmt(Math.abs(pp))} procentpoint ${pp >= 0 ? 'oftere' : 'sjældnere'} ${label.da} efter ${horizonMonths} måneder end sammenlignelige borgere uden mentor (95 %-interval ${fmt(lo * 100)} til ${fmt(hi * 100)} procentpoint).`;
  }
  return `Borgere med mentor havde ${fmt(Math.abs(r.estimate))} ${r.estimate >= 0 ? 'flere' : 'færre'} ${label.da} end sammenlignelige borgere uden mentor (95 %-interval ${fmt(lo)} til ${fmt(hi)}).`;
}

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
    return { ...result, outcome, summary: describeEstimate(outcome, result, horizonMonths) };
  });
}
