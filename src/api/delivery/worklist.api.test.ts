import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { switchOnRetOgPligt } from '../regime-test-helpers.ts';
import { openTestApp, type TestApp } from '../test-app.ts';

// Today in the test app is 24 Nov 2026.
describe('worklists per role', () => {
  let t: TestApp;
  let mentorId: number;
  let count = 0;

  async function citizen(): Promise<number> {
    count += 1;
    const c = (
      await t.as('cw').post('/api/citizens', { cpr: `${String(count).padStart(2, '0')}0388${1000 + count}`, name: `Borger ${count}` })
    ).json();
    await t.as('cw').post(`/api/citizens/${c.id}/target-groups`, {
      group: 'kontanthjaelp_aktivitetsparat',
      visitation: 'aktivitetsparat',
      from: '2020-01-01',
    });
    return c.id;
  }

  async function rop(citizenId: number, start: string, end: string, approve = true, mentor: number | null = mentorId): Promise<number> {
    const g = (
      await t.as('cw').post('/api/grants', {
        citizenId,
        type: 'RET_OG_PLIGT',
        agreedOn: start,
        startDate: start,
        endDate: end,
        weeklyHours: 2,
        goal: 'Mål',
        tasks: ['Møder'],
        mentorId: mentor,
        complaintGuidance: true,
        needAssessment: 'Vurdering',
      })
    ).json();
    if (approve) expect((await t.as('cw').post(`/api/grants/${g.id}/approve`)).statusCode).toBe(200);
    return g.id;
  }

  beforeAll(async () => {
    t = await openTestApp();
    // The 2026 ret-og-pligt periods below need the type switched on (R-REG-1) with the 2016 contact minimum.
    await switchOnRetOgPligt(t);
    const provider = (await t.as('coord').post('/api/providers', { name: 'Team', type: 'internal' })).json();
    mentorId = (
      await t
        .as('coord')
        .post('/api/mentors', { name: 'Mie Mentor', providerId: provider.id, phone: '1', qualifications: ['x'], weeklyCapacityHours: 3 })
    ).json().id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the caseworker periods ending soon, missing contact, hours shortfall and missing follow-up (R-ROP-4)', async () => {
    // Period 2 Jun – 1 Dec 2026 ends in 7 days; no contact logged since the start.
    const ending = await rop(await citizen(), '2026-06-02', '2026-12-01');
    // Period 1 Apr – 30 Sep 2026 ended without decision: overdue and, after 14 days, R-ROP-4.
    const overdue = await rop(await citizen(), '2026-04-01', '2026-09-30');
    const worklist = (await t.as('cw').get('/api/worklist')).json();
    const kinds = (grantId: number) =>
      worklist.items.filter((i: { grantId: number }) => i.grantId === grantId).map((i: { kind: string }) => i.kind);
    expect(kinds(ending)).toEqual(expect.arrayContaining(['period_ending', 'contact_missing', 'hours_shortfall']));
    expect(kinds(overdue)).toEqual(expect.arrayContaining(['decision_overdue', 'follow_up_missing']));
    expect(worklist.items.find((i: { kind: string }) => i.kind === 'follow_up_missing').rule).toBe('R-ROP-4');
  });

  it('R-ROP-4 is cleared by a ret-og-pligt offer starting within the grace period', async () => {
    const citizenId = await citizen();
    const grantId = await rop(citizenId, '2026-03-02', '2026-09-01');
    await t.as('cw').post(`/api/grants/${grantId}/end`, { endDate: '2026-09-01', reason: 'PLANNED_END' });
    const before = (await t.as('cw').get('/api/worklist')).json().items.filter((i: { grantId: number }) => i.grantId === grantId);
    expect(before.map((i: { kind: string }) => i.kind)).toEqual(['follow_up_missing']);
    expect(
      (await t.as('cw').post(`/api/citizens/${citizenId}/offers`, { type: 'virksomhedspraktik', startDate: '2026-09-07' })).statusCode,
    ).toBe(201);
    const after = (await t.as('cw').get('/api/worklist')).json().items.filter((i: { grantId: number }) => i.grantId === grantId);
    expect(after).toEqual([]);
  });

  it('shows the coordinator grants without a mentor and mentors over capacity', async () => {
    await rop(await citizen(), '2026-11-02', '2027-05-01', false, null);
    // A second active 2-hour grant for Mie (1 Oct 2026 –) puts her at 4 hours against 3.
    await rop(await citizen(), '2026-10-01', '2027-03-31');
    const worklist = (await t.as('coord').get('/api/worklist')).json();
    const kinds = worklist.items.map((i: { kind: string }) => i.kind);
    expect(kinds).toContain('grant_without_mentor');
    expect(worklist.items.find((i: { kind: string }) => i.kind === 'mentor_over_capacity')).toMatchObject({ mentorId });
  });

  it('shows a mentor their citizens and the contacts due this week', async () => {
    await t.createUser('mie', 'mentor', mentorId);
    const worklist = (await t.as('mie').get('/api/worklist')).json();
    const kinds = new Set(worklist.items.map((i: { kind: string }) => i.kind));
    // measurement_due (issue 5 point 5): the course's baseline progression measurement is not recorded yet.
    expect([...kinds].sort()).toEqual(['contact_due', 'measurement_due', 'my_citizen']);
  });

  it('rejects an offer with an unknown type', async () => {
    const citizenId = await citizen();
    expect((await t.as('cw').post(`/api/citizens/${citizenId}/offers`, { type: 'kaffe', startDate: '2026-09-07' })).statusCode).toBe(400);
  });
});
