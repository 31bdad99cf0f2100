/**
 * The published contract (issues 10 and 16): every operation documents its error answers and how it is
 * authenticated; the session cookie is the security scheme.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from './test-app.ts';

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>; security?: unknown[] };

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components?: { securitySchemes?: Record<string, unknown> };
    security?: unknown[];
  };
  beforeAll(async () => {
    t = await openTestApp();
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });
  afterAll(async () => {
    await t.close();
  });

  it('names the session cookie as the security scheme, and the login and health checks as public', () => {
    expect(doc.components?.securitySchemes).toEqual({ session: { type: 'apiKey', in: 'cookie', name: 'mentorspor_session' } });
    expect(doc.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/auth/login']!.post!.security).toEqual([]);
    expect(doc.paths['/api/health/ready']!.get!.security).toEqual([]);
    expect(doc.paths['/api/grants']!.post!.security).toBeUndefined();
  });

  it('documents the error body on every operation', () => {
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const status of ['4XX', '5XX']) {
          const schema = operation.responses?.[status]?.content?.['application/json']?.schema as
            { properties?: { error?: unknown } } | undefined;
          if (!schema?.properties?.error) missing.push(`${method.toUpperCase()} ${path} ${status}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
