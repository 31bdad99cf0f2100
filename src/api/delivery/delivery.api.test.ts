import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar-date.ts';
import { approvedTestGrant, registerAktivitetsparatCitizen, registerTestMentor } from '../test-factories.ts';
import { openTestApp, type TestApp } from '../test-app.ts';

describe('contact log and delivery control', () => {
  let t: TestApp;
  let mentorId: number;
  let count = 0;

  /** An approved ret-og-pligt grant from `start` (a Monday) for an aktivitetsparat citizen. */
  async function approvedRetOgPligt(start: string, end: string): Promise<number> {
    count += 1;
    const citizenId = await registerAktivitetsparatCitizen(
      t,
      { cpr: `${String(count).padStart(2, '0')}0290${1000 + count}`, name: `Borger ${count}` },
      '2014-01-01',
    );
    return approvedTestGrant(t, {
      citizenId,
      type: 'RET_OG_PLIGT',
      agreedOn: addDays(start, -7),
      startDate: start,
      endDate: end,
      mentorId,
      goal: 'Struktur i hverdagen',
    });
  }

  async function logWeeks(grantId: number, startMonday: string, weeks: number[]) {
    for (const w of weeks) {
      const response = await t.as('cw').post(`/api/grants/${grantId}/contacts`, {
        at: `${addDays(startMonday, (w - 1) * 7 + 1)}T10:00:00Z`,
        minutes: 60,
        form: 'physical',
        attended: true,
      });
      expect(response.statusCode).toBe(201);
    }
  }

  beforeAll(async () => {
    t = await openTestApp();
    mentorId = await registerTestMentor(t, 'Mona Mentor');
  });
  afterAll(async () => {
    await t.close();
  });

  it('R-ROP-5: agreed in 2015 with contacts in weeks 1–5 and 7, week 6 is reported', async () => {
    // 2 Mar 2015 (Monday): weekly contact required under LAB-2014.
    const grantId = await approvedRetOgPligt('2015-03-02', '2015-09-01');
    await logWeeks(grantId, '2015-03-02', [1, 2, 3, 4, 5, 7]);
    const compliance = (await t.as('cw').get(`/api/grants/${grantId}/compliance?asOf=2015-04-19`)).json();
    const rop5 = compliance.findings.find((f: { rule: string }) => f.rule === 'R-ROP-5');
    expect(rop5).toMatchObject({ severity: 'error', weeks: ['2015-W15'] });
    expect(compliance.hours[0]).toEqual({ week: '2015-W10', granted: 1, logged: 1, confirmed: 0 });
  });

  it('R-ROP-5: the same pattern agreed in 2017 is no violation (every two weeks)', async () => {
    const grantId = await approvedRetOgPligt('2017-02-06', '2017-08-05');
    await logWeeks(grantId, '2017-02-06', [1, 2, 3, 4, 5, 7]);
    const compliance = (await t.as('cw').get(`/api/grants/${grantId}/compliance?asOf=2017-03-26`)).json();
    expect(compliance.findings.map((f: { rule: string }) => f.rule)).not.toContain('R-ROP-5');
    // Week 6 has no contact: one hour short of the granted hour → R-DEL-1 (hours), not R-ROP-5.
    expect(compliance.findings.map((f: { rule: string }) => f.rule)).toContain('R-DEL-1');
  });

  it('R-ROP-6: a phone contact without justification is refused with 422 and not stored', async () => {
    const grantId = await approvedRetOgPligt('2015-06-01', '2015-11-30');
    const refused = await t
      .as('cw')
      .post(`/api/grants/${grantId}/contacts`, { at: '2015-06-02T09:00:00Z', minutes: 20, form: 'phone', attended: true });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.findings[0].rule).toBe('R-ROP-6');
    expect((await t.as('cw').get(`/api/grants/${grantId}/contacts`)).json().contacts).toEqual([]);
    const justified = await t.as('cw').post(`/api/grants/${grantId}/contacts`, {
      at: '2015-06-02T09:00:00Z',
      minutes: 20,
      form: 'phone',
      attended: true,
      justification: 'Borgeren er indlagt',
      confirmation: { method: 'paper' },
    });
    expect(justified.statusCode).toBe(201);
    expect(justified.json()).toMatchObject({ form: 'phone', confirmationMethod: 'paper' });
  });

  it('R-ROP-6 follows the legal regime as it is now: an admin allowing phone contact takes effect at the next contact', async () => {
    const grantId = await approvedRetOgPligt('2015-06-01', '2015-11-30');
    const regime = (await t.as('cw').get('/api/regimes')).json().regimes.find((r: { id: string }) => r.id === 'LAB-2014');
    const setForms = async (allowedContactForms: string[]) =>
      expect(
        (
          await t.as('admin').put('/api/regimes/LAB-2014', {
            validFrom: regime.validFrom,
            validTo: regime.validTo,
            parameters: { ...regime.parameters, allowedContactForms },
          })
        ).statusCode,
      ).toBe(200);
    const phoneCall = (day: string) =>
      t.as('cw').post(`/api/grants/${grantId}/contacts`, { at: `${day}T09:00:00Z`, minutes: 20, form: 'phone', attended: true });
    expect((await phoneCall('2015-06-02')).statusCode).toBe(422);
    await setForms(['physical', 'phone']);
    expect((await phoneCall('2015-06-02')).statusCode).toBe(201);
    await setForms(regime.parameters.allowedContactForms);
    expect((await phoneCall('2015-06-09')).statusCode).toBe(422);
  });

  it('logs a double-tapped contact once: the second, even sent at the same moment, is refused with 409 (issue 14)', async () => {
    const grantId = await approvedRetOgPligt('2015-06-01', '2015-11-30');
    const contactAudit = () =>
      t.db.query<{ username: string; action: string }>(
        `select a.username, a.action from audit_log a join grants g on g.citizen_id = a.citizen_id
         where a.entity = 'contact' and a.action = 'create' and g.id = $1 order by a.id`,
        [grantId],
      );
    const auditedBefore = (await contactAudit()).length;
    const body = { at: '2015-06-03T09:00:00Z', minutes: 60, form: 'physical', attended: true };
    const answers = await Promise.all([
      t.as('cw').post(`/api/grants/${grantId}/contacts`, body),
      t.as('cw').post(`/api/grants/${grantId}/contacts`, body),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().error.details.reason).toBe('DUPLICATE_CONTACT');
    expect((await t.as('cw').get(`/api/grants/${grantId}/contacts`)).json().contacts).toHaveLength(1);
    // A contact later the same day is another contact.
    expect((await t.as('cw').post(`/api/grants/${grantId}/contacts`, { ...body, at: '2015-06-03T13:00:00Z' })).statusCode).toBe(201);
    // Each stored contact has its audit row (written by the same statement); the refused one has none.
    const audited = (await contactAudit()).slice(auditedBefore);
    expect(audited).toHaveLength(2);
    expect(audited.every((a) => a.username === 'cw' && a.action === 'create')).toBe(true);
  });

  it('R-AGR-2: exports the agreement fields as a Min Plan document with the CPR masked', async () => {
    const grantId = await approvedRetOgPligt('2015-06-01', '2015-11-30');
    const doc = (await t.as('cw').get(`/api/grants/${grantId}/min-plan`)).json();
    expect(doc).toMatchObject({
      schema: 'mentorspor.min-plan.v1',
      goal: 'Struktur i hverdagen',
      tasks: ['Møder'],
      weeklyHours: 1,
      period: { start: '2015-06-01', end: '2015-11-30' },
      mentor: { name: 'Mona Mentor' },
      complete: true,
      missing: [],
    });
    expect(doc.citizen.cprMasked).toMatch(/^\d{6}-XXXX$/);
  });

  it('bulk entry is all or nothing, and a contact is confirmed once', async () => {
    const grantId = await approvedRetOgPligt('2015-06-01', '2015-11-30');
    const contact = (at: string) => ({ at, minutes: 60, form: 'physical', attended: true });
    const failed = await t
      .as('cw')
      .post(`/api/grants/${grantId}/contacts/bulk`, { contacts: [contact('2015-06-02T09:00:00Z'), contact('2016-01-05T09:00:00Z')] });
    expect(failed.statusCode).toBe(400);
    expect(failed.json().error.details.index).toBe(1);
    expect((await t.as('cw').get(`/api/grants/${grantId}/contacts`)).json().contacts).toEqual([]);
    const ok = await t
      .as('cw')
      .post(`/api/grants/${grantId}/contacts/bulk`, { contacts: [contact('2015-06-02T09:00:00Z'), contact('2015-06-09T09:00:00Z')] });
    expect(ok.statusCode).toBe(201);
    const first = ok.json().contacts[0].id;
    const confirmed = await t.as('cw').post(`/api/contacts/${first}/confirmation`, { method: 'one_time_code', at: '2015-06-02T10:00:00Z' });
    expect(confirmed.json()).toMatchObject({ confirmationMethod: 'one_time_code', confirmedAt: '2015-06-02T10:00:00.000Z' });
    expect((await t.as('cw').post(`/api/contacts/${first}/confirmation`, { method: 'paper' })).statusCode).toBe(409);
  });

  it('lets a mentor log contacts only on their own grants, and validates input', async () => {
    const grantId = await approvedRetOgPligt('2015-06-01', '2015-11-30');
    const mentorUser = `mentor${count}`;
    await t.createUser(mentorUser, 'mentor', mentorId);
    const own = await t.as(mentorUser).post(`/api/grants/${grantId}/contacts`, {
      at: '2015-06-03T09:00:00Z',
      minutes: 45,
      form: 'physical',
      attended: true,
      note: 'Gåtur',
    });
    expect(own.statusCode).toBe(201);
    await t.createUser('othermentor', 'mentor', null);
    expect(
      (
        await t
          .as('othermentor')
          .post(`/api/grants/${grantId}/contacts`, { at: '2015-06-03T09:00:00Z', minutes: 45, form: 'physical', attended: true })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.as('cw').post(`/api/grants/${grantId}/contacts`, { at: 'yesterday', minutes: 45, form: 'physical', attended: true }))
        .statusCode,
    ).toBe(400);
    const outside = await t
      .as('cw')
      .post(`/api/grants/${grantId}/contacts`, { at: '2016-06-03T09:00:00Z', minutes: 45, form: 'physical', attended: true });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.field).toBe('at');
  });
});
