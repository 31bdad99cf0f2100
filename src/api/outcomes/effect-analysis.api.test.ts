import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSimulatedRegisters } from '../../db/test-fixtures/seed-simulated-registers.ts';
import { effectSentence } from '../../domain/effect-words.ts';
import type { AnalysisJob } from '../../use-cases/run-effect-analysis.ts';
import { registerTestMentor } from '../test-factories.ts';
import { openTestApp, type TestApp } from '../test-app.ts';

/**
 * Simulated registers with a known effect (seed-simulated-registers.ts): 1,200 aktivitetsparat citizens;
 * half were on benefit all of the prior year ("long spell"). Long-spell citizens get a mentor far more often
 * and find jobs less often. Mentor support (from 2 Mar 2015) raises the chance of a job from month 4 on by
 * 30 points for those under 30 and 10 for those 30 and over (about 20 on average); before the start the
 * groups worked alike.
 */
describe('in-app effect analysis with risk-set matching (issue 6 point 3)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
    const mentorId = await registerTestMentor(t);
    await seedSimulatedRegisters(t.db, { municipalityId: t.municipalityId, mentorId });
  });
  afterAll(async () => {
    await t.close();
  });

  let analysis: AnalysisJob;

  it('recovers the known employment effect that the naive comparison misses, and explains it in Danish', async () => {
    const started = await t
      .as('boss')
      .post('/api/analyses/effect', { type: 'RET_OG_PLIGT', firstStartFrom: '2015-01-01', firstStartTo: '2015-06-30', horizonMonths: 7 });
    expect(started.statusCode).toBe(202);
    const { id } = started.json();
    analysis = (await t.as('boss').get(`/api/analyses/${id}`)).json();
    for (let i = 0; i < 100 && analysis.status === 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      analysis = (await t.as('boss').get(`/api/analyses/${id}`)).json();
    }
    expect(analysis.status).toBe('done');
    expect(analysis.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'employment',
      'education',
      'self_support',
      'benefit_weeks_52',
    ]);
    const employment = analysis.results[0]!;
    expect(employment.confidenceInterval[0]).toBeLessThanOrEqual(0.2);
    expect(employment.confidenceInterval[1]).toBeGreaterThanOrEqual(0.2);
    expect(employment.naiveDifference).toBeLessThan(0.12);
    expect(employment.balance, JSON.stringify(employment.balance)).toBeDefined();
    expect(employment.maxAbsSmdAfter, JSON.stringify(employment.balance)).toBeLessThan(0.1);
    // Codes and numbers from the server; the words from domain/effect-words.ts (issue 15).
    expect(employment).not.toHaveProperty('summary');
    const [ciLow, ciHigh] = employment.confidenceInterval;
    expect(effectSentence('da', { outcome: 'employment', estimate: employment.estimate, ciLow, ciHigh, horizonMonths: 7 })).toMatch(
      /^Borgere med mentor kom oftere i job efter 7 måneder: \+[\d,]+ procentpoint \([\d,]+ til [\d,]+\)\.$/,
    );
  });

  it('shows month by month no difference before the start and the effect from month 4 on (event time)', () => {
    const employment = analysis.results[0]!;
    expect(employment.eventTime.map((p) => p.month)).toEqual(Array.from({ length: 37 }, (_, k) => k - 12));
    const gap = (m: number) => {
      const p = employment.eventTime.find((x) => x.month === m)!;
      return p.treated - p.comparison;
    };
    // Months −9…−3: 40 % of the short-spell citizens worked; the matched groups did so alike.
    for (let m = -12; m <= 3; m += 1) expect(Math.abs(gap(m)), `month ${m}`).toBeLessThan(0.05);
    expect(employment.eventTime.find((x) => x.month === -5)!.treated).toBeGreaterThan(0.03);
    for (const m of [4, 7, 12, 24]) expect(gap(m), `month ${m}`).toBeGreaterThan(0.1);
  });

  it('finds no difference before the start (placebo covers 0) and gives the effect at 3, 7, 12 and 24 months', () => {
    const employment = analysis.results[0]!;
    expect(employment.placebo!.ciLow).toBeLessThanOrEqual(0);
    expect(employment.placebo!.ciHigh).toBeGreaterThanOrEqual(0);
    expect(employment.warnings.map((w) => w.code)).not.toContain('PLACEBO_EXCLUDES_ZERO');
    expect(employment.horizons.map((h) => h.months)).toEqual([3, 7, 12, 24]);
    const at = (m: number) => employment.horizons.find((h) => h.months === m)!;
    expect(at(3).ciLow).toBeLessThanOrEqual(0);
    expect(at(3).ciHigh).toBeGreaterThanOrEqual(0);
    for (const m of [7, 12, 24]) expect(at(m).ciLow).toBeGreaterThan(0);
  });

  it('shows the larger effect for those under 30 (+30 points) than for those 30 and over (+10)', () => {
    const groups = analysis.results[0]!.subgroups;
    expect(groups.map((g) => g.key)).toEqual([
      'age:under30',
      'age:30plus',
      'targetGroup:kontanthjaelp_aktivitetsparat',
      'gender:female',
      'gender:male',
    ]);
    const young = groups.find((g) => g.key === 'age:under30')!;
    const older = groups.find((g) => g.key === 'age:30plus')!;
    expect(young.label).toBe('Under 30 år');
    expect(young.nTreated).toBeGreaterThan(100);
    expect(young.ciLow!).toBeLessThanOrEqual(0.3);
    expect(young.ciHigh!).toBeGreaterThanOrEqual(0.3);
    expect(older.ciLow!).toBeLessThanOrEqual(0.1);
    expect(older.ciHigh!).toBeGreaterThanOrEqual(0.1);
    expect(young.estimate!).toBeGreaterThan(older.estimate! + 0.1);
  });

  it('answers 404 for an unknown analysis and 400 for a bad body', async () => {
    expect((await t.as('boss').get('/api/analyses/3f1f2c9e-1111-4222-8333-444455556666')).statusCode).toBe(404);
    expect((await t.as('boss').post('/api/analyses/effect', { type: 'RET_OG_PLIGT', firstStartFrom: '2015-01-01' })).statusCode).toBe(400);
  });
});
