import type { FastifyInstance } from 'fastify';
import { ErrorResponseSchema } from './common.schemas.ts';
import { operationSummaries } from './operation-summaries.ts';
import { successResponsesOf } from './response-schemas.ts';

/** Operations that need no session (OpenAPI `security: []`). */
const public_ = new Set([
  '/api/auth/login',
  '/api/auth/config',
  '/api/auth/oidc/login',
  '/api/auth/oidc/callback',
  '/api/health',
  '/api/health/ready',
  '/api/openapi.json',
]);

/**
 * Every route has its operation id and summary (operation-summaries.ts) and documents the error body (issue 10): `4xx` and `5xx` answers are
 * `{ error: { code, message, details } }` in the OpenAPI document, unless the route says more itself;
 * routes that need no session say so (`security: []`).
 */
export function documentErrorResponses(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.schema?.hide) return;
    const schema = (route.schema ??= {});
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    const described = methods.length === 1 ? operationSummaries[`${methods[0]} ${route.url}`] : undefined;
    if (described) {
      const operation = schema as { operationId?: string; summary?: string };
      operation.operationId ??= described[0];
      operation.summary ??= described[1];
    }
    const response = (schema.response ??= {}) as Record<string, unknown>;
    if (methods.length === 1) {
      for (const [status, answer] of Object.entries(successResponsesOf(`${methods[0]} ${route.url}`))) response[status] ??= answer;
    }
    response['4xx'] ??= {
      ...ErrorResponseSchema,
      description:
        'Refused: INVALID_INPUT 400, UNAUTHENTICATED 401, FORBIDDEN 403, NOT_FOUND 404, CONFLICT 409, 415, RULE_VIOLATED 422, RATE_LIMITED 429',
    };
    response['5xx'] ??= { ...ErrorResponseSchema, description: 'INTERNAL 500 with details.requestId; 503 from /api/health/ready' };
    if (public_.has(route.url)) (schema as { security?: unknown[] }).security = [];
  });
}
