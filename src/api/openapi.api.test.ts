/**
 * The published contract (issues 10 and 16): every operation documents its error answers and how it is
 * authenticated; the session cookie is the security scheme; Redocly's recommended rules find no error.
 */
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationSummaries } from './operation-summaries.ts';
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

  it('documents a success answer on every operation: a JSON schema, a file of its media type, or a redirect', () => {
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^(2\d\d|302)$/.test(status));
        const described = success.some(
          ([status, answer]) => status === '204' || status === '302' || Object.values(answer.content ?? {}).some((c) => c.schema),
        );
        if (!described) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('describes the file bodies: CSV imports as text/csv, the register extract also as a multipart upload', () => {
    const bodyTypes = (path: string) =>
      Object.keys((doc.paths[path]!.post as { requestBody?: { content?: object } }).requestBody?.content ?? {}).sort();
    for (const kind of ['citizens', 'target-groups', 'grants', 'offers']) expect(bodyTypes(`/api/imports/${kind}`)).toEqual(['text/csv']);
    expect(bodyTypes('/api/mappings')).toEqual(['text/csv']);
    expect(bodyTypes('/api/imports/register')).toEqual(['multipart/form-data', 'text/csv']);
    expect(bodyTypes('/api/invoices')).toEqual(['application/json', 'text/csv']);
  });

  it('passes Redocly’s recommended ruleset with no error, and names and summarises every operation', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
    expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer}`)).toEqual([]);
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`),
    );
    // Every entry of the table names a route, and every route has an entry.
    expect(Object.keys(operationSummaries).sort()).toEqual(operations.sort());
  });
});
