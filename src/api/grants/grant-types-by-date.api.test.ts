import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerTestMentor } from '../test-factories.ts';
import { openTestApp, type TestApp } from '../test-app.ts';

type Finding = { rule: string; severity: string; source: string };

/** Issue 13: mentor types by agreement date (R-REG-1) and the § 167 stk. 3 youth-education mentor (R-YED). */
describe('mentor types by agreement date', () => {
  let t: TestApp;
  let mentorId: number;
  let aktivitetsparat: number;

  beforeAll(async () => {
    t = await openTestApp();
    mentorId = await registerTestMentor(t, 'Mie Mentor');
    aktivitetsparat = (await t.as('cw').post('/api/citizens', { cpr: '0303851234', name: 'Anna Aktiv' })).json().id;
    await t.as('cw').post(`/api/citizens/${aktivitetsparat}/target-groups`, {
      group: 'kontanthjaelp_aktivitetsparat',
      visitation: 'aktivitetsparat',
      from: '2014-01-01',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const retOgPligt = (agreedOn: string, startDate: string, endDate: string) => ({
    citizenId: aktivitetsparat,
    type: 'RET_OG_PLIGT',
    agreedOn,
    startDate,
    endDate,
    weeklyHours: 2,
    goal: 'Struktur i hverdagen',
    tasks: ['Møder hver anden uge'],
    mentorId,
    complaintGuidance: true,
    needAssessment: 'Personlige forhold forhindrer et tilbud',
  });

  it('grants a 2016 ret-og-pligt mentor (LAB-2016, contact every second week) and approves it', async () => {
    // 1 Feb 2016: aktivitetsparat cash-benefit recipient, ret-og-pligt mentor for 6 months.
    const grant = (await t.as('cw').post('/api/grants', retOgPligt('2016-02-01', '2016-02-01', '2016-07-31'))).json();
    expect(grant.regime).toBe('LAB-2016');
    expect(grant.findings.filter((f: Finding) => f.severity === 'error')).toEqual([]);
    expect((await t.as('cw').post(`/api/grants/${grant.id}/approve`)).statusCode).toBe(200);
    // Contact every second week (weeks 1, 3, 5 …) satisfies R-ROP-5 under LAB-2016.
    for (let week = 0; week < 26; week += 2) {
      const day = new Date(Date.UTC(2016, 1, 2 + week * 7)).toISOString().slice(0, 10);
      expect(
        (
          await t
            .as('cw')
            .post(`/api/grants/${grant.id}/contacts`, { at: `${day}T10:00:00Z`, minutes: 60, form: 'physical', attended: true })
        ).statusCode,
      ).toBe(201);
    }
    const compliance = (await t.as('cw').get(`/api/grants/${grant.id}/compliance?asOf=2016-07-31`)).json();
    expect(compliance.findings.map((f: Finding) => f.rule)).not.toContain('R-ROP-5');
  });

  it('refuses to approve a 2021 ret-og-pligt mentor with R-REG-1 and its source; the wizard is not offered the type', async () => {
    const check = (await t.as('cw').post('/api/grants/check', retOgPligt('2021-03-01', '2021-03-01', '2021-08-31'))).json();
    expect(check.regime).toBe('LAB-2020');
    expect(check.offeredTypes).not.toContain('RET_OG_PLIGT');
    expect(check.offeredTypes).toContain('GENERAL');
    const reg = check.findings.find((f: Finding) => f.rule === 'R-REG-1');
    expect(reg).toMatchObject({ severity: 'error', source: expect.stringContaining('kapitel 26') });
    const draft = (await t.as('cw').post('/api/grants', retOgPligt('2021-03-01', '2021-03-01', '2021-08-31'))).json();
    const approve = await t.as('cw').post(`/api/grants/${draft.id}/approve`);
    expect(approve.statusCode).toBe(422);
    expect(approve.json().error.details.findings.map((f: Finding) => f.rule)).toContain('R-REG-1');
  });

  it('lets an admin switch the ret-og-pligt mentor on for LAB-2020 only with a recorded reason, audited; then a 2021 grant is approved', async () => {
    const lab2020 = (await t.as('admin').get('/api/regimes')).json().regimes.find((r: { id: string }) => r.id === 'LAB-2020');
    const offered = [...lab2020.parameters.offeredGrantTypes, 'RET_OG_PLIGT'];
    const withoutReason = await t.as('admin').put('/api/regimes/LAB-2020', {
      validFrom: lab2020.validFrom,
      validTo: lab2020.validTo,
      parameters: { ...lab2020.parameters, offeredGrantTypes: offered },
    });
    expect(withoutReason.statusCode).toBe(400);
    expect(withoutReason.json().error.details.rule).toBe('R-REG-1');
    const switched = await t.as('admin').put('/api/regimes/LAB-2020', {
      validFrom: lab2020.validFrom,
      validTo: lab2020.validTo,
      parameters: {
        ...lab2020.parameters,
        offeredGrantTypes: offered,
        offeredGrantTypesReason: 'Juridisk vurdering 2026-12: historiske sager fra 2021',
      },
    });
    expect(switched.statusCode).toBe(200);
    const audit = await t.db.query<{ username: string; criterion: string }>(
      `select username, criterion from audit_log where entity = 'legal_regime' order by id`,
    );
    expect(audit.at(-1)).toEqual({
      username: 'admin',
      criterion: 'regime:LAB-2020; R-REG-1 RET_OG_PLIGT switched on: Juridisk vurdering 2026-12: historiske sager fra 2021',
    });

    const grant = (await t.as('cw').post('/api/grants', retOgPligt('2021-03-01', '2021-03-01', '2021-08-31'))).json();
    expect(grant.findings.map((f: Finding) => f.rule)).not.toContain('R-REG-1');
    expect((await t.as('cw').post(`/api/grants/${grant.id}/approve`)).statusCode).toBe(200);
    await t
      .as('admin')
      .put('/api/regimes/LAB-2020', { validFrom: lab2020.validFrom, validTo: lab2020.validTo, parameters: lab2020.parameters });
  });

  it('grants a 2026 youth-education mentor to a 24-year-old kontanthjælp recipient without education who starts education, under § 167 stk. 3', async () => {
    // Since 1 Jul 2025 uddannelseshjælp is kontanthjælp: § 6 nr. 4 = uddannelsesparat under 30 without education.
    const sara = (await t.as('cw').post('/api/citizens', { cpr: '1506024234', name: 'Sara Ung' })).json().id;
    await t.as('cw').post(`/api/citizens/${sara}/target-groups`, {
      group: 'uddannelseshjaelp_uddannelsesparat',
      visitation: 'uddannelsesparat',
      from: '2025-07-01',
    });
    // 12 Aug 2026: admitted to a vocational education starting 17 Aug; mentor for the first months.
    const body = {
      citizenId: sara,
      type: 'YOUTH_EDUCATION',
      agreedOn: '2026-08-12',
      startDate: '2026-08-17',
      endDate: '2027-02-16',
      admissionDate: '2026-08-17',
      weeklyHours: 2,
      goal: 'At gennemføre første semester',
      tasks: ['Støtte ved fravær'],
      mentorId,
      complaintGuidance: true,
      needAssessment: 'Har brug for støtte ved overgangen til uddannelse',
      citizenConsent: true,
    };
    const check = (await t.as('cw').post('/api/grants/check', body)).json();
    expect(check.offeredTypes).toContain('YOUTH_EDUCATION');
    expect(check.findings).toEqual([]);
    const grant = (await t.as('cw').post('/api/grants', body)).json();
    expect(grant.regime).toBe('REFORM-2026a');
    expect((await t.as('cw').post(`/api/grants/${grant.id}/approve`)).statusCode).toBe(200);
    const agreement = (await t.as('cw').get(`/api/grants/${grant.id}/agreement`)).json();
    expect(JSON.stringify(agreement)).toContain('LAB § 167, stk. 3');
    // Starting 8 months after admission is no longer the right (R-YED-2 warning).
    const late = (
      await t.as('cw').post('/api/grants/check', { ...body, agreedOn: '2026-12-01', startDate: '2027-04-19', endDate: '2027-10-18' })
    ).json();
    expect(late.findings.map((f: Finding) => f.rule)).toContain('R-YED-2');
  });
});
