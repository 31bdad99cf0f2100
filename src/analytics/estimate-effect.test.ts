import { describe, expect, it } from 'vitest';
import { categorical } from './design-matrix.ts';
import { estimateEffect, EffectInputError, type EffectData } from './estimate-effect.ts';
import { simulateMentorData } from './simulate-mentor-data.ts';

const covers = (ci: [number, number], truth: number) => ci[0] <= truth && truth <= ci[1];

describe('simulated mentor data with a known effect (confounded by age, prior benefit weeks, group)', () => {
  // 10,000 citizens; a mentor raises employment by 8 percentage points, but mentored citizens are older
  // and longer on benefit, so the naive comparison shows almost no effect or a negative one.
  const { data, trueAtt } = simulateMentorData({ n: 10_000, seed: 42, trueEffect: 0.08, binaryOutcome: true });

  it('the naive difference is badly biased', () => {
    const naive = estimateEffect(data, { method: 'difference' });
    expect(covers(naive.confidenceInterval, trueAtt)).toBe(false);
    expect(naive.estimate).toBeLessThan(trueAtt - 0.05);
    expect(naive.warnings.map((w) => w.code)).toContain('NOT_RANDOMISED');
  });

  it('nearest-neighbour matching with replacement recovers the truth inside its 95 % interval', () => {
    const result = estimateEffect(data, { method: 'nearest', replace: true });
    expect(result.standardErrorType).toBe('abadie-imbens');
    expect(covers(result.confidenceInterval, trueAtt)).toBe(true);
    expect(result.maxAbsSmdAfter).toBeLessThan(0.1);
  });

  it('matching without replacement (caliper 0.2 SD) recovers the truth with a pair-cluster-robust SE', () => {
    const result = estimateEffect(data, { method: 'nearest', replace: false, caliper: 0.2 });
    expect(result.standardErrorType).toBe('pair-cluster-robust');
    expect(covers(result.confidenceInterval, trueAtt)).toBe(true);
  });

  it('odds weighting (IPW) and subclassification recover the truth', () => {
    const ipw = estimateEffect(data, { method: 'ipw' });
    expect(ipw.standardErrorType).toBe('robust-hc1');
    expect(covers(ipw.confidenceInterval, trueAtt)).toBe(true);
    const sub = estimateEffect(data, { method: 'subclass', regressionAdjustment: true });
    expect(covers(sub.confidenceInterval, trueAtt)).toBe(true);
  });

  it('a continuous outcome with a true effect of 2.0 is recovered by matching with regression adjustment', () => {
    const continuous = simulateMentorData({ n: 5_000, seed: 3, trueEffect: 2, binaryOutcome: false });
    const result = estimateEffect(continuous.data, { method: 'nearest', regressionAdjustment: true });
    expect(covers(result.confidenceInterval, 2)).toBe(true);
    expect(covers(estimateEffect(continuous.data, { method: 'difference' }).confidenceInterval, 2)).toBe(false);
  });

  it('reports the balance of every level of a categorical covariate and k−1 model indicators', () => {
    const result = estimateEffect(data, { method: 'nearest', replace: true });
    expect(result.balance.map((b) => b.covariate)).toEqual([
      'age',
      'priorWeeks',
      'female',
      'group=kontanthjaelp',
      'group=ressourceforloeb',
      'group=uddannelseshjaelp',
    ]);
    expect(Object.keys(result.propensityModel.coefficients)).toEqual([
      '(Intercept)',
      'age',
      'priorWeeks',
      'female',
      'group=ressourceforloeb',
      'group=uddannelseshjaelp',
    ]);
    expect(result.sensitivity.method).toBe('rosenbaum');
    expect(result.sensitivity.gamma).toBeGreaterThan(1);
  });

  it('is deterministic: the same data and seed give the same bootstrap interval', () => {
    const small = simulateMentorData({ n: 600, seed: 5, trueEffect: 0.1, binaryOutcome: true }).data;
    const a = estimateEffect(small, { method: 'ipw', bootstrap: 30, seed: 9 });
    const b = estimateEffect(small, { method: 'ipw', bootstrap: 30, seed: 9 });
    expect(a.standardErrorType).toBe('bootstrap');
    expect(a.confidenceInterval).toEqual(b.confidenceInterval);
  });
});

describe('hand-checkable cases', () => {
  // Three treated (x = 1, 2, 3; y = 5, 6, 9) and four controls (x = 1, 2, 3, 10; y = 4, 4, 5, 0).
  // With the score increasing in x, nearest matching with replacement pairs 1↔1, 2↔2, 3↔3:
  // ATT = ((5−4) + (6−4) + (9−5)) / 3 = 7/3.
  const handData = (): EffectData => ({
    treatment: Uint8Array.from([1, 1, 1, 0, 0, 0, 0]),
    outcome: Float64Array.from([5, 6, 9, 4, 4, 5, 0]),
    covariates: [{ name: 'x', kind: 'numeric', values: Float64Array.from([1, 2, 3, 1, 2, 3, 10]) }],
    strata: null,
  });

  it('matching: the ATT is the mean of the pair differences, 7/3', () => {
    const result = estimateEffect(handData(), { method: 'nearest', replace: true });
    expect(result.estimate).toBeCloseTo(7 / 3, 10);
    expect(result.nTreatedMatched).toBe(3);
    expect(result.nControlMatched).toBe(3);
  });

  it('difference in means: 20/3 − 13/4', () => {
    const result = estimateEffect(handData(), { method: 'difference' });
    expect(result.estimate).toBeCloseTo(20 / 3 - 13 / 4, 10);
    expect(result.naiveDifference).toBeCloseTo(20 / 3 - 13 / 4, 10);
  });

  it('SMD uses the SD of all treated before matching, the same denominator before and after', () => {
    // Treated x = 1, 2, 3: sample SD = 1. Controls before: mean 4 → SMD before = (2 − 4)/1 = −2.
    // After matching the controls are x = 1, 2, 3 → SMD after = 0.
    const result = estimateEffect(handData(), { method: 'nearest', replace: true });
    const x = result.balance[0]!;
    expect(x.smdBefore).toBeCloseTo(-2, 10);
    expect(x.smdAfter).toBeCloseTo(0, 10);
    expect(x.meanControl).toBeCloseTo(2, 10);
  });

  it('SMD of a 0/1 covariate divides by sqrt(p(1−p)) of the treated', () => {
    // Treated female = 1, 1, 0, 0 (p = 0.5, denominator 0.5); controls 0, 0, 0, 1 (0.25): SMD = 0.25/0.5 = 0.5.
    const result = estimateEffect(
      {
        treatment: Uint8Array.from([1, 1, 1, 1, 0, 0, 0, 0]),
        outcome: Float64Array.from([1, 0, 1, 0, 0, 1, 0, 0]),
        covariates: [{ name: 'female', kind: 'numeric', values: Float64Array.from([1, 1, 0, 0, 0, 0, 0, 1]) }],
        strata: null,
      },
      { method: 'difference' },
    );
    expect(result.balance[0]!.smdBefore).toBeCloseTo(0.5, 10);
    expect(result.balance[0]!.varianceRatioAfter).toBeNull();
  });

  it('subclassification with one subclass equals the difference in means', () => {
    const sub = estimateEffect(handData(), { method: 'subclass', subclasses: 1 });
    expect(sub.estimate).toBeCloseTo(20 / 3 - 13 / 4, 10);
  });

  it('IPW gives controls the odds e/(1−e) of their score', () => {
    // A single binary covariate with treated share 1/2 in group a and 1/4 in group b: odds weights 1 and 1/3.
    const data: EffectData = {
      treatment: Uint8Array.from([1, 0, 1, 0, 0, 0]),
      outcome: Float64Array.from([10, 4, 8, 2, 2, 2]),
      covariates: [categorical('g', ['a', 'a', 'b', 'b', 'b', 'b'])],
      strata: null,
    };
    const result = estimateEffect(data, { method: 'ipw' });
    // Treated mean 9; control weighted mean = (1·4 + (1/3)·2·3) / (1 + 1) = 3 → ATT 6.
    expect(result.estimate).toBeCloseTo(6, 6);
  });
});

describe('warnings a careful statistician gives', () => {
  it('names the covariates left imbalanced after matching', () => {
    // Controls only partly cover the treated: matching cannot balance x.
    const data: EffectData = {
      treatment: Uint8Array.from([1, 1, 1, 1, 0, 0, 0, 0, 0, 0]),
      outcome: Float64Array.from([1, 2, 3, 4, 1, 1, 1, 1, 1, 1]),
      covariates: [{ name: 'x', kind: 'numeric', values: Float64Array.from([5, 6, 7, 8, 1, 2, 3, 4, 5, 6]) }],
      strata: null,
    };
    const result = estimateEffect(data, { method: 'nearest', replace: true });
    const imbalance = result.warnings.find((w) => w.code === 'IMBALANCE_AFTER_MATCHING');
    expect(imbalance?.covariates).toEqual(['x']);
    expect(result.maxAbsSmdAfter).toBeGreaterThan(0.1);
  });

  it('counts treated units dropped by the caliper', () => {
    const { data } = simulateMentorData({ n: 2000, seed: 11, trueEffect: 0.05, binaryOutcome: true });
    const result = estimateEffect(data, { method: 'nearest', caliper: 0.001 });
    const dropped = result.warnings.find((w) => w.code === 'CALIPER_DROPPED_TREATED');
    expect(dropped).toBeDefined();
    expect(result.nTreatedMatched).toBeLessThan(result.nTreated);
  });

  it('warns when few distinct controls are reused many times', () => {
    // 30 treated near 0.9 and 30 controls, only one of them near the treated.
    const n = 60;
    const x = Float64Array.from({ length: n }, (_, i) => (i < 30 ? 3 + i / 100 : i === 30 ? 3 : -3 + i / 100));
    const data: EffectData = {
      treatment: Uint8Array.from({ length: n }, (_, i) => (i < 30 ? 1 : 0)),
      outcome: Float64Array.from({ length: n }, (_, i) => i % 2),
      covariates: [{ name: 'x', kind: 'numeric', values: x }],
      strata: null,
    };
    const result = estimateEffect(data, { method: 'nearest', replace: true });
    expect(result.warnings.map((w) => w.code)).toContain('CONTROLS_REUSED');
  });

  it('detects separation when a covariate predicts treatment perfectly', () => {
    const data: EffectData = {
      treatment: Uint8Array.from([1, 1, 1, 0, 0, 0]),
      outcome: Float64Array.from([1, 0, 1, 0, 1, 0]),
      covariates: [{ name: 'x', kind: 'numeric', values: Float64Array.from([5, 6, 7, 1, 2, 3]) }],
      strata: null,
    };
    const result = estimateEffect(data, { method: 'nearest', replace: true });
    expect(result.warnings.map((w) => w.code)).toContain('SEPARATION');
  });

  it('still matches when two covariates are exactly collinear', () => {
    const { data, trueAtt } = simulateMentorData({ n: 4000, seed: 8, trueEffect: 0.1, binaryOutcome: true });
    const priorWeeks = data.covariates[1]!;
    const copy = {
      name: 'priorWeeksCopy',
      kind: 'numeric' as const,
      values: priorWeeks.kind === 'numeric' ? priorWeeks.values.slice() : new Float64Array(4000),
    };
    const result = estimateEffect({ ...data, covariates: [...data.covariates, copy] }, { method: 'nearest', replace: true });
    expect(result.warnings.map((w) => w.code)).toContain('COLLINEAR_COVARIATES');
    expect(result.maxAbsSmdAfter).toBeLessThan(0.1);
    expect(result.confidenceInterval[0]).toBeLessThanOrEqual(trueAtt);
    expect(result.confidenceInterval[1]).toBeGreaterThanOrEqual(trueAtt);
  });

  it('warns about extreme weights under IPW and about poor overlap', () => {
    const data: EffectData = {
      treatment: Uint8Array.from([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]),
      outcome: Float64Array.from([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1]),
      covariates: [{ name: 'x', kind: 'numeric', values: Float64Array.from([5, 5.5, 6, 6.5, 7, 0, 0.5, 1, 1.5, 2, 2.5, 6.2]) }],
      strata: null,
    };
    const result = estimateEffect(data, { method: 'ipw' });
    expect(result.warnings.map((w) => w.code)).toContain('EXTREME_WEIGHTS');
    expect(result.overlap.maxControlWeightShare).toBeGreaterThan(0.1);
    // Codes and numbers only: no prose in the estimator (the words are in domain/effect-words.ts).
    for (const w of result.warnings)
      expect(Object.keys(w).sort()).toEqual(w.covariates ? ['code', 'covariates', 'params'] : ['code', 'params']);
    expect(JSON.stringify(result.warnings)).not.toMatch(/[a-z]{3,} [a-z]{3,}/);
  });

  it('refuses data without treated or without controls', () => {
    const data: EffectData = {
      treatment: Uint8Array.from([0, 0]),
      outcome: Float64Array.from([1, 0]),
      covariates: [],
      strata: null,
    };
    expect(() => estimateEffect(data)).toThrow(EffectInputError);
  });
});
