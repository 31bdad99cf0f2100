import { describe, expect, it } from 'vitest';
import {
  covariateLabel,
  effectResultWords,
  effectSentence,
  eventTimeScale,
  formatDifference,
  sensitivityText,
  subgroupLabel,
  warningText,
} from './effect-words.ts';

describe('the sentence per outcome says what the interval allows (issue 15)', () => {
  it('says that no effect can be shown when the interval covers 0, in percentage points', () => {
    // The manager's page of Nov 2026: +1.0 point, interval −0.4 to +2.3: the old bold headline overclaimed.
    const r = { outcome: 'employment', estimate: 0.0104, ciLow: -0.0041, ciHigh: 0.0232 };
    expect(effectSentence('da', r)).toBe('Vi kan ikke påvise en effekt på jobchancen: forskellen er mellem −0,4 og +2,3 procentpoint.');
    expect(effectSentence('en', r)).toBe('We cannot show an effect on jobs: the difference lies between −0.4 and +2.3 percentage points.');
  });

  it('treats an interval of rounding noise around 0 as no effect', () => {
    // Matched groups identical before the start: the placebo is 1.4e-17 with an "interval" of 1.3e-17 to 1.5e-17.
    expect(effectSentence('da', { outcome: 'employment', estimate: 1.4e-17, ciLow: 1.27e-17, ciHigh: 1.5e-17 })).toMatch(
      /^Vi kan ikke påvise/,
    );
  });

  it('gives direction, estimate and interval when the interval excludes 0', () => {
    const r = { outcome: 'employment', estimate: 0.031, ciLow: 0.012, ciHigh: 0.05 };
    expect(effectSentence('da', r)).toBe('Borgere med mentor kom oftere i job: +3,1 procentpoint (1,2 til 5,0).');
    expect(effectSentence('da', { ...r, horizonMonths: 7 })).toBe(
      'Borgere med mentor kom oftere i job efter 7 måneder: +3,1 procentpoint (1,2 til 5,0).',
    );
    expect(effectSentence('da', { outcome: 'benefit_weeks_52', estimate: -2.04, ciLow: -3.5, ciHigh: -0.6 })).toBe(
      'Borgere med mentor var færre uger på offentlig forsørgelse det følgende år: −2,0 uger (−3,5 til −0,6).',
    );
    expect(formatDifference('da', 'employment', 0.049)).toBe('+4,9 procentpoint');
  });

  it('names every covariate and level in Danish, never by its code', () => {
    expect(covariateLabel('da', 'origin=non_western')).toBe('Herkomst: ikke-vestlig');
    expect(covariateLabel('da', 'targetGroup=kontanthjaelp_aktivitetsparat')).toBe('Målgruppe: Aktivitetsparat kontanthjælpsmodtager');
    expect(covariateLabel('da', 'publicWeeks156')).toBe('Uger på offentlig forsørgelse, seneste 3 år');
    expect(covariateLabel('en', 'gender=female')).toBe('Gender: woman');
    expect(subgroupLabel('da', 'age:under30')).toBe('Under 30 år');
    expect(subgroupLabel('da', 'gender:female')).toBe('Kvinde');
  });

  it('puts every warning in Danish with what to do about it', () => {
    const text = warningText('da', { code: 'IMBALANCE_AFTER_MATCHING', params: { method: 'nearest' }, covariates: ['gender=female'] });
    expect(text).toContain('Køn: kvinde');
    expect(text).toMatch(/prøv en kortere periode/);
    for (const code of ['SEPARATION', 'POOR_OVERLAP', 'CALIPER_DROPPED_TREATED', 'CONTROLS_REUSED', 'PLACEBO_EXCLUDES_ZERO'])
      expect(
        warningText('da', { code, params: { outside: 3, nTreated: 40, dropped: 2, nControlMatched: 9, nTreatedMatched: 38, maxUses: 12 } }),
      ).not.toMatch(/Ukendt|\?/);
  });

  it('does not invent a hidden bias to explain away an effect that cannot be shown', () => {
    const s = { method: 'rosenbaum', gamma: 1, eValue: 1.2, eValueConfidenceLimit: 1 };
    expect(sensitivityText('da', s, false)).toMatch(/ingen effekt for en skjult forskel at bortforklare/);
    expect(sensitivityText('da', { ...s, gamma: 1.8 }, true)).toMatch(/1,80 gange så tilbøjelige/);
  });
});

describe('the page and the PDF show one outcome in the same words (issue 15)', () => {
  it('gives effects over time and by subgroup in percentage points, a suppressed subgroup without numbers', () => {
    // Analysis of Nov 2026, job: +3.1 points; at 12 months +2.0 (0.5 to 3.5); women +4.0, citizens under 30 fewer than 5.
    const words = effectResultWords('da', {
      outcome: 'employment',
      estimate: 0.031,
      confidenceInterval: [0.012, 0.05],
      nTreated: 120,
      nTreatedMatched: 110,
      nControlMatched: 300,
      naiveDifference: 0.049,
      placebo: { estimate: 0.001, ciLow: -0.01, ciHigh: 0.012 },
      horizons: [{ months: 12, estimate: 0.02, ciLow: 0.005, ciHigh: 0.035 }],
      subgroups: [
        { key: 'gender:female', estimate: 0.04, ciLow: 0.01, ciHigh: 0.07, nTreated: 60 },
        { key: 'age:under30', estimate: null, ciLow: null, ciHigh: null, nTreated: null },
      ],
      warnings: [],
      sensitivity: { method: 'rosenbaum', gamma: 1.8, eValue: 1.5, eValueConfidenceLimit: 1.1 },
    });
    expect(words.sentence).toBe('Borgere med mentor kom oftere i job: +3,1 procentpoint (1,2 til 5,0).');
    expect(words.comparison).toMatch(/^110 .* 120 .* 300 .*\+4,9 procentpoint\.$/);
    expect(words.placebo).toMatch(/Grupperne var ens før starten/);
    expect(words.horizons).toEqual([{ months: 12, effect: '+2,0', interval: '0,5 – 3,5' }]);
    expect(words.subgroups).toEqual([
      { key: 'gender:female', label: 'Kvinde', treated: '60', effect: '+4,0', interval: '1,0 – 7,0' },
      { key: 'age:under30', label: 'Under 30 år', treated: 'færre end 5' },
    ]);
    expect(words.eventTimeAxis).toBe('Andel (%)');
  });

  it('scales the month-by-month chart to percent with labelled ticks', () => {
    // Job share 20 % → 30 % from the month before the start to 12 months after.
    const chart = eventTimeScale('da', 'employment', [
      { month: -1, treated: 0.2, comparison: 0.2 },
      { month: 12, treated: 0.3, comparison: 0.25 },
    ]);
    expect(chart.points[1]).toEqual({ month: 12, treated: 30, comparison: 25 });
    expect(chart.top).toBeCloseTo(33);
    expect(chart.monthTicks.map((t) => t.label)).toEqual(['−12', '−6', '0', '+6', '+12', '+18', '+24']);
    expect(chart.valueTicks.map((t) => t.label)).toEqual(['0', '17']);
  });
});
