import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSimulatedRegisters } from '../../db/test-fixtures/seed-simulated-registers.ts';
import { effectSentence } from '../../domain/effect-words.ts';
import { openTestApp, type TestApp } from '../test-app.ts';

/**
 * Simulated registers with a known effect: 1,200 aktivitetsparat citizens; half were on benefit all of
 * the prior year ("long spell"). Long-spell citizens get a mentor far more often and find jobs less
 * often. Mentor support (from 2 Mar 2015) raises the chance of a job 7 months later by 20 points.
 */
describe('in-app effect analysis with risk-set matching (issue 6 point 3)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
    const provider = (await t.as('coord').post('/api/providers', { name: 'Team', type: 'internal' })).json();
    const mentorId = (
      await t.as('coord').post('/api/mentors', { name: 'M', providerId: provider.id, phone: '1', qualifications: ['x'] })
    ).json().id;
    await seedSimulatedRegisters(t.db, { municipalityId: t.municipalityId, mentorId });
  });
  afterAll(async () => {
    await t.close();
  });

  it('recovers the known employment effect that the naive comparison misses, and explains it in Danish', async () => {
    const started = await t
      .as('boss')
      .post('/api/analyses/effect', { type: 'RET_OG_PLIGT', firstStartFrom: '2015-01-01', firstStartTo: '2015-06-30', horizonMonths: 7 });
    expect(started.statusCode).toBe(202);
    const { id } = started.json();
    let analysis = (await t.as('boss').get(`/api/analyses/${id}`)).json();
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
    const employment = analysis.results[0];
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

  it('answers 404 for an unknown analysis and 400 for a bad body', async () => {
    expect((await t.as('boss').get('/api/analyses/3f1f2c9e-1111-4222-8333-444455556666')).statusCode).toBe(404);
    expect((await t.as('boss').post('/api/analyses/effect', { type: 'RET_OG_PLIGT', firstStartFrom: '2015-01-01' })).statusCode).toBe(400);
  });
});
