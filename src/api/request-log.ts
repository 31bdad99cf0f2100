import { randomUUID } from 'node:crypto';
import type { FastifyServerOptions } from 'fastify';

/** Where request log lines go: standard output in production, a collector in tests. */
export type LogDestination = { write(line: string): void };

/**
 * Structured request logs (Fastify's pino, issue 10): one JSON line per request start and end with a
 * request id (a UUID, unique across server processes), method, path without its query string (a search
 * may carry a CPR number or a name), status and time. Never headers, cookies, query strings or bodies;
 * errors are logged by kind by api/error-handler.ts.
 */
export function requestLogOptions(destination: LogDestination | true): Pick<FastifyServerOptions, 'logger' | 'genReqId'> {
  return {
    genReqId: () => randomUUID(),
    logger: {
      level: 'info',
      ...(destination === true ? {} : { stream: destination }),
      serializers: {
        req: (request: { method: string; url: string; id: string }) => ({
          id: request.id,
          method: request.method,
          path: request.url.split('?')[0],
        }),
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
        // An error's message may quote personal data: its kind only (Fastify's own typing expects more).
        err: ((error: Error & { code?: unknown }) => ({ type: error.name, code: error.code ?? null })) as never,
      },
    },
  };
}
