import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../test-app.ts';

/** Issue 14: a coordinator corrects a mentor — strictly validated, audited, closed to other roles. */
describe('editing a mentor', () => {
  let t: TestApp;
  let mentorId: number;
  let externalProviderId: number;
  beforeAll(async () => {
    t = await openTestApp();
    const internal = (await t.as('coord').post('/api/providers', { name: 'Jobcentrets mentorteam', type: 'internal' })).json();
    externalProviderId = (await t.as('coord').post('/api/providers', { name: 'Mentorhuset ApS', type: 'external', hourlyRate: 425 })).json()
      .id;
    mentorId = (
      await t.as('coord').post('/api/mentors', {
        name: 'Ole Olsen',
        providerId: internal.id,
        specialties: ['misbrug'],
        weeklyCapacityHours: 10,
      })
    ).json().id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('changes name, provider (and so the type), specialties and capacity, and audits the change', async () => {
    // 1 Dec 2026: Ole moves to Mentorhuset and takes on psychiatry cases, 15 hours a week.
    const response = await t.as('coord').patch(`/api/mentors/${mentorId}`, {
      name: '  Ole Holm Olsen ',
      providerId: externalProviderId,
      specialties: ['misbrug', ' psykiatri', 'misbrug'],
      weeklyCapacityHours: 15,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: mentorId,
      name: 'Ole Holm Olsen',
      providerName: 'Mentorhuset ApS',
      providerType: 'external',
      specialties: ['misbrug', 'psykiatri'],
      weeklyCapacityHours: 15,
      active: true,
    });
    const listed = (await t.as('cw').get('/api/mentors')).json().mentors.find((m: { id: number }) => m.id === mentorId);
    expect(listed).toMatchObject({ name: 'Ole Holm Olsen', weeklyCapacityHours: 15 });
    const audit = (await t.as('admin').get('/api/audit?action=update')).json().entries as {
      entity: string;
      criterion: string;
      username: string;
    }[];
    expect(audit[0]).toMatchObject({
      username: 'coord',
      entity: 'mentor',
      criterion: `mentor:${mentorId} name,providerId,specialties,weeklyCapacityHours`,
    });
  });

  it('refuses unknown fields, wrong types, an empty name, an empty body and an unknown provider', async () => {
    const refused: [unknown, number][] = [
      [{ type: 'external' }, 400],
      [{ weeklyCapacityHours: '15' }, 400],
      [{ weeklyCapacityHours: 81 }, 400],
      [{ active: 'no' }, 400],
      [{ name: '   ' }, 400],
      [{ specialties: ['misbrug', ' '] }, 400],
      [{ email: 'ole-at-mentorhuset' }, 400],
      [{}, 400],
      [{ providerId: 999_999 }, 404],
    ];
    for (const [body, status] of refused) {
      const response = await t.as('coord').patch(`/api/mentors/${mentorId}`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
    }
    const unchanged = (await t.as('coord').get('/api/mentors')).json().mentors.find((m: { id: number }) => m.id === mentorId);
    expect(unchanged).toMatchObject({ name: 'Ole Holm Olsen', providerType: 'external', weeklyCapacityHours: 15 });
  });

  it('answers 404 for a mentor that does not exist and 403 to a caseworker', async () => {
    expect((await t.as('coord').patch('/api/mentors/999999', { active: false })).statusCode).toBe(404);
    expect((await t.as('cw').patch(`/api/mentors/${mentorId}`, { active: false })).statusCode).toBe(403);
  });

  it('keeps a mentor with a running approved grant active, and deactivates one without', async () => {
    const citizen = (await t.as('cw').post('/api/citizens', { cpr: '0101901234', name: 'Anna Holm' })).json();
    const [grant] = await t.db.query<{ id: number }>(
      `insert into grants (municipality_id, citizen_id, type, status, regime_id, refund_class, agreed_on, start_date, end_date, weekly_hours, mentor_id)
       values ($1, $2, 'GENERAL', 'approved', 'REFORM-2026a', 'inside_frame', '2026-01-01', '2026-01-05', '2099-12-31', 2, $3) returning id`,
      [t.municipalityId, citizen.id, mentorId],
    );
    const refused = await t.as('coord').patch(`/api/mentors/${mentorId}`, { active: false });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toMatchObject({ reason: 'MENTOR_HAS_RUNNING_GRANTS', runningGrants: 1 });
    // The grant ends; now Ole can stop.
    await t.db.query(`update grants set status = 'ended', actual_end_date = '2026-11-30', end_reason = 'JOB' where id = $1`, [grant!.id]);
    const ok = await t.as('coord').patch(`/api/mentors/${mentorId}`, { active: false });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().active).toBe(false);
  });
});
