/**
 * R-PRV-2 and issue 14. Story, 3 December 2026: Nora asks the municipality who has looked at her data.
 * The admin finds her accesses by her CPR number, filters and pages them, and exports them as CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../test-app.ts';

describe('the access log (R-PRV-2, issue 14)', () => {
  let t: TestApp;
  let nora: number;

  beforeAll(async () => {
    t = await openTestApp({ now: new Date('2026-12-03T10:00:00Z') });
    nora = (await t.as('cw').post('/api/citizens', { cpr: '0101901234', name: 'Nora' })).json().id;
    await t.as('cw').post('/api/citizens', { cpr: '0202902345', name: 'Omar' });
    for (let i = 0; i < 60; i += 1) await t.as('cw').get(`/api/citizens/${nora}`);
    await t.as('coord').get(`/api/citizens/${nora}`);
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds a citizen’s accesses by CPR number, 50 a page with the total, and filters by user and action', async () => {
    const first = (await t.as('admin').get('/api/audit?cpr=010190-1234')).json();
    expect(first).toMatchObject({ total: 62, page: 1, pageSize: 50 });
    expect(first.entries).toHaveLength(50);
    expect(first.entries.every((e: { citizenId: number }) => e.citizenId === nora)).toBe(true);
    // The first look-up is on Nora's log now too: 63 rows, 13 on page 2.
    expect((await t.as('admin').get('/api/audit?cpr=0101901234&page=2')).json().entries).toHaveLength(13);
    expect((await t.as('admin').get('/api/audit?cpr=0101901234&username=coord')).json()).toMatchObject({
      total: 1,
      entries: [{ username: 'coord', action: 'read' }],
    });
    expect((await t.as('admin').get('/api/audit?cpr=0101901234&action=create')).json().total).toBe(1);
    // The log's times come from the database clock; a period after today holds nothing.
    expect((await t.as('admin').get('/api/audit?cpr=0101901234&from=2099-01-01')).json().total).toBe(0);
    expect((await t.as('admin').get('/api/audit?cpr=0101901234&to=2020-01-01')).json().total).toBe(0);
    expect((await t.as('admin').get('/api/audit?cpr=3112999999')).statusCode).toBe(404);
    // Looking up the log for Nora is itself on the log, with her CPR masked.
    const own = await t.db.query<{ criterion: string }>(`select criterion from audit_log where entity = 'audit_log' and citizen_id = $1`, [
      nora,
    ]);
    expect(own.map((r) => r.criterion)).toContain('cpr:010190-XXXX');
  });

  it('exports every access to the citizen as CSV with Danish headings, action and entity names', async () => {
    const response = await t.as('admin').get('/api/audit/export.csv?cpr=0101901234');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="adgangslog-${nora}.csv"`);
    const lines = response.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('Tidspunkt;Bruger;Handling;Oplysning;Formål');
    expect(lines.length).toBeGreaterThan(62);
    // Times are the database's clock, in Danish time and format.
    const coord = lines.filter((l) => l.includes(';coord;'));
    expect(coord).toHaveLength(1);
    expect(coord[0]).toMatch(/^\d{2}\.\d{2}\.\d{4} kl\. \d{2}\.\d{2};coord;Læst;borger;sagsbehandling$/);
    expect(response.body).not.toContain('0101901234');
  });

  it('is for the admin only', async () => {
    expect((await t.as('cw').get('/api/audit?cpr=0101901234')).statusCode).toBe(403);
  });
});
