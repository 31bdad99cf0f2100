import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../test-app.ts';

describe('matching a mentor to a grant', () => {
  let t: TestApp;
  const mentors: Record<string, number> = {};
  let citizenId: number;
  let grantId: number;

  beforeAll(async () => {
    t = await openTestApp();
    const provider = (await t.as('coord').post('/api/providers', { name: 'Team', type: 'internal' })).json();
    const make = async (name: string, body: Record<string, unknown>) => {
      mentors[name] = (
        await t
          .as('coord')
          .post('/api/mentors', { name, providerId: provider.id, phone: '1', qualifications: ['x'], weeklyCapacityHours: 10, ...body })
      ).json().id;
    };
    await make('Aisha', { specialties: ['angst'], languages: ['da', 'ar'] });
    await make('Bo', { specialties: ['angst'], languages: ['da'] });
    await make('Carla', { specialties: ['angst'], languages: ['da', 'ar'], hasAuthorityRole: true });
    await make('Dina', { specialties: ['angst', 'PTSD'], languages: ['da', 'ar'] });
    await t.as('coord').put(`/api/mentors/${mentors.Aisha}/matching-profile`, { postcode: '2650', gender: 'female' });
    await t.as('coord').put(`/api/mentors/${mentors.Dina}/matching-profile`, { postcode: '8000', gender: 'female' });
    // Nov 2026: a citizen with anxiety who speaks Arabic, living in 2650 Hvidovre; Dina is her aunt.
    citizenId = (await t.as('cw').post('/api/citizens', { cpr: '0101901234', name: 'Nour' })).json().id;
    await t.as('cw').post(`/api/citizens/${citizenId}/target-groups`, {
      group: 'kontanthjaelp_aktivitetsparat',
      visitation: 'aktivitetsparat',
      from: '2020-01-01',
    });
    await t.as('cw').put(`/api/citizens/${citizenId}/matching-profile`, {
      postcode: '2650',
      language: 'ar',
      barriers: ['angst'],
      preferredMentorGender: null,
    });
    await t.as('cw').post(`/api/citizens/${citizenId}/mentor-relations`, { mentorId: mentors.Dina, reason: 'Moster' });
    grantId = (
      await t.as('cw').post('/api/grants', {
        citizenId,
        type: 'RET_OG_PLIGT',
        agreedOn: '2026-11-20',
        startDate: '2026-11-23',
        endDate: '2027-05-22',
        weeklyHours: 2,
        goal: 'Mål',
        tasks: ['Møder'],
        mentorId: null,
        complaintGuidance: true,
        needAssessment: 'Vurdering',
      })
    ).json().id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads back the citizen’s matching profile', async () => {
    const profile = (await t.as('cw').get(`/api/citizens/${citizenId}/matching-profile`)).json();
    expect(profile).toEqual({ postcode: '2650', language: 'ar', barriers: ['angst'], preferredMentorGender: null });
  });

  it('proposes mentors with hard constraints first and the reasons shown', async () => {
    const { proposals } = (await t.as('cw').get(`/api/grants/${grantId}/mentor-proposals`)).json();
    expect(proposals[0]).toMatchObject({ mentorId: mentors.Aisha, eligible: true });
    const byId = Object.fromEntries(proposals.map((p: { mentorId: number }) => [p.mentorId, p]));
    expect(byId[mentors.Bo!].reasons.join(' ')).toContain('taler ikke ar');
    expect(byId[mentors.Carla!].reasons.join(' ')).toContain('myndighedsrolle');
    expect(byId[mentors.Dina!].reasons.join(' ')).toContain('relation');
  });

  it('records the caseworker’s choice with a reason, refuses an excluded mentor and a missing reason', async () => {
    const refused = await t.as('cw').post(`/api/grants/${grantId}/mentor`, { mentorId: mentors.Dina, reason: 'Kender familien' });
    expect(refused.statusCode).toBe(409);
    expect((await t.as('cw').post(`/api/grants/${grantId}/mentor`, { mentorId: mentors.Aisha, reason: '' })).statusCode).toBe(400);
    const chosen = await t
      .as('cw')
      .post(`/api/grants/${grantId}/mentor`, { mentorId: mentors.Aisha, reason: 'Taler arabisk og bor tæt på' });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json()).toMatchObject({ mentorId: mentors.Aisha, mentorName: 'Aisha' });
    const [row] = await t.db.query<{ reason: string }>('select reason from mentor_assignments where grant_id = $1', [grantId]);
    expect(row?.reason).toBe('Taler arabisk og bor tæt på');
  });
});
