import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { seedSimulatedRegisters } from '../../db/test-fixtures/seed-simulated-registers.ts';
import { pdfText } from '../../documents/test-pdf-text.ts';
import { registerTestMentor } from '../test-factories.ts';
import { openTestApp, type TestApp } from '../test-app.ts';

/**
 * Issue 15, saved analyses. 4 Dec 2026: the manager Bo ("boss") runs the effect of ret-og-pligt mentors for
 * the first half of 2015 on the simulated registers (known +20-point job effect). Later he and his colleague
 * Kim see it in the list with who ran it, when, the period and the parameters, reopen it without rerunning,
 * take it to the city council as a PDF and to the analyst as XLSX and CSV. Kim may not delete Bo's analysis;
 * Bo deletes it, and the deletion is in the audit log.
 */
describe('saved effect analyses', () => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => {
    t = await openTestApp();
    const mentorId = await registerTestMentor(t);
    await seedSimulatedRegisters(t.db, { municipalityId: t.municipalityId, mentorId });
    await t.createUser('kim', 'manager');
    id = (
      await t
        .as('boss')
        .post('/api/analyses/effect', { type: 'RET_OG_PLIGT', firstStartFrom: '2015-01-01', firstStartTo: '2015-06-30', horizonMonths: 7 })
    ).json().id;
    let status = 'running';
    for (let i = 0; i < 300 && status === 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await t.as('boss').get(`/api/analyses/${id}`)).json().status;
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the analysis with who ran it, when, the period and the parameters, and who may delete it', async () => {
    const [mine] = (await t.as('boss').get('/api/analyses')).json();
    expect(mine).toMatchObject({
      id,
      status: 'done',
      createdByName: expect.any(String),
      canDelete: true,
      parameters: { type: 'RET_OG_PLIGT', firstStartFrom: '2015-01-01', firstStartTo: '2015-06-30', horizonMonths: 7 },
    });
    expect(Date.parse(mine.createdAt)).not.toBeNaN();
    const [theirs] = (await t.as('kim').get('/api/analyses')).json();
    expect(theirs).toMatchObject({ id, canDelete: false });
  });

  it('reopens the stored results without rerunning', async () => {
    const before = (await t.as('kim').get(`/api/analyses/${id}`)).json();
    const again = (await t.as('kim').get(`/api/analyses/${id}`)).json();
    expect(again.results).toEqual(before.results);
    expect(again.finishedAt).toBe(before.finishedAt);
    expect(again.results).toHaveLength(4);
  });

  it('exports a Danish PDF for the city council with the sentence that the interval allows', async () => {
    const response = await t.as('kim').get(`/api/analyses/${id}/report.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(response.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Effekt af mentorstøtte');
    expect(text).toMatch(/Borgere med mentor kom oftere i job efter 7 måneder: \+[\d,]+ procentpoint/);
    expect(text).toContain('STAR');
    expect(text).not.toMatch(/employment|publicWeeks|non_western|targetGroup=/);
    const english = (await pdfText((await t.as('kim').get(`/api/analyses/${id}/report.pdf?lang=en`)).rawPayload)).replace(/\s+/g, ' ');
    expect(english).toMatch(/Citizens with a mentor were more often in a job after 7 months/);
  });

  it('exports XLSX and CSV for analysts with the estimates as numbers', async () => {
    const csv = await t.as('kim').get(`/api/analyses/${id}/report.csv`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toBe('Resultat;Estimat;Måneder;Gruppe;Borgere med mentor;Effekt;95 %-interval, fra;95 %-interval, til');
    const main = lines[1]!.split(';');
    expect(main.slice(0, 3)).toEqual(['Job', 'Hovedresultat', '7']);
    expect(Number(main[5])).toBeGreaterThan(0.1);
    const xlsx = await t.as('kim').get(`/api/analyses/${id}/report.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Estimater', 'Måned for måned', 'Balance', 'Om analysen']);
    const audit = await t.db.query<{ criterion: string }>(
      `select criterion from audit_log where entity = 'effect_analysis' and action = 'export'`,
    );
    expect(audit.map((a) => a.criterion)).toEqual(expect.arrayContaining([`effect:${id}:pdf`, `effect:${id}:csv`, `effect:${id}:xlsx`]));
  });

  it("refuses to let a colleague delete someone else's analysis, and lets the owner delete it (audited)", async () => {
    const refused = await t.as('kim').delete(`/api/analyses/${id}`);
    expect(refused.statusCode).toBe(403);
    expect((await t.as('boss').get(`/api/analyses/${id}`)).statusCode).toBe(200);
    expect((await t.as('boss').delete(`/api/analyses/${id}`)).statusCode).toBe(204);
    expect((await t.as('boss').get(`/api/analyses/${id}`)).statusCode).toBe(404);
    expect((await t.as('boss').delete(`/api/analyses/${id}`)).statusCode).toBe(404);
    const audit = await t.db.query<{ username: string; criterion: string }>(
      `select username, criterion from audit_log where entity = 'effect_analysis' and action = 'delete'`,
    );
    expect(audit).toEqual([{ username: 'boss', criterion: `effect:${id}` }]);
  });
});
