/**
 * Cross-site requests and security headers (issue 10). Story, 3 December 2026: a caseworker with an open
 * session visits a hostile page that posts to Mentorspor (grant approvals, CSV imports as text/plain
 * forms, logins). Every state-changing route refuses it with 403 before anything is parsed, and nothing
 * in the database changes; the app's own pages keep working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, sameOrigin, type TestApp } from './test-app.ts';

describe('cross-site requests (issue 10)', () => {
  let t: TestApp;
  let cookie: string;
  const rowCounts = async () => {
    const tables = await t.db.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = (await t.db.query<{ n: number }>(`select count(*)::int as n from ${name}`))[0]!.n;
    // Refusals on citizen routes are audited (access_denied); that is the one change they may make.
    counts.audit_log = (await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action <> 'access_denied'`))[0]!.n;
    return counts;
  };

  beforeAll(async () => {
    t = await openTestApp({ now: new Date('2026-12-03T10:00:00Z') });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: sameOrigin,
      payload: { username: 'cw', password: 'test-password-1' },
    });
    expect(login.statusCode).toBe(200);
    cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses every state-changing route with a foreign, a missing or a same-site origin, and changes nothing', async () => {
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(openapi.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => [m.toUpperCase() as 'POST' | 'PUT' | 'PATCH' | 'DELETE', path.replace(/\{[^}]+\}/g, '1')] as const),
    );
    expect(routes.length).toBeGreaterThan(30);
    expect(routes).toContainEqual(['POST', '/api/auth/login']);
    expect(routes).toContainEqual(['POST', '/api/grants/1/approve']);
    const before = await rowCounts();
    const attacks = [
      { origin: 'https://evil.example' },
      {},
      { origin: 'http://localhost', 'sec-fetch-site': 'same-site' },
      { origin: 'null' },
    ];
    const answers: string[] = [];
    for (const [method, url] of routes) {
      for (const headers of attacks) {
        const response = await t.app.inject({
          method,
          url,
          headers: { ...headers, cookie, 'content-type': 'text/plain' },
          payload: 'cpr;name\n0101901234;Mallory',
        });
        const reason = response.statusCode === 403 ? response.json().error.details.reason : response.statusCode;
        if (reason !== 'CROSS_SITE_REQUEST') answers.push(`${method} ${url} ${JSON.stringify(headers)} → ${reason}`);
      }
    }
    expect(answers).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  it("serves the app's own requests: same Origin host, or Sec-Fetch-Site: same-origin", async () => {
    const byOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/citizens',
      headers: { ...sameOrigin, cookie },
      payload: { cpr: '0101901234', name: 'Nora' },
    });
    expect(byOrigin.statusCode).toBe(201);
    const byFetchMetadata = await t.app.inject({
      method: 'POST',
      url: '/api/citizens',
      headers: { 'sec-fetch-site': 'same-origin', cookie },
      payload: { cpr: '0202902345', name: 'Omar' },
    });
    expect(byFetchMetadata.statusCode).toBe(201);
    // Reading is not state-changing: a GET needs no Origin.
    expect((await t.app.inject({ method: 'GET', url: '/api/citizens', headers: { cookie } })).statusCode).toBe(200);
  });

  it('sends the security headers on API answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).toContain("object-src 'none'");
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('sets the session cookie Secure by default, except on plain HTTP to a loopback host', async () => {
    const login = (host: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { host, origin: `http://${host}` },
        payload: { username: 'cw', password: 'test-password-1' },
      });
    const setCookie = async (host: string) => String((await login(host)).headers['set-cookie']);
    expect(await setCookie('mentor.kommune.dk')).toMatch(/; Secure/);
    expect(await setCookie('localhost:3000')).not.toMatch(/; Secure/);
    expect(await setCookie('127.0.0.1:3000')).not.toMatch(/; Secure/);
  });
});
