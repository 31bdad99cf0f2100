import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    const mentorId = (await t.as('coord').post('/api/mentors', { name: 'M', providerId: provider.id, phone: '1', qualifications: ['x'] })).json().id;
    await t.db.query(
      `with people as (
         insert into citizens (municipality_id, cpr, birth_date, name, gender)
         select $1, lpad((1000000 + i)::text, 10, '0'), date '1975-01-01' + (i % 3000), 'Borger ' || i, case when i % 2 = 0 then 'female' else 'male' end
         from generate_series(1, 1200) as i returning id
       ), facts as (
         select id, (id % 2 = 1) as long_spell,
           abs(('x' || substr(md5(id::text || 'treat'), 1, 8))::bit(32)::int) % 100 < (case when id % 2 = 1 then 70 else 20 end) as treated,
           abs(('x' || substr(md5(id::text || 'luck'), 1, 8))::bit(32)::int) % 100 as luck
         from people
       ), spells as (
         insert into target_group_spells (municipality_id, citizen_id, target_group, visitation, from_date)
         select $1, id, 'kontanthjaelp_aktivitetsparat', 'aktivitetsparat', date '2013-01-01' from facts returning citizen_id
       ), courses as (
         insert into grants (municipality_id, citizen_id, type, status, regime_id, refund_class, agreed_on, start_date, end_date, weekly_hours, goal, mentor_id, complaint_guidance)
         select $1, id, 'RET_OG_PLIGT', 'approved', 'LAB-2014', 'inside_frame', date '2015-02-23', date '2015-03-02', date '2015-09-01', 1.5, 'Mål', $2, true
         from facts where treated returning citizen_id
       ), prior as (
         insert into register_status_spells (municipality_id, citizen_id, category, from_week, to_week)
         select $1, id, 'CASH_BENEFIT_SAME', week_index(date '2014-03-03'), week_index(date '2015-03-01') from facts where long_spell returning citizen_id
       )
       insert into register_status_spells (municipality_id, citizen_id, category, from_week, to_week)
       select $1, id, 'ORDINARY_EMPLOYMENT', week_index(date '2015-09-28'), week_index(date '2015-10-26')
       from facts where luck < (case when long_spell then 10 else 40 end) + (case when treated then 20 else 0 end)`,
      [t.municipalityId, mentorId],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('recovers the known employment effect that the naive comparison misses, and explains it in Danish', async () => {
    const started = await t.as('boss').post('/api/analyses/effect', { type: 'RET_OG_PLIGT', firstStartFrom: '2015-01-01', firstStartTo: '2015-06-30', horizonMonths: 7 });
    expect(started.statusCode).toBe(202);
    const { id } = started.json();
    let analysis = (await t.as('boss').get(`/api/analyses/${id}`)).json();
    for (let i = 0; i < 100 && analysis.status === 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      analysis = (await t.as('boss').get(`/api/analyses/${id}`)).json();
    }
    expect(analysis.status).toBe('done');
    expect(analysis.results.map((r: { outcome: string }) => r.outcome)).toEqual(['employment', 'education', 'self_support', 'benefit_weeks_52']);
    const employment = analysis.results[0];
    expect(employment.confidenceInterval[0]).toBeLessThanOrEqual(0.2);
    expect(employment.confidenceInterval[1]).toBeGreaterThanOrEqual(0.2);
    expect(employment.naiveDifference).toBeLessThan(0.12);
    expect(employment.balance, JSON.stringify(employment.balance)).toBeDefined();
    expect(employment.maxAbsSmdAfter, JSON.stringify(employment.balance)).toBeLessThan(0.1);
    expect(employment.summary).toMatch(/^Borgere med mentor var [\d,]+ procentpoint oftere i job efter 7 måneder/);
  });

  it('answers 404 for an unknown analysis and 400 for a bad body', async () => {
    expect((await t.as('boss').get('/api/analyses/3f1f2c9e-1111-4222-8333-444455556666')).statusCode).toBe(404);
    expect((await t.as('boss').post('/api/analyses/effect', { type: 'RET_OG_PLIGT', firstStartFrom: '2015-01-01' })).statusCode).toBe(400);
  });
});
