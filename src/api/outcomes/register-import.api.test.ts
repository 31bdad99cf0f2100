import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishedImport, multipartCsvUpload } from '../test-factories.ts';
import { openTestApp, type TestApp, sameOrigin } from '../test-app.ts';

describe('register import through the API', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await openTestApp();
    await t.as('cw').post('/api/citizens', { cpr: '0101851234', name: 'A' });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: sameOrigin,
      payload: { username: 'boss', password: 'test-password-1' },
    });
    cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  });
  afterAll(async () => {
    await t.close();
  });

  async function upload(csv: string, layout = 'long') {
    return t.app.inject({
      method: 'POST',
      url: `/api/imports/register?layout=${layout}&mapping=dst`,
      headers: { ...sameOrigin, cookie, 'content-type': 'text/csv' },
      payload: csv,
    });
  }
  const waitFor = (id: number) => finishedImport(t, id, 'boss');

  it('accepts a CSV body with 202, then reports counts', async () => {
    const response = await upload('cpr;week;code\n0101851234;2015-W01;318\n0101851234;2015-W02;318\n');
    expect(response.statusCode).toBe(202);
    const record = await waitFor(response.json().id);
    expect(record).toMatchObject({ status: 'done', counts: { weeks: 2, spells: 1, citizens: 1 }, errors: [] });
  });

  it('reports bad lines with numbers and imports nothing', async () => {
    const record = await waitFor((await upload('cpr;week;code\n0101851234;2016-W01;318\n0101851234;2016-W02;xyz\n')).json().id);
    expect(record).toMatchObject({ status: 'failed', errors: [{ line: 3, message: "unknown code 'xyz' in the dst mapping" }] });
    const [row] = await t.db.query<{ n: number }>('select count(*) as n from register_status_spells');
    expect(row!.n).toBe(1);
  });

  it('accepts the extract as a multipart file upload (field "file"), streamed to a temporary file', async () => {
    // 6 Jan 2017: a wide extract uploaded from the browser's file picker or `curl -F file=@extract.csv`.
    const upload = multipartCsvUpload('extract.csv', 'cpr;2017-W01;2017-W02;2017-W03\n0101851234;318;318;\n');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/imports/register?layout=wide&mapping=dst',
      headers: { ...sameOrigin, cookie, 'content-type': upload.contentType },
      payload: upload.payload,
    });
    expect(response.statusCode).toBe(202);
    const record = await waitFor(response.json().id);
    expect(record).toMatchObject({ status: 'done', counts: { weeks: 2, spells: 1, citizens: 1 } });
    const wrongField = upload.payload.replace('name="file"', 'name="upload"');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/imports/register?layout=wide',
      headers: { ...sameOrigin, cookie, 'content-type': upload.contentType },
      payload: wrongField,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.field).toBe('file');
  });

  it('answers 400 for a missing layout and 403 for a caseworker', async () => {
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/imports/register',
          headers: { ...sameOrigin, cookie, 'content-type': 'text/csv' },
          payload: 'cpr;week;code\n',
        })
      ).statusCode,
    ).toBe(400);
    expect((await t.as('cw').get('/api/imports/1')).statusCode).toBe(403);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: sameOrigin,
      payload: { username: 'cw', password: 'test-password-1' },
    });
    const cw = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/imports/register?layout=long',
      headers: { ...sameOrigin, cookie: cw, 'content-type': 'text/csv' },
      payload: 'cpr;week;code\n',
    });
    expect(refused.statusCode).toBe(403);
  });
});
