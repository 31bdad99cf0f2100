/**
 * Hostile and careless input (issue 10): every case answers 4xx with the documented error body, nothing
 * is stored, and no background job fails in a way that could stop the process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importsRepository } from '../db/repositories/imports-repository.ts';
import { usersRepository } from '../db/repositories/users-repository.ts';
import { failInterruptedImports } from '../use-cases/fail-interrupted-imports.ts';
import { openTestApp, type TestApp, sameOrigin } from './test-app.ts';

describe('hostile input on 2026-12-03', () => {
  let t: TestApp;
  let providerId: number;
  let grantCount: () => Promise<number>;
  const counts = async () => {
    const rows = await t.db.query<{ mentors: number; imports: number; providers: number; citizens: number }>(
      `select (select count(*) from mentors)::int as mentors, (select count(*) from imports)::int as imports,
              (select count(*) from providers)::int as providers, (select count(*) from citizens)::int as citizens`,
    );
    return rows[0]!;
  };
  const cookieOf = async (username: string) => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: sameOrigin,
      payload: { username, password: 'test-password-1' },
    });
    return login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  };

  beforeAll(async () => {
    t = await openTestApp();
    const provider = await t.as('coord').post('/api/providers', { name: 'Jobcentret', type: 'internal' });
    expect(provider.statusCode).toBe(201);
    providerId = provider.json().id;
    grantCount = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from grants'))[0]!.n;
  });
  afterAll(async () => {
    await t.close();
  });

  function expectError(response: { statusCode: number; json(): unknown }, status: number, code = 'INVALID_INPUT') {
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ error: { code, message: expect.any(String), details: expect.any(Object) } });
  }

  it('refuses a body that breaks the schema instead of coercing it: no mentor under provider 1 from {"name":12345,"providerId":true}', async () => {
    const before = await counts();
    expectError(await t.as('coord').post('/api/mentors', { name: 12345, providerId: true }), 400);
    expectError(await t.as('coord').post('/api/mentors', { name: 'Mette', providerId: String(providerId) }), 400);
    expectError(await t.as('coord').post('/api/mentors', { name: 'Mette', providerId, unknownField: 1 }), 400);
    expectError(await t.as('coord').post('/api/mentors', { name: null, providerId }), 400);
    expect(await counts()).toEqual(before);
    // The same body, well-typed, is accepted: the refusals above were about the types.
    expect((await t.as('coord').post('/api/mentors', { name: 'Mette', providerId })).statusCode).toBe(201);
  });

  it('refuses control characters in JSON strings and keys, non-finite numbers and absurd nesting', async () => {
    const before = await counts();
    const cookie = await cookieOf('coord');
    const raw = (payload: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/mentors',
        headers: { ...sameOrigin, cookie, 'content-type': 'application/json' },
        payload,
      });
    expectError(await raw(`{"name":"Mette\\u0000","providerId":${providerId}}`), 400);
    expectError(await raw(`{"name":"Mette\\u001b[31m","providerId":${providerId}}`), 400);
    expectError(await raw(`{"na\\u0000me":"Mette","providerId":${providerId}}`), 400);
    expectError(await raw(`{"name":"Mette","providerId":1e999}`), 400);
    expectError(await raw(`{"name":"Mette","providerId":${providerId},"weeklyCapacityHours":1e308}`), 400);
    expectError(await raw(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), 400);
    expectError(await raw(`{"name":"Mette","providerId":${providerId}`), 400);
    expectError(await raw(''), 400);
    expectError(await raw(`{"__proto__":{"admin":true},"name":"Mette","providerId":${providerId}}`), 400);
    expect(await counts()).toEqual(before);
  });

  it('answers ids beyond the integer range with 400, not 500', async () => {
    expectError(await t.as('cw').post('/api/grants/2147483648/approve', {}), 400);
    expectError(await t.as('cw').get('/api/grants/99999999999999999999'), 400);
    expectError(await t.as('cw').post('/api/grants', { citizenId: 2147483648 }), 400);
    // An id is written in digits: coercion must not read "1e0" as citizen 1.
    const citizen = (await t.as('cw').post('/api/citizens', { cpr: '0606906789', name: 'Ida' })).json().id;
    expect((await t.as('cw').get(`/api/citizens/${citizen}`)).statusCode).toBe(200);
    expectError(await t.as('cw').get(`/api/citizens/${citizen}e0`), 400);
    expectError(await t.as('cw').get(`/api/citizens/%20${citizen}`), 400);
    expect(await grantCount()).toBe(0);
  });

  it('answers the 9-byte NUL CSV with 400 on every case-history import, starts no job, and the server stays up', async () => {
    const cookie = await cookieOf('coord');
    const before = await counts();
    for (const kind of ['citizens', 'target-groups', 'grants', 'offers']) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/imports/${kind}`,
        headers: { ...sameOrigin, cookie, 'content-type': 'text/csv' },
        payload: '\u0000cpr;name',
      });
      expectError(response, 400);
      expect(response.json().error.details).toMatchObject({ line: 1, reason: 'CONTROL_CHARACTER' });
    }
    expect(await counts()).toEqual(before);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('stores a failed register import whose bad line quotes a NUL byte (multipart upload) as failed, with the byte masked', async () => {
    const cookie = await cookieOf('boss');
    const boundary = 'hostile-boundary';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="x.csv"',
      'Content-Type: text/csv',
      '',
      'cpr;week;code',
      '\u0000101851234;2015-W01;318',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/imports/register?layout=long&mapping=dst',
      headers: { ...sameOrigin, cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(response.statusCode).toBe(202);
    let record: { status: string; errors: { line: number; message: string }[] } = { status: 'running', errors: [] };
    for (let i = 0; i < 200 && record.status === 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 25));
      record = (await t.app.inject({ method: 'GET', url: `/api/imports/${response.json().id}`, headers: { cookie } })).json();
    }
    expect(record.status).toBe('failed');
    expect(record.errors[0]!.line).toBe(2);
    expect(record.errors[0]!.message).not.toContain('\u0000');
  });

  it('refuses a malformed multipart body and a text/plain body (415), storing nothing', async () => {
    const cookie = await cookieOf('boss');
    const before = await counts();
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/imports/register?layout=long&mapping=dst',
      headers: { ...sameOrigin, cookie, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-da',
    });
    expect(malformed.statusCode).toBeGreaterThanOrEqual(400);
    expect(malformed.statusCode).toBeLessThan(500);
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/imports/citizens',
        headers: { ...sameOrigin, cookie: await cookieOf('coord'), 'content-type': 'text/plain' },
        payload: 'cpr;name\n0101901234;A',
      }),
      415,
    );
    expect(await counts()).toEqual(before);
  });

  it('marks an import left running by a stopped server as failed at the next start, with the reason', async () => {
    const boss = await usersRepository(t.db).findByUsername('boss');
    const id = await importsRepository(t.db).create({ municipalityId: t.municipalityId, kind: 'register:long:dst', createdBy: boss!.id });
    expect(await failInterruptedImports(t.db)).toBe(1);
    const record = (await t.as('boss').get(`/api/imports/${id}`)).json();
    expect(record).toMatchObject({ status: 'failed', errors: [{ line: 0, code: 'INTERRUPTED' }] });
    expect(record.errors[0].message).toMatch(/stopped/);
    expect(await failInterruptedImports(t.db)).toBe(0);
  });

  it('logs each request with an id, method, path and status, never the query string, body or CPR number', async () => {
    await t.as('cw').get('/api/citizens?search=0101901234');
    await t.as('cw').post('/api/citizens', { cpr: '0505905678', name: 'Logget Ikke' });
    const lines = t.logLines.map((line) => JSON.parse(line) as { reqId?: string; req?: { path: string }; res?: { statusCode: number } });
    const search = lines.find((l) => l.req?.path === '/api/citizens');
    expect(search).toMatchObject({ reqId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(lines.some((l) => l.res?.statusCode === 201)).toBe(true);
    expect(t.logLines.join('\n')).not.toMatch(/0101901234|0505905678|Logget Ikke|search=/);
  });
});
