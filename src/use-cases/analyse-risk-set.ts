/**
 * The in-app effect analysis on a loaded risk set (issue 6 point 3): nearest-neighbour matching with
 * replacement, exact on start quarter, propensity score on age, gender, origin, target group, prior weeks
 * on public support (52, 156) and prior weeks employed (156); one estimate per outcome. Pure: columns in,
 * results out (also run inside the estimation worker thread).
 * Issue 15, what a researcher asks for beyond one number, all from the same matched comparison:
 * - event time: the share in the status month by month from 12 months before to 24 months after the start,
 *   mentored vs their matched comparison (the matching weights);
 * - placebo: the same estimator on the share of months −6…−1 in the status (before the start, so the true
 *   effect is 0; an interval that excludes 0 says the groups differed already, warning PLACEBO_EXCLUDES_ZERO);
 * - horizons: the effect on the status 3, 7, 12 and 24 months after the start, where the register data reach
 *   every unit;
 * - subgroups (age under 30 / 30+, each target group, each gender): the analysis rerun within the subgroup
 *   (its own propensity model and matching), suppressed (null) when the subgroup has fewer than 5 mentored
 *   citizens, as every report (R-STAT-1).
 */
import type { Covariate } from '../analytics/design-matrix.ts';
import type { EffectEstimate } from '../analytics/effect-estimate.ts';
import {
  EffectInputError,
  estimateOutcome,
  estimateOutcomeInterval,
  prepareEffectDesign,
  type OutcomeInterval,
  type OutcomeProfile,
} from '../analytics/estimate-effect.ts';
import { isSignificant, subgroupLabel, type EffectInterval, type EffectOutcomeCode, type SubgroupEffect } from '../domain/effect-words.ts';

export type AnalysisOutcome = EffectOutcomeCode;
export type Interval = EffectInterval;
export type { SubgroupEffect };

/** Codes and numbers only: the words are in domain/effect-words.ts (issue 15). */
export type AnalysisResult = EffectEstimate & {
  outcome: AnalysisOutcome;
  horizonMonths: number;
  eventTime: { month: number; treated: number; comparison: number }[];
  placebo: Interval | null;
  horizons: (Interval & { months: number })[];
  subgroups: SubgroupEffect[];
};

/** Month statuses per unit: bit m + 12 set when the status held m months after the index date (m = −12…24). */
export type MonthColumns = { employment: Float64Array; education: Float64Array; supported: Float64Array; observed: Float64Array };

export const eventTimeMonths = Array.from({ length: 37 }, (_, k) => k - 12);
export const effectHorizons = [3, 7, 12, 24];
const placeboMonths = [-6, -5, -4, -3, -2, -1];
const smallestGroup = 5;

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
  months: MonthColumns;
  outcomes: Record<AnalysisOutcome, Float64Array>;
};

type ColumnArray = Float64Array | Int32Array | Uint8Array;

/** The same columns with each per-unit array replaced by `f(array)` (a copy, a view on shared memory…). */
export function mapRiskSetArrays(columns: RiskSetColumns, f: <T extends ColumnArray>(array: T) => T): RiskSetColumns {
  const coded = (c: CodedColumn): CodedColumn => ({ codes: f(c.codes), levels: c.levels });
  const each = <K extends string>(arrays: Record<K, Float64Array>) =>
    Object.fromEntries(Object.entries<Float64Array>(arrays).map(([key, values]) => [key, f(values)])) as Record<K, Float64Array>;
  return {
    n: columns.n,
    treatment: f(columns.treatment),
    strata: f(columns.strata),
    quarters: columns.quarters,
    age: f(columns.age),
    gender: coded(columns.gender),
    origin: coded(columns.origin),
    targetGroup: coded(columns.targetGroup),
    publicWeeks52: f(columns.publicWeeks52),
    publicWeeks156: f(columns.publicWeeks156),
    employedWeeks156: f(columns.employedWeeks156),
    months: each(columns.months),
    outcomes: each(columns.outcomes),
  };
}

/** Every per-unit array of the columns (for reordering them). */
export function riskSetArrays(columns: RiskSetColumns): ColumnArray[] {
  const arrays: ColumnArray[] = [];
  mapRiskSetArrays(columns, (array) => {
    arrays.push(array);
    return array;
  });
  return arrays;
}

/** What the propensity model and the matching read: treatment, quarter and covariates. */
type DesignColumns = Pick<
  RiskSetColumns,
  'n' | 'treatment' | 'strata' | 'age' | 'gender' | 'origin' | 'targetGroup' | 'publicWeeks52' | 'publicWeeks156' | 'employedWeeks156'
>;

export function riskSetCovariates(columns: DesignColumns): Covariate[] {
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
 * A status month by month from its masks: bit `month + 12` of each unit's mask (self-support: the
 * complement of public support; `flip` turns 0/1 around once more). Masks are below 2^37: each is split
 * once into two 32-bit words, then a month of a unit is one shift.
 */
function monthStatus(columns: RiskSetColumns, outcome: AnalysisOutcome, flip: boolean) {
  const masks =
    outcome === 'employment' ? columns.months.employment : outcome === 'education' ? columns.months.education : columns.months.supported;
  const n = columns.n;
  const low = new Uint32Array(n);
  const high = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) {
    const mask = masks[i]!;
    const lowWord = mask % 4294967296;
    low[i] = lowWord;
    high[i] = (mask - lowWord) / 4294967296;
  }
  const complement = (outcome === 'self_support') !== flip ? 1 : 0;
  const valueAt = (month: number, unit: number): number => {
    const bit = month + 12;
    return bit < 32 ? ((low[unit]! >>> bit) & 1) ^ complement : ((high[unit]! >>> (bit - 32)) & 1) ^ complement;
  };
  // Written into `into` at `units` only (every unit when null): the units an estimate reads.
  const each = (units: Int32Array | null, write: (unit: number) => void) => {
    const count = units ? units.length : n;
    for (let k = 0; k < count; k += 1) write(units ? units[k]! : k);
  };
  return {
    valueAt,
    /** The month as a 0/1 value per unit (an outcome of its own). */
    column(month: number, into: Float64Array, units: Int32Array | null): Float64Array {
      each(units, (i) => (into[i] = valueAt(month, i)));
      return into;
    },
    /** Per unit, the share of `months` in the status. */
    share(months: readonly number[], into: Float64Array, units: Int32Array | null): Float64Array {
      each(units, (i) => {
        let share = 0;
        for (const month of months) share += valueAt(month, i) / months.length;
        into[i] = share;
      });
      return into;
    },
  };
}

/** `monthStatus` split once per status, shared by event time, placebo and horizons. */
function monthStatusCache(columns: RiskSetColumns) {
  const cache = new Map<string, ReturnType<typeof monthStatus>>();
  return (outcome: AnalysisOutcome, flip = false) => {
    const key = `${outcome}:${flip}`;
    let status = cache.get(key);
    if (!status) cache.set(key, (status = monthStatus(columns, outcome, flip)));
    return status;
  };
}

const interval = (r: OutcomeInterval): Interval => ({
  estimate: r.estimate,
  ciLow: r.confidenceInterval[0],
  ciHigh: r.confidenceInterval[1],
});

/** The units of a subgroup as a design of their own (the same columns, filtered), with the `outcomes` asked for. */
function subset(
  columns: RiskSetColumns,
  keep: (i: number) => boolean,
  outcomes: AnalysisOutcome[],
): DesignColumns & { outcomes: Float64Array[] } {
  const picked = new Int32Array(columns.n);
  let n = 0;
  for (let i = 0; i < columns.n; i += 1) if (keep(i)) picked[n++] = i;
  const index = picked.subarray(0, n);
  const pick = <T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T => {
    for (let k = 0; k < n; k += 1) to[k] = from[index[k]!]!;
    return to;
  };
  const f64 = (a: Float64Array) => pick(a, new Float64Array(n));
  const coded = (c: CodedColumn) => {
    const codes = pick(c.codes, new Int32Array(n));
    const present = new Uint8Array(c.levels.length);
    for (let k = 0; k < n; k += 1) present[codes[k]!] = 1;
    const used = c.levels.flatMap((_, code) => (present[code] ? [code] : []));
    const remap = new Int32Array(c.levels.length);
    used.forEach((code, k) => (remap[code] = k));
    for (let k = 0; k < n; k += 1) codes[k] = remap[codes[k]!]!;
    return { codes, levels: used.map((code) => c.levels[code]!) };
  };
  return {
    n,
    treatment: pick(columns.treatment, new Uint8Array(n)),
    strata: pick(columns.strata, new Int32Array(n)),
    age: f64(columns.age),
    gender: coded(columns.gender),
    origin: coded(columns.origin),
    targetGroup: coded(columns.targetGroup),
    publicWeeks52: f64(columns.publicWeeks52),
    publicWeeks156: f64(columns.publicWeeks156),
    employedWeeks156: f64(columns.employedWeeks156),
    outcomes: outcomes.map((o) => f64(columns.outcomes[o])),
  };
}

function subgroupDefinitions(columns: RiskSetColumns): { key: string; keep: (i: number) => boolean }[] {
  const byLevel = (name: string, c: CodedColumn) =>
    c.levels
      .filter((level) => level !== 'unknown')
      .map((level) => {
        const code = c.levels.indexOf(level);
        return { key: `${name}:${level}`, keep: (i: number) => c.codes[i] === code };
      });
  return [
    { key: 'age:under30', keep: (i: number) => columns.age[i]! < 30 },
    { key: 'age:30plus', keep: (i: number) => columns.age[i]! >= 30 },
    ...byLevel('targetGroup', columns.targetGroup),
    ...byLevel('gender', columns.gender),
  ];
}

/** The subgroups' keys in the order they are shown, each with its number of units (what estimating it costs). */
export function subgroupSizes(columns: RiskSetColumns): { key: string; n: number }[] {
  return subgroupDefinitions(columns).map(({ key, keep }) => {
    let n = 0;
    for (let i = 0; i < columns.n; i += 1) if (keep(i)) n += 1;
    return { key, n };
  });
}

/**
 * Each subgroup's effect on the main outcomes (index as `outcomes`), or null numbers when suppressed or not
 * estimable; only the subgroups in `keys` when given (in the order shown).
 */
export function subgroupEffects(columns: RiskSetColumns, outcomes: AnalysisOutcome[], keys?: readonly string[]): SubgroupEffect[][] {
  const perOutcome: SubgroupEffect[][] = outcomes.map(() => []);
  for (const group of subgroupDefinitions(columns)) {
    if (keys && !keys.includes(group.key)) continue;
    const part = subset(columns, group.keep, outcomes);
    let nTreated = 0;
    for (let i = 0; i < part.n; i += 1) nTreated += part.treatment[i]!;
    const label = subgroupLabel('da', group.key);
    const empty = (n: number | null): SubgroupEffect => ({ key: group.key, label, estimate: null, ciLow: null, ciHigh: null, nTreated: n });
    if (nTreated < smallestGroup) {
      outcomes.forEach((_, k) => perOutcome[k]!.push(empty(null)));
      continue;
    }
    let results: OutcomeInterval[] | null = null;
    try {
      const design = prepareEffectDesign(
        { treatment: part.treatment, covariates: riskSetCovariates(part), strata: part.strata },
        { method: 'nearest', replace: true, exact: ['startQuarter'] },
      );
      results = part.outcomes.map((outcome) => estimateOutcomeInterval(design, outcome));
    } catch (error) {
      // No comparison possible inside the subgroup (no controls, or none in a treated unit's quarter): shown as "–".
      // Anything but such an input refusal is a bug and is raised.
      if (!(error instanceof EffectInputError)) throw error;
      results = null;
    }
    outcomes.forEach((_, k) => {
      const r = results?.[k];
      perOutcome[k]!.push(r ? { key: group.key, label, ...interval(r), nTreated: r.nTreatedMatched } : empty(nTreated));
    });
  }
  return perOutcome;
}

/**
 * One estimate per outcome, with event time, placebo, horizons and subgroups; the propensity model and the
 * matching are shared by every outcome of the whole sample (they do not depend on the outcome).
 * `onProgress(x)`: x of `outcomes.length` done (fractions while the extra estimates run).
 */
export function analyseRiskSet(
  columns: RiskSetColumns,
  horizonMonths: number,
  onProgress: (outcomesDone: number) => void = () => {},
  outcomes: AnalysisOutcome[] = analysisOutcomes,
  /** `subgroupKeys`: only these subgroups (none for []; all when not given). */
  options: { subgroupKeys?: readonly string[] } = {},
): AnalysisResult[] {
  // Months the register data reach for every unit (the rest are unknown, not "no").
  let observed = eventTimeMonths.length;
  for (let i = 0; i < columns.n; i += 1) observed = Math.min(observed, columns.months.observed[i]!);
  const months = eventTimeMonths.slice(0, observed);
  const statusOf = (o: AnalysisOutcome): AnalysisOutcome => (o === 'benefit_weeks_52' ? 'self_support' : o);
  const binary = (o: AnalysisOutcome) => o !== 'benefit_weeks_52';
  const horizons = effectHorizons.filter((h) => months.includes(h));

  // Extra outcomes estimated on the shared model: placebo of each outcome, horizons of the binary ones.
  // Extra outcomes estimated on the shared model (their intervals only): placebo of each outcome, horizons of the binary ones.
  type Extra = { outcome: number; kind: 'placebo' } | { outcome: number; kind: 'horizon'; months: number };
  const extras: Extra[] = [];
  const status = monthStatusCache(columns);
  outcomes.forEach((o, k) => {
    if (months.includes(-6)) extras.push({ outcome: k, kind: 'placebo' });
    if (binary(o)) for (const h of horizons) extras.push({ outcome: k, kind: 'horizon', months: h });
  });
  // Benefit weeks: the event-time chart shows the share on public support.
  const profiles = outcomes.map((o): OutcomeProfile => {
    const { valueAt } = status(statusOf(o), o === 'benefit_weeks_52');
    return { months, valueAt: (j, i) => valueAt(months[j]!, i) };
  });
  const total = outcomes.length + extras.length;
  const shared = 0.6;
  const design = prepareEffectDesign(
    { treatment: columns.treatment, covariates: riskSetCovariates(columns), strata: columns.strata },
    { method: 'nearest', replace: true, exact: ['startQuarter'] },
  );
  onProgress(0);
  const mainResults = outcomes.map((o, k) => {
    const result = estimateOutcome(design, columns.outcomes[o], profiles[k]!);
    onProgress((outcomes.length * shared * (k + 1)) / total);
    return result;
  });
  // Each extra outcome is computed into one reused column, at the units its interval reads only.
  const values = new Float64Array(columns.n);
  const extraIntervals = extras.map((extra, j) => {
    const o = outcomes[extra.outcome]!;
    if (extra.kind === 'placebo')
      // Benefit weeks: the placebo is the share of months −6…−1 on public support.
      (o === 'benefit_weeks_52' ? status('self_support', true) : status(o)).share(placeboMonths, values, design.outcomeUnits);
    else status(o).column(extra.months, values, design.outcomeUnits);
    const result = estimateOutcomeInterval(design, values);
    onProgress((outcomes.length * shared * (outcomes.length + j + 1)) / total);
    return result;
  });
  // Subgroups may run elsewhere too (analyse-risk-set-in-worker.ts: a second thread) and be joined later.
  const subgroups = subgroupEffects(columns, outcomes, options.subgroupKeys);
  onProgress(outcomes.length);
  return outcomes.map((outcome, k) => {
    const main = mainResults[k]!;
    const placeboIndex = extras.findIndex((e) => e.outcome === k && e.kind === 'placebo');
    const placebo = placeboIndex >= 0 ? interval(extraIntervals[placeboIndex]!) : null;
    const warnings = [...main.warnings];
    if (placebo && isSignificant(placebo)) warnings.push({ code: 'PLACEBO_EXCLUDES_ZERO', params: {} });
    return {
      ...main,
      warnings,
      outcome,
      horizonMonths,
      eventTime: main.eventTime ?? [],
      placebo,
      horizons: extras.flatMap((e, j) =>
        e.outcome === k && e.kind === 'horizon' ? [{ months: e.months, ...interval(extraIntervals[j]!) }] : [],
      ),
      subgroups: subgroups[k]!,
    };
  });
}
