import { describe, expect, it } from 'vitest';
import {
  aggregateDistances,
  defaultInstrument,
  findDisagreements,
  findInstrumentProblems,
  findMeasurementProblems,
  measurementDue,
  measurementRoundOf,
  summariseProgression,
  type MeasurementFact,
} from './progression.ts';

const m = (id: number, measuredOn: string, respondent: MeasurementFact['respondent'], values: Record<string, number>): MeasurementFact => ({
  id,
  measuredOn,
  respondent,
  values,
});

describe('distance travelled (domain spec §5)', () => {
  it('is latest minus first per indicator and respondent, and null with one measurement', () => {
    // 2 Mar 2026: a general mentor course starts; the citizen scores job search 2. 1 Jun: 4. 1 Sep: 3.
    // The mentor scored once, on 3 Mar: no distance yet.
    const progress = summariseProgression({
      indicators: defaultInstrument.indicators,
      measurements: [
        m(3, '2026-09-01', 'citizen', { job_search: 3 }),
        m(1, '2026-03-02', 'citizen', { job_search: 2, cooperation: 4 }),
        m(2, '2026-06-01', 'citizen', { job_search: 4 }),
        m(4, '2026-03-03', 'mentor', { job_search: 1 }),
      ],
    });
    const citizen = progress.find((p) => p.code === 'job_search' && p.respondent === 'citizen')!;
    expect(citizen).toMatchObject({
      measurements: 3,
      first: { measuredOn: '2026-03-02', value: 2 },
      latest: { measuredOn: '2026-09-01', value: 3 },
      distanceTravelled: 1,
    });
    expect(progress.find((p) => p.code === 'job_search' && p.respondent === 'mentor')!.distanceTravelled).toBeNull();
    expect(progress.find((p) => p.code === 'cooperation' && p.respondent === 'citizen')!.distanceTravelled).toBeNull();
    expect(progress.find((p) => p.code === 'caseworker_job_belief')!.respondent).toBe('caseworker');
  });

  it('counts courses improved, unchanged and worse across a cohort', () => {
    const course = (first: number, latest: number) =>
      summariseProgression({
        indicators: defaultInstrument.indicators,
        measurements: [
          m(1, '2026-01-05', 'citizen', { goal_orientation: first }),
          m(2, '2026-04-06', 'citizen', { goal_orientation: latest }),
        ],
      });
    const cells = aggregateDistances([course(1, 4), course(2, 3), course(3, 3), course(4, 2)]);
    expect(cells.get('goal_orientation:citizen')).toEqual({ courses: 4, improved: 2, unchanged: 1, worse: 1, sumDistance: 3 + 1 + 0 - 2 });
    expect(cells.has('goal_orientation:mentor')).toBe(false);
  });
});

describe('disagreement between citizen and mentor', () => {
  it('compares the same round and flags a difference of at least the threshold', () => {
    // 5 Jan 2026: course start. Citizen says health 5, mentor 2 (difference −3 → flagged at threshold 2).
    // 2 Apr (round 1): citizen 3, mentor 4 (difference 1 → shown, not flagged). Mentor alone on 1 Jul.
    const disagreements = findDisagreements({
      courseStart: '2026-01-05',
      cadenceMonths: 3,
      threshold: 2,
      measurements: [
        m(1, '2026-01-05', 'citizen', { health_coping: 5 }),
        m(2, '2026-01-07', 'mentor', { health_coping: 2 }),
        m(3, '2026-04-02', 'citizen', { health_coping: 3 }),
        m(4, '2026-04-06', 'mentor', { health_coping: 4 }),
        m(5, '2026-07-01', 'mentor', { health_coping: 4 }),
      ],
    });
    expect(disagreements).toEqual([
      { round: 0, code: 'health_coping', citizen: 5, mentor: 2, difference: -3, flagged: true },
      { round: 1, code: 'health_coping', citizen: 3, mentor: 4, difference: 1, flagged: false },
    ]);
  });
});

describe('measurement rounds and due measurements (every 3 months by default, §8.2)', () => {
  it('puts a measurement a few days early into the round it was due in', () => {
    expect(measurementRoundOf({ courseStart: '2026-01-05', measuredOn: '2026-04-01', cadenceMonths: 3 })).toBe(1);
    expect(measurementRoundOf({ courseStart: '2026-01-05', measuredOn: '2026-01-05', cadenceMonths: 3 })).toBe(0);
  });

  it('is due at the start and again every cadence months until the course ends', () => {
    const course = { courseStart: '2026-05-04', courseEnd: '2026-11-03', cadenceMonths: 3 };
    // 24 Nov 2026 is after the end: the last round (4 Aug) counts.
    expect(measurementDue({ ...course, measuredOn: [], today: '2026-05-04' })).toEqual({ round: 0, dueDate: '2026-05-04' });
    expect(measurementDue({ ...course, measuredOn: ['2026-05-06'], today: '2026-07-01' })).toBeNull();
    expect(measurementDue({ ...course, measuredOn: ['2026-05-06'], today: '2026-08-10' })).toEqual({ round: 1, dueDate: '2026-08-04' });
    expect(measurementDue({ ...course, measuredOn: ['2026-05-06', '2026-08-05'], today: '2026-11-24' })).toBeNull();
    expect(measurementDue({ ...course, cadenceMonths: 2, measuredOn: ['2026-05-06'], today: '2026-07-05' })).toEqual({
      round: 1,
      dueDate: '2026-07-04',
    });
  });
});

describe('validation of instruments and values', () => {
  it('accepts the default instrument and refuses min ≥ max, duplicate codes and missing labels', () => {
    expect(findInstrumentProblems(defaultInstrument)).toEqual([]);
    const broken = {
      ...defaultInstrument,
      indicators: [
        { ...defaultInstrument.indicators[0]!, scaleMin: 5, scaleMax: 5, anchors: [] },
        { ...defaultInstrument.indicators[0]!, labelDa: ' ' },
      ],
    };
    expect(findInstrumentProblems(broken).map((p) => p.field)).toEqual([
      'indicators[0].scaleMin',
      'indicators[1].code',
      'indicators[1].labelDa',
    ]);
  });

  it('refuses a value outside the scale and an indicator not asked of the respondent', () => {
    const problems = findMeasurementProblems({
      respondent: 'citizen',
      indicators: defaultInstrument.indicators,
      values: { job_search: 6, caseworker_job_belief: 3, cooperation: 5 },
    });
    expect(problems.map((p) => p.field)).toEqual(['values.job_search', 'values.caseworker_job_belief']);
  });
});
