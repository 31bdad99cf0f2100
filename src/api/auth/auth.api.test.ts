import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testPassword, type TestApp, sameOrigin } from '../test-app.ts';

describe('authentication and access', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  /** A login posted from our own origin, as the web app sends it; from 127.0.0.1 unless `remoteAddress` is given. */
  const login = (payload: { username: string; password?: string }, remoteAddress?: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', headers: sameOrigin, remoteAddress, payload });

  it('reports health and the database engine without login', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: t.db.engine === 'pglite' ? 'pglite' : 'postgres' });
  });

  it('answers 401 UNAUTHENTICATED on a protected route without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/citizens?q=a' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('logs in with a password and sets an http-only session cookie', async () => {
    const response = await login({ username: 'admin', password: testPassword });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ username: 'admin', role: 'admin' });
    const cookie = response.cookies.find((c) => c.name === 'mentorspor_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
  });

  it('backs off an attacker per username and address, while the real user logs in from their own address (issue 10)', async () => {
    await t.createUser('victim', 'caseworker');
    const victimLogin = (password: string, remoteAddress: string, username = 'victim') => login({ username, password }, remoteAddress);
    // 3 December 2026: an attacker at 203.0.113.9 tries 3 passwords (free), then is backed off.
    for (let i = 0; i < 4; i += 1) expect((await victimLogin(`guess-${i}`, '203.0.113.9')).statusCode).toBe(401);
    const backedOff = await victimLogin(testPassword, '203.0.113.9');
    expect(backedOff.statusCode).toBe(429);
    expect(backedOff.json().error).toMatchObject({ code: 'RATE_LIMITED', details: { reason: 'LOGIN_BACK_OFF' } });
    expect(Number(backedOff.headers['retry-after'])).toBeGreaterThan(0);
    // The victim, at the office, is not locked out.
    expect((await victimLogin(testPassword, '192.0.2.10')).statusCode).toBe(200);
    // An unknown username is backed off exactly alike: the answer reveals nothing.
    for (let i = 0; i < 4; i += 1) expect((await victimLogin(`guess-${i}`, '203.0.113.9', 'nobody')).statusCode).toBe(401);
    expect((await victimLogin('x', '203.0.113.9', 'nobody')).json().error.details.reason).toBe('LOGIN_BACK_OFF');
  });

  it('gives the same answer to an unknown user, an inactive user and a wrong password, and audits each failure', async () => {
    const wrong = await login({ username: 'cw', password: 'nope' }, '198.51.100.1');
    const unknown = await login({ username: '0101901234', password: 'nope' }, '198.51.100.2');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(unknown.json()).toEqual(wrong.json());
    const failed = await t.db.query<{ username: string; municipalityId: number | null; criterion: string }>(
      `select username, municipality_id as "municipalityId", criterion from audit_log where action = 'login_failed' and criterion in ('ip:198.51.100.1', 'ip:198.51.100.2') order by criterion`,
    );
    expect(failed).toEqual([
      { username: 'cw', municipalityId: t.municipalityId, criterion: 'ip:198.51.100.1' },
      // A CPR number typed as a username is never stored.
      { username: 'XXXXXXXXXX', municipalityId: null, criterion: 'ip:198.51.100.2' },
    ]);
  });

  it('limits logins per address to 30 a minute, whatever the usernames (429 RATE_LIMITED)', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      answers.push((await login({ username: `user${i}`, password: 'x' }, '198.51.100.77')).statusCode);
    }
    expect(answers.slice(0, 30).every((s) => s === 401)).toBe(true);
    const limited = await login({ username: 'admin', password: testPassword }, '198.51.100.77');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'RATE_LIMITED', details: { reason: 'LOGIN_RATE_LIMIT' } });
  });

  it('audits a denied request on citizen data, with the citizen when it exists (issue 10)', async () => {
    const citizen = await t.as('cw').post('/api/citizens', { cpr: '0303903333', name: 'Karen' });
    const id = citizen.json().id;
    expect((await t.as('boss').get(`/api/citizens/${id}`)).statusCode).toBe(403);
    expect((await t.as('cw').get('/api/citizens/999999')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/citizens/${id}` })).statusCode).toBe(401);
    // The audit rows are written after each answer is sent, so they may land in any order: wait for all three.
    const query = () =>
      t.db.query<{ username: string; citizenId: number | null; criterion: string }>(
        `select username, citizen_id as "citizenId", criterion from audit_log where action = 'access_denied' and criterion like '% /api/citizens/:id' order by criterion`,
      );
    let denied = await query();
    for (let i = 0; i < 100 && denied.length < 3; i += 1) {
      await new Promise((r) => setTimeout(r, 20));
      denied = await query();
    }
    expect(denied).toEqual([
      { username: '(ingen session)', citizenId: null, criterion: '401 GET /api/citizens/:id' },
      { username: 'boss', citizenId: id, criterion: '403 GET /api/citizens/:id' },
      { username: 'cw', citizenId: null, criterion: '404 GET /api/citizens/:id' },
    ]);
  });

  it('answers 400 INVALID_INPUT for a malformed login body', async () => {
    const response = await login({ username: 'admin' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('INVALID_INPUT');
  });

  it('publishes an OpenAPI document generated from the validating schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    const grantBody = doc.paths['/api/grants'].post.requestBody.content['application/json'].schema;
    expect(grantBody.required).toEqual(expect.arrayContaining(['citizenId', 'type', 'agreedOn', 'startDate', 'endDate', 'weeklyHours']));
  });

  it('forbids a manager to read citizen data (403 FORBIDDEN, least privilege)', async () => {
    const response = await t.as('boss').get('/api/citizens?q=a');
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
  });
});
