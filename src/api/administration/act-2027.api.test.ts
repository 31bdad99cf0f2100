import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerTestMentor } from '../test-factories.ts';
import { openTestApp, type TestApp } from '../test-app.ts';

type Finding = { rule: string; severity: string };
type ReportRow = { grantId: number; changes: { kind: string; rule: string }[] };

// Today in the test app is 24 Nov 2026; the new main act is expected on 1 Jan 2027 (law update §3).
describe('the 2027 act as a draft regime (R-REG-2, R-REG-3)', () => {
  let t: TestApp;
  let mentorId: number;
  let count = 0;
  const ids = {} as Record<'youthCitizen' | 'aktivCitizen' | 'dagpengeCitizen' | 'youth' | 'aktiv' | 'dagpenge' | 'short', number>;

  async function citizen(cpr: string, group: string, visitation: string | null): Promise<number> {
    const c = (await t.as('cw').post('/api/citizens', { cpr, name: `Borger ${++count}` })).json();
    await t.as('cw').post(`/api/citizens/${c.id}/target-groups`, { group, visitation, from: '2025-07-01' });
    return c.id;
  }
  const body = (
    citizenId: number,
    type: string,
    agreedOn: string,
    startDate: string,
    endDate: string,
    extra: Record<string, unknown> = {},
  ) => ({
    citizenId,
    type,
    agreedOn,
    startDate,
    endDate,
    weeklyHours: 2,
    goal: 'Mål',
    tasks: ['Møder'],
    mentorId,
    complaintGuidance: true,
    needAssessment: 'Konkret vurdering',
    citizenConsent: true,
    ...extra,
  });
  async function approved(b: ReturnType<typeof body>): Promise<number> {
    const grant = (await t.as('cw').post('/api/grants', b)).json();
    const response = await t.as('cw').post(`/api/grants/${grant.id}/approve`);
    expect(response.statusCode, response.body).toBe(200);
    return grant.id;
  }

  beforeAll(async () => {
    t = await openTestApp();
    mentorId = await registerTestMentor(t, 'Mie Mentor');
    ids.youthCitizen = await citizen('1506024234', 'uddannelseshjaelp_uddannelsesparat', 'uddannelsesparat');
    ids.aktivCitizen = await citizen('0101804321', 'kontanthjaelp_aktivitetsparat', 'aktivitetsparat');
    ids.dagpengeCitizen = await citizen('0202804321', 'dagpenge', 'jobparat');
    // Running past 1 Jan 2027: a § 167 stk. 3 youth mentor, a general mentor for an aktivitetsparat and one for a dagpenge recipient.
    ids.youth = await approved(
      body(ids.youthCitizen, 'YOUTH_EDUCATION', '2026-10-01', '2026-10-05', '2027-04-04', { admissionDate: '2026-10-05' }),
    );
    ids.aktiv = await approved(body(ids.aktivCitizen, 'GENERAL', '2026-11-02', '2026-11-02', '2027-05-01'));
    ids.dagpenge = await approved(body(ids.dagpengeCitizen, 'GENERAL', '2026-11-02', '2026-11-02', '2027-05-01'));
    // Ends before the act: not affected.
    // (Another citizen: two general mentors in overlapping weeks for one citizen would break R-DUR-4.)
    const shortCitizen = await citizen('0303804321', 'kontanthjaelp_aktivitetsparat', 'aktivitetsparat');
    ids.short = await approved(body(shortCitizen, 'GENERAL', '2026-06-15', '2026-06-16', '2026-12-15'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('is listed as a draft; while unconfirmed a grant agreed on 4 Jan 2027 follows REFORM-2026a and the UI is told the 2027 rules are not confirmed', async () => {
    const regimes = (await t.as('admin').get('/api/regimes')).json().regimes;
    const act = regimes.find((r: { id: string }) => r.id === 'ACT-2027');
    expect(act).toMatchObject({ validFrom: '2027-01-01', parameters: { draft: true } });
    expect(act.parameters.targetGroupList).toHaveLength(5);
    expect(act.parameters.offeredGrantTypes).not.toContain('YOUTH_EDUCATION');
    const check = (
      await t.as('cw').post('/api/grants/check', body(ids.aktivCitizen, 'GENERAL', '2027-01-04', '2027-01-04', '2027-07-03'))
    ).json();
    expect(check.regime).toBe('REFORM-2026a');
    expect(check.draftRegime).toMatchObject({ id: 'ACT-2027', validFrom: '2027-01-01' });
    expect(check.findings.map((f: Finding) => [f.rule, f.severity])).toContainEqual(['R-REG-2', 'warning']);
  });

  it('reports the running grants whose mentor right or target group changes on 1 Jan 2027, before it is confirmed', async () => {
    const report = (await t.as('cw').get('/api/regimes/ACT-2027/changes')).json();
    expect(report.regime).toMatchObject({ id: 'ACT-2027', confirmed: false });
    const byGrant = Object.fromEntries(report.grants.map((g: ReportRow) => [g.grantId, g.changes.map((c) => c.kind)]));
    expect(byGrant).toEqual({
      [ids.youth]: ['mentor_right_abolished', 'becomes_jobparat'],
      [ids.aktiv]: ['becomes_jobparat'],
    });
    expect((await t.as('boss').get('/api/regimes/ACT-2027/changes')).statusCode).toBe(403);
  });

  it('is confirmed only by an admin with a note, audited; then a grant agreed on 4 Jan 2027 follows it', async () => {
    expect((await t.as('cw').post('/api/regimes/ACT-2027/confirm', { note: 'Lov nr. 1 af 2026' })).statusCode).toBe(403);
    expect((await t.as('admin').post('/api/regimes/ACT-2027/confirm', { note: '' })).statusCode).toBe(400);
    const confirmed = await t.as('admin').post('/api/regimes/ACT-2027/confirm', { note: 'Lov nr. 1234 af 20. december 2026' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().parameters).toMatchObject({ draft: false, confirmationNote: 'Lov nr. 1234 af 20. december 2026' });
    const regimes = (await t.as('admin').get('/api/regimes')).json().regimes;
    expect(regimes.find((r: { id: string }) => r.id === 'REFORM-2026a').validTo).toBe('2026-12-31');
    const audit = await t.db.query<{ criterion: string }>(`select criterion from audit_log where entity = 'legal_regime' order by id`);
    expect(audit.at(-1)!.criterion).toBe('regime:ACT-2027; R-REG-2 confirmed: Lov nr. 1234 af 20. december 2026');

    const general = (
      await t.as('cw').post('/api/grants', body(ids.aktivCitizen, 'GENERAL', '2027-01-04', '2027-01-04', '2027-07-03'))
    ).json();
    expect(general.regime).toBe('ACT-2027');
    expect(general.findings.map((f: Finding) => f.rule)).not.toContain('R-REG-2');
    const youth = (
      await t
        .as('cw')
        .post(
          '/api/grants/check',
          body(ids.youthCitizen, 'YOUTH_EDUCATION', '2027-01-04', '2027-01-04', '2027-07-03', { admissionDate: '2027-01-04' }),
        )
    ).json();
    expect(youth.findings.find((f: Finding) => f.rule === 'R-REG-1')).toMatchObject({ severity: 'error' });
    // A grant agreed on 31 Dec 2026 still follows REFORM-2026a.
    expect(
      (await t.as('cw').post('/api/grants/check', body(ids.aktivCitizen, 'GENERAL', '2026-12-31', '2027-01-04', '2027-07-03'))).json()
        .regime,
    ).toBe('REFORM-2026a');
    expect((await t.as('cw').get('/api/regimes/ACT-2027/changes')).json().regime.confirmed).toBe(true);
    expect((await t.as('admin').post('/api/regimes/ACT-2027/confirm', { note: 'igen' })).statusCode).toBe(409);
  });
});
