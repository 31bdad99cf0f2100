import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishedImport } from '../test-factories.ts';
import { openTestApp, type TestApp, sameOrigin } from '../test-app.ts';

describe('register mappings through the API (issue 5 point 1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
    await t.as('cw').post('/api/citizens', { cpr: '0101851234', name: 'A' });
  });
  afterAll(async () => {
    await t.close();
  });

  const postCsv = async (username: string, url: string, csv: string) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...sameOrigin, cookie: await t.cookieOf(username), 'content-type': 'text/csv' },
      payload: csv,
    });
  const waitFor = (id: number) => finishedImport(t, id, 'boss');

  it('lists DST as verified and DREAM as unverified', async () => {
    const response = await t.as('boss').get('/api/mappings');
    expect(response.statusCode).toBe(200);
    expect(response.json().mappings.map((m: { key: string; verified: boolean }) => [m.key, m.verified])).toEqual([
      ['dream', false],
      ['dst', true],
    ]);
  });

  it('uploads a custom mapping as CSV (201), shows it, and imports with it by id', async () => {
    const created = await postCsv('admin', '/api/mappings?name=Kommunens%20koder', 'code;category\nK1;SICKNESS_BENEFIT\n');
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await t.as('boss').get(`/api/mappings/${id}`)).json()).toMatchObject({
      name: 'Kommunens koder',
      verified: false,
      codes: [{ code: 'K1', category: 'SICKNESS_BENEFIT' }],
    });
    const started = await postCsv(
      'boss',
      `/api/imports/register?layout=long&mapping=${id}`,
      'cpr;week;code\n0101851234;2015-W10;K1\n0101851234;2015-W11;K1\n',
    );
    expect(started.statusCode).toBe(202);
    expect(await waitFor(started.json().id)).toMatchObject({
      status: 'done',
      counts: { spells: 1 },
      warnings: [expect.stringMatching(/not verified/)],
    });
  });

  it('answers 400 with line numbers for a bad mapping file, and 403 to a manager', async () => {
    const bad = await postCsv('admin', '/api/mappings?name=x', 'K1;EDUCATION\nK2;SICK\nK1;EDUCATION\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.errors.map((e: { line: number }) => e.line)).toEqual([2, 3]);
    expect((await postCsv('boss', '/api/mappings?name=x', 'K1;EDUCATION\n')).statusCode).toBe(403);
  });

  it('warns on an import with the DREAM template', async () => {
    const started = await postCsv('boss', '/api/imports/register?layout=wide&mapping=dream', 'cpr;2016-W01\n0101851234;891\n');
    expect(await waitFor(started.json().id)).toMatchObject({
      status: 'done',
      warnings: [expect.stringMatching(/'dream' is not verified/)],
    });
  });

  it('refuses an unknown mapping with 400 INVALID_INPUT before anything starts', async () => {
    const [before] = await t.db.query<{ n: number }>('select count(*)::int as n from imports');
    const response = await postCsv('boss', '/api/imports/register?layout=long&mapping=dreem', 'cpr;week;code\n');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'mapping' } });
    const [after] = await t.db.query<{ n: number }>('select count(*)::int as n from imports');
    expect(after!.n).toBe(before!.n);
  });
});
