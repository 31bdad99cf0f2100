/**
 * Simulated register-like data with a KNOWN true effect, for validating the estimator: older people
 * and people with longer prior benefit spells are both more likely to get a mentor and less likely to
 * be employed, so the naive comparison is biased downwards; the true ATT is `trueEffect` (risk difference
 * for a binary outcome, or mean difference for a continuous one).
 */
import { categorical, type Covariate } from './design-matrix.ts';
import type { EffectData } from './estimate-effect.ts';
import { seededRandom } from './seeded-random.ts';

export function simulateMentorData(input: {
  n: number;
  seed: number;
  trueEffect: number;
  binaryOutcome: boolean;
  extraCovariates?: number;
}): {
  data: EffectData;
  /** The realised true ATT: mean over the treated of E[Y(1) − Y(0) | X] (clamping of probabilities included). */
  trueAtt: number;
} {
  const random = seededRandom(input.seed);
  const n = input.n;
  const age = new Float64Array(n);
  const priorWeeks = new Float64Array(n);
  const female = new Float64Array(n);
  const extras = Array.from({ length: input.extraCovariates ?? 0 }, () => new Float64Array(n));
  const group: string[] = new Array(n);
  const treatment = new Uint8Array(n);
  const outcome = new Float64Array(n);
  const groups = ['kontanthjaelp', 'ressourceforloeb', 'uddannelseshjaelp'];
  let effectSum = 0;
  let treatedCount = 0;
  for (let i = 0; i < n; i += 1) {
    age[i] = 20 + 40 * random.next();
    priorWeeks[i] = Math.min(156, Math.max(0, 60 + 40 * random.normal()));
    female[i] = random.next() < 0.5 ? 1 : 0;
    for (const column of extras) column[i] = random.normal();
    group[i] = groups[random.int(3)]!;
    const groupShift = group[i] === 'ressourceforloeb' ? 0.8 : group[i] === 'uddannelseshjaelp' ? -0.4 : 0;
    const logit = -2 + 0.04 * (age[i]! - 40) + 0.02 * (priorWeeks[i]! - 60) + groupShift;
    treatment[i] = random.next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    const base = 0.45 - 0.008 * (age[i]! - 40) - 0.003 * (priorWeeks[i]! - 60) - 0.15 * groupShift + 0.02 * female[i]!;
    if (input.binaryOutcome) {
      const clamp = (p: number) => Math.min(0.98, Math.max(0.02, p));
      const p = clamp(base + input.trueEffect * treatment[i]!);
      if (treatment[i]) {
        effectSum += clamp(base + input.trueEffect) - clamp(base);
        treatedCount += 1;
      }
      outcome[i] = random.next() < p ? 1 : 0;
    } else {
      if (treatment[i]) {
        effectSum += input.trueEffect;
        treatedCount += 1;
      }
      outcome[i] = 10 * base + input.trueEffect * treatment[i]! + random.normal();
    }
  }
  const covariates: Covariate[] = [
    { name: 'age', kind: 'numeric', values: age },
    { name: 'priorWeeks', kind: 'numeric', values: priorWeeks },
    { name: 'female', kind: 'numeric', values: female },
    categorical('group', group),
    ...extras.map((values, j) => ({ name: `x${j + 1}`, kind: 'numeric' as const, values })),
  ];
  return { data: { treatment, outcome, covariates, strata: null }, trueAtt: effectSum / treatedCount };
}
