import { describe, expect, it } from 'vitest';
import { seededRandom } from '../analytics/seeded-random.ts';
import { analyseRiskSet, riskSetArrays, type RiskSetColumns } from './analyse-risk-set.ts';
import { analyseRiskSetInWorker, planSubgroupThreads, startEstimationThreads } from './analyse-risk-set-in-worker.ts';

/** 3,000 units in two quarters, 10 % treated (more among the long-term supported), every month observed. */
function simulatedRiskSet(): RiskSetColumns {
  const n = 3000;
  const random = seededRandom(7);
  const columns: RiskSetColumns = {
    n,
    treatment: new Uint8Array(n),
    strata: new Int32Array(n),
    quarters: ['2015-Q1', '2015-Q2'],
    age: new Float64Array(n),
    gender: { codes: new Int32Array(n), levels: ['female', 'male'] },
    origin: { codes: new Int32Array(n), levels: ['danish', 'western'] },
    targetGroup: { codes: new Int32Array(n), levels: ['kontanthjaelp_aktivitetsparat', 'uddannelseshjaelp_aktivitetsparat'] },
    publicWeeks52: new Float64Array(n),
    publicWeeks156: new Float64Array(n),
    employedWeeks156: new Float64Array(n),
    months: {
      employment: new Float64Array(n),
      education: new Float64Array(n),
      supported: new Float64Array(n),
      observed: new Float64Array(n).fill(37),
    },
    outcomes: {
      employment: new Float64Array(n),
      education: new Float64Array(n),
      self_support: new Float64Array(n),
      benefit_weeks_52: new Float64Array(n),
    },
  };
  for (let i = 0; i < n; i += 1) {
    const long = random.next() < 0.5;
    columns.treatment[i] = random.next() < (long ? 0.15 : 0.05) ? 1 : 0;
    columns.strata[i] = i < n / 2 ? 0 : 1;
    columns.age[i] = 18 + Math.floor(random.next() * 40);
    columns.gender.codes[i] = random.next() < 0.5 ? 0 : 1;
    columns.origin.codes[i] = random.next() < 0.8 ? 0 : 1;
    columns.targetGroup.codes[i] = random.next() < 0.7 ? 0 : 1;
    columns.publicWeeks52[i] = long ? 52 : Math.floor(random.next() * 30);
    columns.publicWeeks156[i] = columns.publicWeeks52[i]! + Math.floor(random.next() * 100);
    columns.employedWeeks156[i] = long ? 0 : Math.floor(random.next() * 80);
    const employed = random.next() < (long ? 0.1 : 0.4) + 0.05 * columns.treatment[i]!;
    // Employed from month 7 on when employed at the horizon; on support before that.
    columns.months.employment[i] = employed ? 2 ** 37 - 2 ** 19 : 0;
    columns.months.supported[i] = employed ? 2 ** 19 - 1 : 2 ** 37 - 1;
    columns.outcomes.employment[i] = employed ? 1 : 0;
    columns.outcomes.self_support[i] = employed ? 1 : 0;
    columns.outcomes.benefit_weeks_52[i] = employed ? 30 : 52;
  }
  // Sorted as the loader sorts them: quarter, treated first.
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => columns.strata[a]! - columns.strata[b]! || columns.treatment[b]! - columns.treatment[a]! || a - b,
  );
  const permute = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => {
    const copy = a.slice() as T;
    order.forEach((from, to) => (a[to] = copy[from]!));
    return a;
  };
  for (const a of riskSetArrays(columns)) permute(a);
  return columns;
}

describe('the estimation on two threads (issue 12)', () => {
  it('splits the subgroups so that both threads get about the same work, largest first', () => {
    const sizes = [
      { key: 'age:under30', n: 300 },
      { key: 'age:30plus', n: 700 },
      { key: 'gender:female', n: 500 },
      { key: 'gender:male', n: 500 },
    ];
    // The first thread starts with the main estimates (1.5 × 500 units of work): 700 and 500 go to the
    // second (700, 1,200), the next 500 to the first (750 + 500 = 1,250), 300 to the second (1,500).
    expect(planSubgroupThreads(sizes, 500)).toEqual([['gender:male'], ['age:30plus', 'gender:female', 'age:under30']]);
    // Main estimates that cost more than all subgroups: the second thread takes every subgroup.
    expect(planSubgroupThreads(sizes, 2000)).toEqual([[], ['age:30plus', 'gender:female', 'gender:male', 'age:under30']]);
    expect(planSubgroupThreads(sizes, 1000, 0)).toEqual([
      ['age:30plus', 'age:under30'],
      ['gender:female', 'gender:male'],
    ]);
  });

  it('gives exactly the results of one thread, subgroups in the order they are shown', async () => {
    const columns = simulatedRiskSet();
    const oneThread = analyseRiskSet(structuredClone(columns), 7);
    const twoThreads = await analyseRiskSetInWorker(structuredClone(columns), 7, () => {}, { threads: 2 });
    expect(twoThreads).toEqual(oneThread);
    expect(twoThreads[0]!.subgroups.map((s) => s.key)).toEqual([
      'age:under30',
      'age:30plus',
      'targetGroup:kontanthjaelp_aktivitetsparat',
      'targetGroup:uddannelseshjaelp_aktivitetsparat',
      'gender:female',
      'gender:male',
    ]);
  });

  it('starts its threads before the risk set is there, and a stopped start (a failed load) refuses to estimate', async () => {
    const columns = simulatedRiskSet();
    const early = startEstimationThreads(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await early.analyse(structuredClone(columns), 7)).toEqual(analyseRiskSet(structuredClone(columns), 7));
    const stopped = startEstimationThreads(2);
    stopped.stop();
    await expect(stopped.analyse(columns, 7)).rejects.toThrow('the estimation worker stopped');
  });
});
