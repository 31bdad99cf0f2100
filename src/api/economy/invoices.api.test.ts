import { beforeAll, describe, expect, it } from 'vitest';
import { testPassword, sameOrigin } from '../test-app.ts';
import { useEconomyTestApp } from './economy-test-factories.ts';

describe('provider invoices through the API', () => {
  const app = useEconomyTestApp();
  let providerId: number;
  let grantId: number;
  let invoiceId: number;

  async function postCsv(csv: string) {
    const login = await app.t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: sameOrigin,
      payload: { username: 'coord', password: testPassword },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return app.t.app.inject({
      method: 'POST',
      url: '/api/invoices',
      headers: { ...sameOrigin, cookie, 'content-type': 'text/csv' },
      payload: csv,
    });
  }
  const invoiceCount = async () => Number((await app.t.db.query<{ n: number }>('select count(*) as n from invoices'))[0]!.n);
  const contact = (at: string, minutes: number) =>
    app.t.as('cw').post(`/api/grants/${grantId}/contacts`, {
      at,
      minutes,
      form: 'physical',
      attended: true,
      confirmation: { method: 'in_person', at },
    });

  beforeAll(async () => {
    // 2026: Mentorhuset (425 kr./hour) mentors an aktivitetsparat citizen 6 hours a week, 5 Jan – 4 Jul.
    providerId = await app.f.provider({ name: 'Mentorhuset ApS', type: 'external', hourlyRate: 425 });
    grantId = await app.f.approvedGrant({
      citizenId: await app.f.citizen('kontanthjaelp_aktivitetsparat'),
      mentorId: await app.f.mentor(providerId),
      agreedOn: '2025-12-29',
      startDate: '2026-01-05',
      endDate: '2026-07-04',
      weeklyHours: 6,
    });
    // Week 10 (2–8 March): three 2-hour meetings. Week 11 (9–15 March): three 2-hour meetings.
    for (const at of [
      '2026-03-02T09:00:00Z',
      '2026-03-04T09:00:00Z',
      '2026-03-06T09:00:00Z',
      '2026-03-09T09:00:00Z',
      '2026-03-11T09:00:00Z',
      '2026-03-13T09:00:00Z',
    ]) {
      expect((await contact(at, 120)).statusCode).toBe(201);
    }
  });

  it('R-DEL-1: flags an invoice for 10 hours in a week with 6 logged, and puts the line on the worklist', async () => {
    const response = await app.t.as('coord').post('/api/invoices', {
      providerId,
      invoiceNumber: 'F-2026-031',
      periodFrom: '2026-03-02',
      periodTo: '2026-03-15',
      lines: [
        { grantId, periodFrom: '2026-03-02', periodTo: '2026-03-08', hours: 10, amountKr: 4250 },
        { grantId, periodFrom: '2026-03-09', periodTo: '2026-03-15', hours: 6, amountKr: 2550 },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    invoiceId = response.json().id;
    const reconciliation = (await app.t.as('cw').get(`/api/invoices/${invoiceId}/reconciliation`)).json();
    const [week10, week11] = reconciliation.reconciliation.lines;
    expect(week10).toMatchObject({ invoicedHours: 10, loggedHours: 6, confirmedHours: 6, excessHours: 4, status: 'flagged' });
    expect(week10.flags.map((x: { code: string; rule: string }) => [x.code, x.rule])).toContainEqual(['HOURS_OVER_LOGGED', 'R-DEL-1']);
    expect(week11).toMatchObject({ invoicedHours: 6, loggedHours: 6, status: 'ok', flags: [] });
    expect(reconciliation.reconciliation).toMatchObject({ amountKr: 6800, payableAmountKr: 2550, openLineCount: 1 });
    const worklist = (await app.t.as('cw').get('/api/invoices/worklist')).json().lines;
    expect(worklist).toEqual([
      expect.objectContaining({ invoiceId, invoiceNumber: 'F-2026-031', lineId: week10.lineId, providerName: 'Mentorhuset ApS' }),
    ]);
  });

  it('logs the caseworker’s reading of the reconciliation (R-PRV-1)', async () => {
    const rows = await app.t.db.query<{ entity: string; username: string }>(
      "select entity, username from audit_log where entity = 'invoice'",
    );
    expect(rows).toContainEqual({ entity: 'invoice', username: 'cw' });
  });

  it('refuses approval while the line is flagged and unreviewed (422)', async () => {
    const refused = await app.t.as('cw').post(`/api/invoices/${invoiceId}/approve`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toMatchObject({ reason: 'OPEN_FINDINGS', openLines: [expect.objectContaining({ grantId })] });
    expect((await app.t.as('cw').get(`/api/invoices/${invoiceId}/reconciliation`)).json().status).toBe('received');
  });

  it('four-eyes: after the caseworker’s review one person attests and another approves', async () => {
    const lineId = (await app.t.as('cw').get(`/api/invoices/${invoiceId}/reconciliation`)).json().reconciliation.lines[0].lineId;
    const noNote = await app.t.as('cw').post(`/api/invoices/${invoiceId}/lines/${lineId}/review`, { decision: 'rejected', note: '' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.details.field).toBe('note');
    const reviewed = await app.t.as('cw').post(`/api/invoices/${invoiceId}/lines/${lineId}/review`, {
      decision: 'rejected',
      note: 'Kun 6 timer leveret i uge 10; leverandøren sender kreditnota på 4 timer.',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json().reconciliation).toMatchObject({ openLineCount: 0, payableAmountKr: 2550 });
    expect((await app.t.as('cw').get('/api/invoices/worklist')).json().lines).toEqual([]);

    const attested = await app.t.as('cw').post(`/api/invoices/${invoiceId}/approve`);
    expect(attested.statusCode, attested.body).toBe(200);
    expect(attested.json()).toMatchObject({ status: 'attested', attestedByName: 'cw', approvedBy: null });

    const samePerson = await app.t.as('cw').post(`/api/invoices/${invoiceId}/approve`);
    expect(samePerson.statusCode).toBe(422);
    expect(samePerson.json().error.details.reason).toBe('FOUR_EYES');

    expect((await app.t.as('coord').post(`/api/invoices/${invoiceId}/approve`)).statusCode).toBe(403);

    const approved = await app.t.as('boss').post(`/api/invoices/${invoiceId}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', attestedByName: 'cw', approvedByName: 'boss' });
    expect((await app.t.as('boss').post(`/api/invoices/${invoiceId}/approve`)).statusCode).toBe(409);
    expect(
      (await app.t.as('cw').post(`/api/invoices/${invoiceId}/lines/${lineId}/review`, { decision: 'accepted', note: 'Fortrudt' }))
        .statusCode,
    ).toBe(409);
  });

  it('the database itself refuses one person approving twice and changes to an approved invoice’s lines', async () => {
    await expect(app.t.db.query('update invoices set approved_by = attested_by where id = $1', [invoiceId])).rejects.toThrow();
    await expect(app.t.db.query('update invoice_lines set hours = 99 where invoice_id = $1', [invoiceId])).rejects.toThrow(/immutable/);
  });

  it('counts the paid line, not the rejected one, as March spend in the economy', async () => {
    const overview = (await app.t.as('boss').get('/api/economy/2026?asOf=2026-03-31')).json();
    const march = overview.byMonth.find((m: { month: string }) => m.month === '2026-03');
    expect(march.invoicedKr).toBe(2550);
  });

  it('R-DEL-1: a week billed as logged but below the granted hours still needs the caseworker’s review', async () => {
    // Week 16 (13–19 April): one 2-hour meeting of the 6 granted hours, billed as 2 hours.
    expect((await contact('2026-04-14T09:00:00Z', 120)).statusCode).toBe(201);
    const created = await app.t.as('coord').post('/api/invoices', {
      providerId,
      invoiceNumber: 'F-2026-044',
      periodFrom: '2026-04-13',
      periodTo: '2026-04-19',
      lines: [{ grantId, periodFrom: '2026-04-13', periodTo: '2026-04-19', hours: 2, amountKr: 850 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().reconciliation.openLineCount).toBe(0);
    expect(created.json().openDeliveryFindings.map((x: { rule: string }) => x.rule)).toEqual(['R-DEL-1']);
    const refused = await app.t.as('cw').post(`/api/invoices/${created.json().id}/approve`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.findings[0].rule).toBe('R-DEL-1');
    const lineId = created.json().reconciliation.lines[0].lineId;
    await app.t.as('cw').post(`/api/invoices/${created.json().id}/lines/${lineId}/review`, {
      decision: 'accepted',
      note: 'Borgeren var syg to dage; 2 timer er korrekt.',
    });
    expect((await app.t.as('cw').post(`/api/invoices/${created.json().id}/approve`)).json().status).toBe('attested');
  });

  it('imports an invoice from a Danish CSV file', async () => {
    const csv = [
      'invoice_number;provider_id;period_from;period_to;grant_id;line_from;line_to;hours;amount_kr',
      `F-2026-052;${providerId};2026-05-01;2026-05-31;${grantId};2026-05-04;2026-05-10;1,5;637,50`,
    ].join('\n');
    const response = await postCsv(csv);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ invoiceNumber: 'F-2026-052', source: 'csv', status: 'received' });
    expect(response.json().reconciliation.lines[0]).toMatchObject({ invoicedHours: 1.5, amountKr: 637.5, status: 'flagged' });
  });

  it('lists every bad line of a CSV file with its line number, also those the invoice rules find', async () => {
    // Issue 14: the upload page shows each problem of the file at once, by line.
    const before = await invoiceCount();
    const header = 'invoice_number;provider_id;period_from;period_to;grant_id;line_from;line_to;hours;amount_kr';
    const parsing = await postCsv(
      [
        header,
        `F-10;${providerId};2026-05-01;2026-05-31;${grantId};2026-05-04;2026-05-10;2;850`,
        `F-10;${providerId};2026-05-01;2026-05-31;${grantId};4/5/2026;2026-05-10;to;850`,
        `F-11;${providerId};2026-05-01;2026-05-31;${grantId};2026-05-11;2026-05-17;2;`,
      ].join('\n'),
    );
    expect(parsing.statusCode).toBe(400);
    expect(parsing.json().error.details.problems).toEqual([
      { line: 3, field: 'lineFrom', reason: 'NOT_A_DATE' },
      { line: 3, field: 'hours', reason: 'NOT_A_NUMBER' },
      { line: 4, field: 'invoiceNumber', reason: 'DIFFERS_FROM_FIRST_LINE' },
      { line: 4, field: 'amountKr', reason: 'EMPTY' },
    ]);
    const rules = await postCsv(
      [
        header,
        `F-12;${providerId};2026-05-01;2026-05-31;${grantId};2026-05-04;2026-05-10;2;850`,
        `F-12;${providerId};2026-05-01;2026-05-31;${grantId};2026-04-27;2026-05-03;2;850`,
      ].join('\n'),
    );
    expect(rules.statusCode).toBe(400);
    expect(rules.json().error.details.problems).toEqual([{ line: 3, field: 'lineFrom', reason: 'OUTSIDE_INVOICE_PERIOD' }]);
    const unknownGrant = await postCsv([header, `F-13;${providerId};2026-05-01;2026-05-31;999999;2026-05-04;2026-05-10;2;850`].join('\n'));
    expect(unknownGrant.json().error.details.problems).toEqual([{ line: 2, field: 'grantId', reason: 'GRANT_NOT_FOUND' }]);
    const unknownProvider = await postCsv([header, `F-14;999999;2026-05-01;2026-05-31;${grantId};2026-05-04;2026-05-10;2;850`].join('\n'));
    expect(unknownProvider.statusCode).toBe(400);
    expect(unknownProvider.json().error.details.problems).toEqual([{ line: 2, field: 'providerId', reason: 'PROVIDER_NOT_FOUND' }]);
    expect(await invoiceCount()).toBe(before);
  });

  it('answers bad CSV and bad JSON with 400 naming the field, and stores nothing', async () => {
    const before = await invoiceCount();
    const badCsv = await postCsv(
      `invoice_number;provider_id;period_from;period_to;grant_id;line_from;line_to;hours;amount_kr\nF-9;${providerId};2026-05-01;2026-05-31;${grantId};2026-05-04;2026-05-10;ti;637,50`,
    );
    expect(badCsv.statusCode).toBe(400);
    expect(badCsv.json().error.details).toEqual({
      field: 'hours',
      line: 2,
      problems: [{ line: 2, field: 'hours', reason: 'NOT_A_NUMBER' }],
      problemCount: 1,
    });
    /** A May 2026 invoice with one line for the grant: [from, to, hours, amount]. */
    const invoiceForMay = (invoice: { providerId: number; invoiceNumber: string; line: [string, string, number, number] }) => {
      const [periodFrom, periodTo, hours, amountKr] = invoice.line;
      return app.t.as('coord').post('/api/invoices', {
        providerId: invoice.providerId,
        invoiceNumber: invoice.invoiceNumber,
        periodFrom: '2026-05-01',
        periodTo: '2026-05-31',
        lines: [{ grantId, periodFrom, periodTo, hours, amountKr }],
      });
    };
    const outside = await invoiceForMay({ providerId, invoiceNumber: 'F-9', line: ['2026-04-27', '2026-05-03', 6, 2550] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.field).toBe('lines.0.periodFrom');
    const schema = await invoiceForMay({ providerId, invoiceNumber: 'F-9', line: ['2026-05-04', '2026-05-10', -1, 1] });
    expect(schema.statusCode).toBe(400);
    expect(schema.json().error.details.field).toBe('lines.0.hours');
    const otherProvider = await app.f.provider({ name: 'Anden leverandør', type: 'external', hourlyRate: 400 });
    const wrongProvider = await invoiceForMay({
      providerId: otherProvider,
      invoiceNumber: 'F-9',
      line: ['2026-05-04', '2026-05-10', 1, 425],
    });
    expect(wrongProvider.statusCode).toBe(400);
    expect(wrongProvider.json().error.details.field).toBe('lines.0.grantId');
    const duplicate = await invoiceForMay({
      providerId,
      invoiceNumber: 'F-2026-031',
      line: ['2026-05-04', '2026-05-10', 1, 425],
    });
    expect(duplicate.statusCode).toBe(409);
    expect(await invoiceCount()).toBe(before);
  });

  it('lets only invoice roles record and read invoices', async () => {
    expect(
      (
        await app.t.as('cw').post('/api/invoices', {
          providerId,
          invoiceNumber: 'X',
          periodFrom: '2026-05-01',
          periodTo: '2026-05-31',
          lines: [{ grantId, periodFrom: '2026-05-04', periodTo: '2026-05-10', hours: 1, amountKr: 425 }],
        })
      ).statusCode,
    ).toBe(403);
    const list = (await app.t.as('boss').get('/api/invoices?status=approved')).json().invoices;
    expect(list.map((i: { invoiceNumber: string }) => i.invoiceNumber)).toEqual(['F-2026-031']);
  });
});
