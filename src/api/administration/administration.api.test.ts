import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../test-app.ts';

describe('legal regimes and settings as data (issue 2 point 2)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the seven regimes by validity, the 2027 act last as a draft', async () => {
    const regimes = (await t.as('cw').get('/api/regimes')).json().regimes as { id: string; validFrom: string }[];
    expect(regimes.map((r) => r.id)).toEqual(['LAB-2014', 'LAB-2016', 'LAB-2019', 'LAB-2020', 'KH-2025', 'REFORM-2026a', 'ACT-2027']);
  });

  it('lets an admin change a parameter, which the rules then use', async () => {
    const lab2014 = (await t.as('admin').get('/api/regimes')).json().regimes[0];
    const changed = await t.as('admin').put('/api/regimes/LAB-2014', {
      validFrom: lab2014.validFrom,
      validTo: lab2014.validTo,
      parameters: { ...lab2014.parameters, retOgPligtPeriodMonths: 4 },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().parameters.retOgPligtPeriodMonths).toBe(4);
    // A 4-month ret-og-pligt period agreed in 2015 no longer breaks R-ROP-2.
    const provider = (await t.as('coord').post('/api/providers', { name: 'Team', type: 'internal' })).json();
    const mentor = (
      await t.as('coord').post('/api/mentors', { name: 'M', providerId: provider.id, phone: '1', qualifications: ['x'] })
    ).json();
    const citizen = (await t.as('cw').post('/api/citizens', { cpr: '0101801234', name: 'A' })).json();
    await t.as('cw').post(`/api/citizens/${citizen.id}/target-groups`, {
      group: 'kontanthjaelp_aktivitetsparat',
      visitation: 'aktivitetsparat',
      from: '2014-01-01',
    });
    const check = await t.as('cw').post('/api/grants/check', {
      citizenId: citizen.id,
      type: 'RET_OG_PLIGT',
      agreedOn: '2015-02-23',
      startDate: '2015-03-02',
      endDate: '2015-07-01',
      weeklyHours: 1,
      goal: 'Mål',
      tasks: ['Opgave'],
      mentorId: mentor.id,
      complaintGuidance: true,
      needAssessment: 'Vurdering',
    });
    expect(check.json().findings.map((f: { rule: string }) => f.rule)).not.toContain('R-ROP-2');
    await t
      .as('admin')
      .put('/api/regimes/LAB-2014', { validFrom: lab2014.validFrom, validTo: lab2014.validTo, parameters: lab2014.parameters });
  });

  it('rejects invalid parameters with 400 and the list of problems, and changes nothing', async () => {
    const lab2016 = (await t.as('admin').get('/api/regimes')).json().regimes[1];
    const bad = await t.as('admin').put('/api/regimes/LAB-2016', {
      validFrom: lab2016.validFrom,
      validTo: lab2016.validTo,
      parameters: { ...lab2016.parameters, refundRate: 1.5, surprise: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.errors).toEqual(
      expect.arrayContaining(['refundRate must be between 0 and 1', "unknown parameter 'surprise'"]),
    );
    const after = (await t.as('admin').get('/api/regimes')).json().regimes[1];
    expect(after.parameters.refundRate).toBe(0.5);
  });

  it('refuses overlapping validity with 409 and other roles with 403', async () => {
    const lab2016 = (await t.as('admin').get('/api/regimes')).json().regimes[1];
    const overlap = await t
      .as('admin')
      .put('/api/regimes/LAB-2016', { validFrom: '2015-06-01', validTo: lab2016.validTo, parameters: lab2016.parameters });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.details.overlaps).toBe('LAB-2014');
    const forbidden = await t
      .as('cw')
      .put('/api/regimes/LAB-2016', { validFrom: lab2016.validFrom, validTo: lab2016.validTo, parameters: lab2016.parameters });
    expect(forbidden.statusCode).toBe(403);
  });

  it('lets an admin switch the municipality to 26-week months, validated', async () => {
    const ok = await t.as('admin').put('/api/municipality/settings', { monthConvention: 'weeks26' });
    expect(ok.json().monthConvention).toBe('weeks26');
    const bad = await t.as('admin').put('/api/municipality/settings', { monthConvention: 'lunar' });
    expect(bad.statusCode).toBe(400);
    expect((await t.as('cw').get('/api/municipality/settings')).json().monthConvention).toBe('weeks26');
  });
});
