import { describe, expect, it } from 'vitest';
import { estimateEffect, estimateEffects, estimateOutcome, estimateOutcomeInterval, prepareEffectDesign } from './estimate-effect.ts';
import { simulateMentorData } from './simulate-mentor-data.ts';

describe('several outcomes of the same units (shared propensity model and matching)', () => {
  // 3,000 citizens, one binary outcome (job) and a continuous one (weeks on benefit), exact strata by
  // start quarter: the shared path must give exactly what one call per outcome gives.
  const { data } = simulateMentorData({ n: 3_000, seed: 11, trueEffect: 0.1, binaryOutcome: true });
  const weeks = simulateMentorData({ n: 3_000, seed: 12, trueEffect: -4, binaryOutcome: false }).data.outcome;
  const strata = Int32Array.from({ length: 3_000 }, (_, i) => i % 3);
  const { outcome, ...shared } = data;

  for (const options of [
    { method: 'nearest' as const, replace: true, exact: ['quarter'] },
    { method: 'nearest' as const, replace: false, caliper: 0.2 },
    { method: 'ipw' as const, regressionAdjustment: true },
  ]) {
    it(`gives results identical to separate estimates (${JSON.stringify(options)})`, () => {
      const together = estimateEffects(
        { ...shared, strata: options.method === 'nearest' && options.replace ? strata : null, outcomes: [outcome, weeks] },
        options,
      );
      const separate = [outcome, weeks].map((y) =>
        estimateEffect({ ...shared, strata: options.method === 'nearest' && options.replace ? strata : null, outcome: y }, options),
      );
      expect(together).toEqual(separate);
      expect(together[0]!.estimate).not.toBe(together[1]!.estimate);
    });
  }

  it('gives the interval alone as the full estimate gives it, in any order of outcomes on one design (placebo, horizons, subgroups)', () => {
    for (const options of [
      { method: 'nearest' as const, replace: true, exact: ['quarter'] },
      { method: 'nearest' as const, replace: false, caliper: 0.2 },
      { method: 'subclass' as const },
      { method: 'ipw' as const, bootstrap: 20, seed: 3 },
    ]) {
      const design = prepareEffectDesign({ ...shared, strata: options.method === 'nearest' && options.replace ? strata : null }, options);
      const weeksInterval = estimateOutcomeInterval(design, weeks);
      const full = estimateOutcome(design, outcome);
      const jobInterval = estimateOutcomeInterval(design, outcome);
      const fullWeeks = estimateOutcome(design, weeks);
      for (const [interval, estimate] of [
        [jobInterval, full],
        [weeksInterval, fullWeeks],
      ] as const) {
        expect(interval).toEqual({
          estimate: estimate.estimate,
          standardError: estimate.standardError,
          standardErrorType: estimate.standardErrorType,
          confidenceInterval: estimate.confidenceInterval,
          nTreatedMatched: estimate.nTreatedMatched,
        });
      }
      expect(jobInterval.estimate).not.toBe(weeksInterval.estimate);
    }
  });

  it("reads an outcome at the design's outcome units only: unknown elsewhere (NaN), the interval is the same", () => {
    const design = prepareEffectDesign({ ...shared, strata }, { method: 'nearest', replace: true, exact: ['quarter'] });
    const units = design.outcomeUnits!;
    // The 3,000 units' matched treated, matched controls and their same-group neighbours: fewer than all.
    expect(units.length).toBeGreaterThan(design.weighed.length);
    expect(units.length).toBeLessThan(3_000);
    const sparse = new Float64Array(3_000).fill(Number.NaN);
    for (const i of units) sparse[i] = outcome[i]!;
    expect(estimateOutcomeInterval(design, sparse)).toEqual(estimateOutcomeInterval(design, outcome));
    // Regression adjustment reads every unit.
    expect(prepareEffectDesign({ ...shared, strata: null }, { method: 'ipw', regressionAdjustment: true }).outcomeUnits).toBeNull();
  });

  it('reports progress after the shared model and after each outcome', () => {
    const steps: number[] = [];
    estimateEffects({ ...shared, outcomes: [outcome, weeks, outcome] }, { method: 'nearest', replace: true }, (k) => steps.push(k));
    expect(steps).toEqual([0, 1, 2, 3]);
  });
});
