import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfAccessibility, pdfText } from '../../documents/test-pdf-text.ts';
import { registerMetteMentor, retOgPligtGrantBody } from './grant-test-factories.ts';
import { openTestApp, type TestApp } from '../test-app.ts';

/** Issue 14: the agreement names its caseworker with the authority's contact, has signature lines and is a tagged PDF. */
describe('the written agreement through the API', () => {
  let t: TestApp;
  let mentorId: number;
  let citizenId: number;

  beforeAll(async () => {
    t = await openTestApp();
    mentorId = (await registerMetteMentor(t)).json().id;
    const citizen = (await t.as('cw').post('/api/citizens', { cpr: '0301852222', name: 'Søren Ærø' })).json();
    citizenId = citizen.id;
    await t.as('cw').post(`/api/citizens/${citizenId}/target-groups`, {
      group: 'kontanthjaelp_aktivitetsparat',
      visitation: 'aktivitetsparat',
      from: '2014-01-01',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a contact phone or e-mail that is not one, and stores both when they are', async () => {
    const badPhone = await t.as('admin').put('/api/municipality/settings', { contactPhone: 'ring til os' });
    expect(badPhone.statusCode).toBe(400);
    const badEmail = await t.as('admin').put('/api/municipality/settings', { contactEmail: 'jobcenter.demo.dk' });
    expect(badEmail.statusCode).toBe(400);
    expect((await t.as('cw').get('/api/municipality/settings')).json().contactPhone).toBeUndefined();
    const ok = await t
      .as('admin')
      .put('/api/municipality/settings', { contactPhone: '+45 70 12 34 56', contactEmail: 'jobcenter@demo-kommune.dk' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ contactPhone: '+45 70 12 34 56', contactEmail: 'jobcenter@demo-kommune.dk' });
    expect((await t.as('cw').get('/api/municipality/settings')).json()).toMatchObject({
      contactPhone: '+45 70 12 34 56',
      contactEmail: 'jobcenter@demo-kommune.dk',
    });
  });

  it('prints the caseworker who made the grant, the authority’s phone and e-mail, and date and signature lines', async () => {
    const draft = (await t.as('cw').post('/api/grants', retOgPligtGrantBody({ citizenId, mentorId }))).json();
    const approved = await t.as('cw').post(`/api/grants/${draft.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    const caseworkerName = (await t.db.query<{ name: string }>(`select name from users where username = 'cw'`))[0]!.name;
    const municipalityName = (await t.db.query<{ name: string }>('select name from municipalities where id = $1', [t.municipalityId]))[0]!
      .name;

    const agreement = (await t.as('cw').get(`/api/grants/${draft.id}/agreement`)).json();
    expect(agreement.sections.find((s: { heading: string }) => s.heading === 'Din sagsbehandler').paragraphs).toEqual([
      `${caseworkerName}, Jobcenter ${municipalityName}`,
      'Telefon: +45 70 12 34 56',
      'E-mail: jobcenter@demo-kommune.dk',
    ]);
    expect(agreement.signatures).toEqual([
      { party: 'citizen', label: 'Borger', name: 'Søren Ærø' },
      { party: 'caseworker', label: 'Sagsbehandler', name: caseworkerName },
    ]);

    const pdf = (await t.as('cw').get(`/api/grants/${draft.id}/agreement.pdf`)).rawPayload;
    const text = await pdfText(pdf);
    expect(text).toContain('Telefon: +45 70 12 34 56');
    expect(text).toContain(`Dato Underskrift, sagsbehandler (${caseworkerName})`);
    expect(text).toContain('Dato Underskrift, borger (Søren Ærø)');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await pdfAccessibility(pdf)).toMatchObject({ marked: true, hasStructTreeRoot: true, lang: 'da-DK' });
  });
});
