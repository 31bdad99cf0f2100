import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from './test-app.ts';

/**
 * The everyday reads and small writes that the larger stories pass by (issue 10: every route's success
 * answer is documented and checked against its schema by test-app.ts). 4 December 2026, a new team.
 */
describe('everyday reads and small writes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp({ now: new Date('2026-12-04T09:00:00Z') });
  });
  afterAll(async () => {
    await t.close();
  });

  it('tells the login page that passwords are used (no single sign-on configured)', async () => {
    const options = await t.app.inject({ method: 'GET', url: '/api/auth/config' });
    expect(options.json()).toEqual({ singleSignOn: false });
  });

  it('tells a logged-in caseworker who they are', async () => {
    const me = await t.as('cw').get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ username: 'cw', role: 'caseworker' });
  });

  it('lists the providers and mentors a coordinator has added, and stores a mentor’s matching profile', async () => {
    const provider = (await t.as('coord').post('/api/providers', { name: 'Broen ApS', type: 'external' })).json();
    const mentor = (
      await t.as('coord').post('/api/mentors', {
        name: 'Yasmin Holm',
        providerId: provider.id,
        phone: '12345678',
        qualifications: ['Coaching'],
        weeklyCapacityHours: 20,
      })
    ).json();
    const providers = (await t.as('coord').get('/api/providers')).json().providers;
    expect(providers.map((p: { name: string }) => p.name)).toContain('Broen ApS');
    expect((await t.as('coord').put(`/api/mentors/${mentor.id}/matching-profile`, { postcode: '2650', gender: 'female' })).statusCode).toBe(
      204,
    );
    const mentors = (await t.as('coord').get('/api/mentors')).json().mentors;
    expect(mentors.find((m: { id: number }) => m.id === mentor.id)).toMatchObject({ name: 'Yasmin Holm', providerId: provider.id });
  });

  it('lists a citizen’s offers', async () => {
    const citizen = (await t.as('cw').post('/api/citizens', { cpr: '0505905555', name: 'Tilbud Test' })).json();
    expect(
      (await t.as('cw').post(`/api/citizens/${citizen.id}/offers`, { type: 'virksomhedspraktik', startDate: '2026-11-02' })).statusCode,
    ).toBe(201);
    const offers = (await t.as('cw').get(`/api/citizens/${citizen.id}/offers`)).json().offers;
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({ type: 'virksomhedspraktik', startDate: '2026-11-02' });
  });

  it('reads one progression instrument, and saves a changed survey as a new version', async () => {
    const { instruments } = (await t.as('coord').get('/api/instruments')).json();
    expect(instruments.length).toBeGreaterThan(0);
    const one = await t.as('coord').get(`/api/instruments/${instruments[0].id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: instruments[0].id, key: instruments[0].key });
    const survey = (await t.as('coord').get('/api/surveys/citizen_end')).json();
    const saved = await t.as('coord').put('/api/surveys/citizen_end', { questions: survey.questions.slice(0, 3) });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: survey.version + 1 });
    expect(saved.json().questions).toHaveLength(3);
  });
});
