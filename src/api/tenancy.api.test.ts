import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestMunicipality, openTestApp, type TestApp } from './test-app.ts';

/**
 * Story, 3 December 2026: two municipalities share one Mentorspor database. Kommune 1's staff know (or
 * guess) the ids of Kommune 2's citizen, mentor, provider and grant, and try to write through them.
 * Every attempt answers 404 like a missing id, and no row of either municipality points across (issue 10).
 */
describe('no write crosses municipalities (issue 10)', () => {
  let t: TestApp;
  const other = { citizen: 0, mentor: 0, provider: 0, grant: 0 };
  const own = { citizen: 0, mentor: 0, provider: 0, grant: 0 };

  const grantBody = (citizenId: number, mentorId: number | null) => ({
    citizenId,
    type: 'GENERAL',
    agreedOn: '2026-11-20',
    startDate: '2026-11-23',
    endDate: '2027-02-22',
    weeklyHours: 2,
    goal: 'Fastholdelse i praktik',
    tasks: ['Ugentlige møder'],
    mentorId,
    complaintGuidance: true,
    needAssessment: 'Behov for støtte i praktikken',
    citizenConsent: true,
  });

  async function setUp(cw: string, coord: string, cpr: string) {
    const provider = (await t.as(coord).post('/api/providers', { name: `Team ${cw}`, type: 'internal' })).json().id as number;
    const mentor = (
      await t
        .as(coord)
        .post('/api/mentors', { name: `Mentor ${cw}`, providerId: provider, phone: '1', qualifications: ['x'], weeklyCapacityHours: 10 })
    ).json().id as number;
    const citizen = (await t.as(cw).post('/api/citizens', { cpr, name: `Borger ${cw}` })).json().id as number;
    await t.as(cw).post(`/api/citizens/${citizen}/target-groups`, {
      group: 'kontanthjaelp_aktivitetsparat',
      visitation: 'aktivitetsparat',
      from: '2026-01-01',
    });
    const grant = (await t.as(cw).post('/api/grants', grantBody(citizen, mentor))).json().id as number;
    const approved = await t.as(cw).post(`/api/grants/${grant}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    return { citizen, mentor, provider, grant };
  }

  async function tableCounts(): Promise<Record<string, number>> {
    const tables = await t.db.query<{ table_name: string }>(
      `select table_name from information_schema.columns where column_name = 'municipality_id' and table_schema = current_schema() and table_name <> 'audit_log' order by 1`,
    );
    const counts: Record<string, number> = {};
    for (const { table_name } of tables) {
      const [row] = await t.db.query<{ n: number }>(`select count(*)::int as n from ${table_name}`);
      counts[table_name] = row!.n;
    }
    return counts;
  }

  beforeAll(async () => {
    t = await openTestApp({ now: new Date('2026-12-03T10:00:00Z') });
    await addTestMunicipality(t, 'k2', { cw2: 'caseworker', coord2: 'coordinator' });
    Object.assign(other, await setUp('cw2', 'coord2', '0202902345'));
    Object.assign(own, await setUp('cw', 'coord', '0101901234'));
  });
  afterAll(async () => {
    await t.close();
  });

  it("answers 404 to every write that names another municipality's row, and changes nothing", async () => {
    const before = await tableCounts();
    const attempts: [string, () => Promise<{ statusCode: number }>][] = [
      [
        'relation to their citizen',
        () => t.as('cw').post(`/api/citizens/${other.citizen}/mentor-relations`, { mentorId: own.mentor, reason: 'Nabo' }),
      ],
      [
        'relation to their mentor',
        () => t.as('cw').post(`/api/citizens/${own.citizen}/mentor-relations`, { mentorId: other.mentor, reason: 'Nabo' }),
      ],
      ['grant for their citizen', () => t.as('cw').post('/api/grants', grantBody(other.citizen, null))],
      ['grant with their mentor', () => t.as('cw').post('/api/grants', grantBody(own.citizen, other.mentor))],
      ['approve their grant', () => t.as('cw').post(`/api/grants/${other.grant}/approve`)],
      ['end their grant', () => t.as('cw').post(`/api/grants/${other.grant}/end`, { endDate: '2026-12-03', reason: 'PLANNED_END' })],
      [
        'contact on their grant',
        () =>
          t
            .as('cw')
            .post(`/api/grants/${other.grant}/contacts`, { at: '2026-12-01T09:00:00Z', minutes: 60, form: 'physical', attended: true }),
      ],
      [
        'assign their mentor to our grant',
        () => t.as('cw').post(`/api/grants/${own.grant}/mentor`, { mentorId: other.mentor, reason: 'Bedste match' }),
      ],
      [
        'offer to their citizen',
        () => t.as('cw').post(`/api/citizens/${other.citizen}/offers`, { type: 'virksomhedspraktik', startDate: '2026-12-07' }),
      ],
      [
        'profile of their citizen',
        () =>
          t.as('cw').put(`/api/citizens/${other.citizen}/matching-profile`, {
            postcode: '2650',
            language: 'da',
            barriers: [],
            preferredMentorGender: null,
          }),
      ],
      [
        'mentor under their provider',
        () =>
          t.as('coord').post('/api/mentors', {
            name: 'Snyder',
            providerId: other.provider,
            phone: '1',
            qualifications: ['x'],
            weeklyCapacityHours: 5,
          }),
      ],
      [
        'rate of their provider',
        () => t.as('coord').post(`/api/providers/${other.provider}/rates`, { hourlyRateKr: 1, validFrom: '2026-12-01' }),
      ],
      [
        'profile of their mentor',
        () => t.as('coord').put(`/api/mentors/${other.mentor}/matching-profile`, { postcode: '2650', gender: 'female' }),
      ],
    ];
    const answers = [];
    for (const [name, attempt] of attempts) answers.push([name, (await attempt()).statusCode]);
    expect(answers).toEqual(attempts.map(([name]) => [name, 404]));
    expect(await tableCounts()).toEqual(before);
  });

  it("reads none of another municipality's rows", async () => {
    for (const url of [
      `/api/citizens/${other.citizen}`,
      `/api/grants/${other.grant}`,
      `/api/grants/${other.grant}/contacts`,
      `/api/mentors/${other.mentor}`,
    ]) {
      expect([url, (await t.as('cw').get(url)).statusCode]).toEqual([url, 404]);
    }
    const citizens = (await t.as('cw').get('/api/citizens')).json();
    expect(JSON.stringify(citizens)).not.toContain('Borger cw2');
  });
});
