import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerMetteMentor, retOgPligtGrantBody } from './grant-test-factories.ts';
import { openTestApp, type TestApp } from '../test-app.ts';

type Finding = { rule: string; severity: string; message: string; source: string };
const rulesOf = (findings: Finding[], severity = 'error') => findings.filter((f) => f.severity === severity).map((f) => f.rule);

describe('grants through the API', () => {
  let t: TestApp;
  let mentorId: number;
  let citizenCount = 0;

  async function citizenIn(group: string, from = '2014-01-01'): Promise<number> {
    citizenCount += 1;
    // Born 1985 (day = running number): CPR DD0185SSSS.
    const cpr = `${String(citizenCount).padStart(2, '0')}0185${1000 + citizenCount}`;
    const citizen = (await t.as('cw').post('/api/citizens', { cpr, name: `Borger ${citizenCount}` })).json();
    const visitation = group.includes('aktivitetsparat') ? 'aktivitetsparat' : null;
    await t.as('cw').post(`/api/citizens/${citizen.id}/target-groups`, { group, visitation, from });
    return citizen.id;
  }

  const ropBody = (citizenId: number, overrides: Record<string, unknown> = {}) => retOgPligtGrantBody({ citizenId, mentorId }, overrides);

  beforeAll(async () => {
    t = await openTestApp();
    const mentor = await registerMetteMentor(t);
    expect(mentor.statusCode).toBe(201);
    mentorId = mentor.json().id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('R-ROP-2: a 4-month ret-og-pligt period is saved as a draft with the finding, and approval is refused with 422', async () => {
    // 2 Mar 2015: aktivitetsparat cash-benefit citizen, ret-og-pligt mentor planned for only 4 months.
    const citizenId = await citizenIn('kontanthjaelp_aktivitetsparat');
    const created = await t.as('cw').post('/api/grants', ropBody(citizenId, { endDate: '2015-07-01' }));
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', regime: 'LAB-2014', refundClass: 'inside_frame' });
    expect(rulesOf(draft.findings)).toContain('R-ROP-2');
    const finding = draft.findings.find((f: Finding) => f.rule === 'R-ROP-2');
    expect(finding.message.length).toBeGreaterThan(10);
    expect(finding.source.length).toBeGreaterThan(3);

    const refused = await t.as('cw').post(`/api/grants/${draft.id}/approve`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('RULE_VIOLATED');
    expect(rulesOf(refused.json().error.details.findings)).toContain('R-ROP-2');
    expect((await t.as('cw').get(`/api/grants/${draft.id}`)).json().status).toBe('draft');
  });

  it('R-ROP-2: fixing the end date to 6 months lets the caseworker approve and print the agreement PDF', async () => {
    const citizenId = await citizenIn('kontanthjaelp_aktivitetsparat');
    const draft = (await t.as('cw').post('/api/grants', ropBody(citizenId, { endDate: '2015-07-01' }))).json();
    const fixed = await t.as('cw').patch(`/api/grants/${draft.id}`, { endDate: '2015-09-01' });
    expect(fixed.statusCode).toBe(200);
    expect(rulesOf(fixed.json().findings)).toEqual([]);
    const approved = await t.as('cw').post(`/api/grants/${draft.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('approved');
    const pdf = await t.as('cw').get(`/api/grants/${draft.id}/agreement.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const agreement = (await t.as('cw').get(`/api/grants/${draft.id}/agreement`)).json();
    expect(agreement.version).toBe(1);
    expect(JSON.stringify(agreement)).toContain('Mette Mentor');
  });

  it('discards a draft that will not be approved, audited; an approved grant cannot be discarded (issue 14)', async () => {
    const citizenId = await citizenIn('kontanthjaelp_aktivitetsparat');
    const draft = (await t.as('cw').post('/api/grants', ropBody(citizenId, { endDate: '2015-07-01' }))).json();
    expect((await t.as('boss').delete(`/api/grants/${draft.id}`)).statusCode).toBe(403);
    expect((await t.as('cw').delete(`/api/grants/${draft.id}`)).statusCode).toBe(204);
    expect((await t.as('cw').get(`/api/grants/${draft.id}`)).statusCode).toBe(404);
    expect((await t.as('cw').delete(`/api/grants/${draft.id}`)).statusCode).toBe(404);
    const audit = await t.db.query<{ action: string; criterion: string }>(
      `select action, criterion from audit_log where entity = 'grant' and action = 'delete' and citizen_id = $1`,
      [citizenId],
    );
    expect(audit).toEqual([{ action: 'delete', criterion: `grant:${draft.id} draft` }]);

    const approved = (await t.as('cw').post('/api/grants', ropBody(citizenId))).json();
    expect((await t.as('cw').post(`/api/grants/${approved.id}/approve`)).statusCode).toBe(200);
    const refused = await t.as('cw').delete(`/api/grants/${approved.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.reason).toBe('NOT_A_DRAFT');
  });

  it('two approvals of one draft at the same moment store one agreement version; the second gets 409', async () => {
    // 23 Feb 2015: two caseworkers press "Godkend" on the same draft at once.
    const citizenId = await citizenIn('kontanthjaelp_aktivitetsparat');
    const draft = (await t.as('cw').post('/api/grants', ropBody(citizenId))).json();
    const answers = await Promise.all([
      t.as('cw').post(`/api/grants/${draft.id}/approve`),
      t.as('cw').post(`/api/grants/${draft.id}/approve`),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const versions = await t.db.query<{ n: number }>('select count(*) as n from agreement_versions where grant_id = $1', [draft.id]);
    expect(versions[0]!.n).toBe(1);
  });

  it('R-ROP-2: the 26-week end (start + 181 days) is accepted too', async () => {
    const citizenId = await citizenIn('kontanthjaelp_aktivitetsparat');
    const check = await t.as('cw').post('/api/grants/check', ropBody(citizenId, { endDate: '2015-08-30' }));
    expect(check.statusCode).toBe(200);
    expect(rulesOf(check.json().findings)).toEqual([]);
  });

  it('R-ROP-1: a ret-og-pligt mentor for a jobparat citizen is refused', async () => {
    const citizenId = await citizenIn('kontanthjaelp_jobparat');
    const check = (await t.as('cw').post('/api/grants/check', ropBody(citizenId))).json();
    expect(rulesOf(check.findings)).toContain('R-ROP-1');
  });

  it('R-AGR-1: approval needs goal, tasks, hours and complaint guidance', async () => {
    const citizenId = await citizenIn('kontanthjaelp_aktivitetsparat');
    const draft = (
      await t.as('cw').post('/api/grants', ropBody(citizenId, { goal: '', tasks: [], weeklyHours: 0, complaintGuidance: false }))
    ).json();
    expect(rulesOf(draft.findings)).toContain('R-AGR-1');
    expect((await t.as('cw').post(`/api/grants/${draft.id}/approve`)).statusCode).toBe(422);
  });

  it('R-DUR-4: a second identical ret-og-pligt grant for the same weeks is refused, naming the first (issue 14)', async () => {
    const citizenId = await citizenIn('kontanthjaelp_aktivitetsparat');
    const first = (await t.as('cw').post('/api/grants', ropBody(citizenId))).json();
    expect((await t.as('cw').post(`/api/grants/${first.id}/approve`)).statusCode).toBe(200);
    const second = (await t.as('cw').post('/api/grants', ropBody(citizenId))).json();
    const refused = await t.as('cw').post(`/api/grants/${second.id}/approve`);
    expect(refused.statusCode).toBe(422);
    const finding = (refused.json().error.details.findings as { rule: string; message: string }[]).find((f) => f.rule === 'R-DUR-4');
    expect(finding?.message).toContain(`bevilling nr. ${first.id} (02.03.2015 – 01.09.2015)`);
    // A period after the first one, and a general mentor in the same weeks, are not overlaps of the same type.
    const later = await t
      .as('cw')
      .post('/api/grants/check', ropBody(citizenId, { agreedOn: '2015-08-25', startDate: '2015-09-02', endDate: '2016-03-01' }));
    expect(rulesOf(later.json().findings)).not.toContain('R-DUR-4');
    const general = await t.as('cw').post('/api/grants/check', { ...ropBody(citizenId), type: 'GENERAL', citizenConsent: true });
    expect(rulesOf(general.json().findings)).not.toContain('R-DUR-4');
  });

  it('R-AGR-4: a general mentor needs a need assessment and the citizen’s consent', async () => {
    const citizenId = await citizenIn('sygedagpenge', '2025-01-01');
    const check = (
      await t.as('cw').post('/api/grants/check', {
        ...ropBody(citizenId),
        type: 'GENERAL',
        agreedOn: '2025-03-01',
        startDate: '2025-03-03',
        endDate: '2025-09-02',
        needAssessment: null,
        citizenConsent: null,
      })
    ).json();
    expect(rulesOf(check.findings)).toContain('R-AGR-4');
  });

  it('regime by agreement date: agreed 2015-12-31 is LAB-2014, agreed 2016-01-01 is LAB-2016', async () => {
    const citizenId = await citizenIn('kontanthjaelp_aktivitetsparat');
    const body = ropBody(citizenId, { startDate: '2016-01-04', endDate: '2016-07-03' });
    const late2015 = (await t.as('cw').post('/api/grants/check', { ...body, agreedOn: '2015-12-31' })).json();
    const early2016 = (await t.as('cw').post('/api/grants/check', { ...body, agreedOn: '2016-01-01' })).json();
    expect(late2015.regime).toBe('LAB-2014');
    expect(early2016.regime).toBe('LAB-2016');
  });

  it('R-FIN-2: a mentor for a dagpenge recipient in 2015 has no refund', async () => {
    const citizenId = await citizenIn('dagpenge');
    const check = (await t.as('cw').post('/api/grants/check', { ...ropBody(citizenId), type: 'GENERAL', citizenConsent: true })).json();
    expect(check.refundClass).toBe('none');
  });

  it('R-ROP-3: an approved ret-og-pligt period cannot end early for another reason, but can when the citizen leaves the target group', async () => {
    // 2 Mar 2015 – 1 Sep 2015; on 1 May the caseworker tries to end it with reason OTHER.
    const citizenId = await citizenIn('kontanthjaelp_aktivitetsparat');
    const grant = (await t.as('cw').post('/api/grants', ropBody(citizenId))).json();
    expect((await t.as('cw').post(`/api/grants/${grant.id}/approve`)).statusCode).toBe(200);
    const refused = await t.as('cw').post(`/api/grants/${grant.id}/end`, { endDate: '2015-05-01', reason: 'OTHER' });
    expect(refused.statusCode).toBe(422);
    expect(rulesOf(refused.json().error.details.findings)).toContain('R-ROP-3');
    expect((await t.as('cw').get(`/api/grants/${grant.id}`)).json().status).toBe('approved');
    const ended = await t.as('cw').post(`/api/grants/${grant.id}/end`, { endDate: '2015-05-01', reason: 'LEFT_TARGET_GROUP' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', actualEndDate: '2015-05-01', endReason: 'LEFT_TARGET_GROUP' });
  });

  it('R-DUR-2/R-DUR-3: continuations are new linked periods and a third period is not blocked', async () => {
    const citizenId = await citizenIn('kontanthjaelp_aktivitetsparat');
    const first = (await t.as('cw').post('/api/grants', ropBody(citizenId))).json();
    await t.as('cw').post(`/api/grants/${first.id}/approve`);
    /** A period continuing `previousGrantId`, agreed and assessed on the given days, saved or only checked. */
    const continuation = async (
      path: '/api/grants' | '/api/grants/check',
      dates: { agreedOn: string; startDate: string; endDate: string; assessmentDate: string },
      previousGrantId: number,
    ) => (await t.as('cw').post(path, ropBody(citizenId, { ...dates, previousGrantId }))).json();
    const second = await continuation(
      '/api/grants',
      { agreedOn: '2015-08-25', startDate: '2015-09-02', endDate: '2016-03-01', assessmentDate: '2015-08-25' },
      first.id,
    );
    expect(rulesOf(second.findings)).toEqual([]);
    expect((await t.as('cw').post(`/api/grants/${second.id}/approve`)).statusCode).toBe(200);
    const period2016 = { agreedOn: '2016-02-25', startDate: '2016-03-02', endDate: '2016-09-01' };
    const undated = await continuation('/api/grants/check', { ...period2016, assessmentDate: '2016-03-05' }, second.id);
    expect(rulesOf(undated.findings)).toContain('R-DUR-2');
    const third = await continuation('/api/grants/check', { ...period2016, assessmentDate: '2016-02-25' }, second.id);
    expect(rulesOf(third.findings)).toEqual([]);
  });

  it('a request with an unknown mentor answers 404 and creates nothing', async () => {
    const citizenId = await citizenIn('kontanthjaelp_aktivitetsparat');
    const response = await t.as('cw').post('/api/grants', ropBody(citizenId, { mentorId: 99999 }));
    expect(response.statusCode).toBe(404);
    expect(response.json().error.details.field).toBe('mentorId');
    expect((await t.as('cw').get(`/api/grants?citizenId=${citizenId}`)).json().grants).toEqual([]);
  });

  it('answers 400 for an unknown grant type or an impossible date', async () => {
    const citizenId = await citizenIn('kontanthjaelp_aktivitetsparat');
    expect((await t.as('cw').post('/api/grants', ropBody(citizenId, { type: 'MAGIC' }))).statusCode).toBe(400);
    const badDate = await t.as('cw').post('/api/grants', ropBody(citizenId, { startDate: '2015-02-30' }));
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details.field).toBe('startDate');
  });

  it('a mentor sees only the citizens of their own grants', async () => {
    const citizenId = await citizenIn('kontanthjaelp_aktivitetsparat');
    const other = await citizenIn('kontanthjaelp_aktivitetsparat');
    await t.as('cw').post('/api/grants', ropBody(citizenId));
    await t.createUser('mette', 'mentor', mentorId);
    expect((await t.as('mette').get(`/api/citizens/${citizenId}`)).statusCode).toBe(200);
    expect((await t.as('mette').get(`/api/citizens/${other}`)).statusCode).toBe(404);
    const found = (await t.as('mette').get('/api/citizens?q=Borger')).json().citizens as { id: number }[];
    expect(found.map((c) => c.id)).not.toContain(other);
  });
});
