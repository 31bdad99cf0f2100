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
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: sameOrigin, payload: { username: 'admin', password: testPassword } });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ username: 'admin', role: 'admin' });
    const cookie = response.cookies.find((c) => c.name === 'mentorspor_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
  });

  it('refuses a wrong password with 401 and locks the account after five failures', async () => {
    await t.createUser('victim', 'caseworker');
    for (let i = 0; i < 5; i += 1) {
      const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: sameOrigin, payload: { username: 'victim', password: 'nope' } });
      expect(wrong.statusCode).toBe(401);
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: sameOrigin, payload: { username: 'victim', password: testPassword } });
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.details.reason).toBe('LOCKED');
  });

  it('answers 400 INVALID_INPUT for a malformed login body', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: sameOrigin, payload: { username: 'admin' } });
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
