import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noCitizenMatchedWarning } from '../../domain/register-mappings.ts';
import { finishedImport, multipartCsvUpload } from '../test-factories.ts';
import { openTestApp, type TestApp, sameOrigin } from '../test-app.ts';

/**
 * Issue 14: the import history lists every import with kind, file, user, start, status and counts; an
 * import in which no citizen matched says so; the input's size is recorded for progress in %.
 */
describe('import history', () => {
  let t: TestApp;
  const cookieOf = (username: string) => t.cookieOf(username);
  async function uploadFile(name: string, csv: string, username = 'boss') {
    const upload = multipartCsvUpload(name, csv, 'history-boundary');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/imports/register?layout=wide&mapping=dst',
      headers: { ...sameOrigin, cookie: await cookieOf(username), 'content-type': upload.contentType },
      payload: upload.payload,
    });
    expect(response.statusCode).toBe(202);
    return waitFor(response.json().id, username);
  }
  const waitFor = (id: number, username: string) => finishedImport(t, id, username);
  const history = async (username: string, query = '') =>
    t.app.inject({ method: 'GET', url: `/api/imports${query}`, headers: { cookie: await cookieOf(username) } });

  beforeAll(async () => {
    t = await openTestApp();
    await t.as('cw').post('/api/citizens', { cpr: '0101851234', name: 'Asta Holm' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists an uploaded extract with its file name, user, size, status and counts', async () => {
    // 6 Jan 2017: the manager uploads the quarter's extract from the browser.
    const csv = 'cpr;2017-W01;2017-W02\n0101851234;318;318\n';
    const record = await uploadFile('C:\\Udtræk\\dst-2017-q1.csv', csv);
    expect(record).toMatchObject({ status: 'done', fileName: 'dst-2017-q1.csv', inputBytes: Buffer.byteLength(csv), warnings: [] });
    const response = await history('boss');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(response.json().imports[0]).toMatchObject({
      id: record.id,
      kind: 'register:wide:dst',
      fileName: 'dst-2017-q1.csv',
      createdByName: 'boss',
      status: 'done',
      counts: { lines: 2, citizens: 1, unknownCitizens: 0 },
      errorCount: 0,
      warningCount: 0,
    });
    expect(response.json().imports[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('warns when not one citizen of the file matched, and lists the warning', async () => {
    // Another municipality's extract: two CPR numbers the case system does not know.
    const record = await uploadFile('andens-kommune.csv', 'cpr;2017-W01\n0202851234;318\n0303851234;318\n');
    expect(record).toMatchObject({ status: 'done', counts: { citizens: 0, unknownCitizens: 2 }, warnings: [noCitizenMatchedWarning] });
    const newest = (await history('boss')).json().imports[0];
    expect(newest).toMatchObject({ id: record.id, warningCount: 1 });
  });

  it('shows case-history imports only to the roles that may run them', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/imports/citizens',
      headers: { ...sameOrigin, cookie: await cookieOf('coord'), 'content-type': 'text/csv' },
      payload: 'cpr;name\n0404851234;Bo Berg\n',
    });
    await waitFor(started.json().id, 'coord');
    const coordinator = (await history('coord')).json();
    expect(coordinator.total).toBe(3);
    expect(coordinator.imports[0]).toMatchObject({ kind: 'case-history:citizens', fileName: null, createdByName: 'coord' });
    const manager = (await history('boss')).json();
    expect(manager.total).toBe(2);
    expect(manager.imports.map((i: { kind: string }) => i.kind)).not.toContain('case-history:citizens');
  });

  it('pages, refuses a bad page and is closed to caseworkers', async () => {
    expect((await history('coord', '?page=2')).json()).toMatchObject({ total: 3, page: 2, imports: [] });
    expect((await history('coord', '?page=0')).statusCode).toBe(400);
    expect((await history('coord', '?from=2017')).statusCode).toBe(400);
    expect((await history('cw')).statusCode).toBe(403);
  });
});
