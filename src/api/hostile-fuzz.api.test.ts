/**
 * Fuzzing every write operation from the OpenAPI document (issue 10). Story, 3 December 2026: a careless
 * integration and an attacker send ~1,500 invalid requests to a municipality that has a citizen, a
 * mentor and an approved grant. Every one answers 4xx with the documented error body, nothing changes,
 * and the server still answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzVariants, type OpenApiDocument } from './test-fuzz.ts';
import { openTestApp, sameOrigin, type TestApp } from './test-app.ts';

describe('fuzzing every write operation (issue 10)', () => {
  let t: TestApp;
  let cookie: string;

  const rowCounts = async () => {
    const tables = await t.db.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'
         and table_name not in ('sessions', 'login_throttle', 'audit_log') order by 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = (await t.db.query<{ n: number }>(`select count(*)::int as n from ${name}`))[0]!.n;
    return counts;
  };

  beforeAll(async () => {
    t = await openTestApp({ now: new Date('2026-12-03T10:00:00Z') });
    const provider = (await t.as('coord').post('/api/providers', { name: 'Jobcentret', type: 'internal' })).json().id;
    await t
      .as('coord')
      .post('/api/mentors', { name: 'Mia', providerId: provider, phone: '1', qualifications: ['x'], weeklyCapacityHours: 10 });
    await t.as('cw').post('/api/citizens', { cpr: '0101901234', name: 'Nora' });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: sameOrigin,
      payload: { username: 'cw', password: 'test-password-1' },
    });
    cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers every invalid variant with 4xx and the error body, changes nothing, and keeps serving', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDocument;
    const variants = fuzzVariants(doc, { origin: sameOrigin.origin });
    expect(variants.length).toBeGreaterThan(1000);
    const before = await rowCounts();
    const wrong: string[] = [];
    for (const variant of variants) {
      const response = await t.app.inject({
        method: variant.method,
        url: variant.url,
        headers: { ...variant.headers, cookie },
        payload: variant.payload,
      });
      const body =
        response.statusCode >= 400 && response.statusCode < 500
          ? (response.json() as { error?: { code?: unknown; message?: unknown } })
          : null;
      if (!body || typeof body.error?.code !== 'string' || typeof body.error.message !== 'string')
        wrong.push(`${variant.label} → ${response.statusCode}`);
    }
    expect(wrong).toEqual([]);
    expect(await rowCounts()).toEqual(before);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
