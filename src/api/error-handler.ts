import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, type AppErrorCode } from '../errors.ts';

/** The one table from error codes to HTTP statuses (house style). */
export const httpStatusOf: Record<AppErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE_VIOLATED: 422,
  CONFIG_INVALID: 500,
  RATE_LIMITED: 429,
};

type PgError = { code?: string; constraint?: string; detail?: string };

export function errorHandler(error: FastifyError & PgError, request: FastifyRequest, reply: FastifyReply): void {
  if (isAppError(error)) {
    if (typeof error.details?.retryAfterSeconds === 'number') void reply.header('retry-after', String(error.details.retryAfterSeconds));
    void reply.status(httpStatusOf[error.code]).send({ error: { code: error.code, message: error.message, details: error.details ?? {} } });
    return;
  }
  if (error.validation) {
    const problems = error.validation.map((v) => ({
      field:
        (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || (v.params as { missingProperty?: string })?.missingProperty || '',
      problem: v.keyword,
      message: v.message ?? '',
    }));
    void reply.status(400).send({
      error: { code: 'INVALID_INPUT', message: `Invalid ${error.validationContext ?? 'request'}: ${error.message}`, details: { problems } },
    });
    return;
  }
  if (error.code === '23505') {
    void reply.status(409).send({ error: { code: 'CONFLICT', message: 'Already exists', details: {} } });
    return;
  }
  if (error.code === '23503') {
    // A referenced row that is missing — or belongs to another municipality — is a 404, exactly like a
    // missing id in the path; the constraint is not named, so the answer reveals nothing (issue 10).
    if (/is not present in table/.test(error.detail ?? '')) {
      void reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'A referenced row was not found', details: {} } });
    } else {
      void reply.status(409).send({ error: { code: 'CONFLICT', message: 'The row is still in use', details: {} } });
    }
    return;
  }
  // Row-level security refused a row of another municipality (42501 with a policy): the database's last
  // line of tenancy, answered like a missing id.
  if (error.code === '42501' && /row-level security/.test(error.message)) {
    request.log.warn({ kind: 'ROW_LEVEL_SECURITY' }, 'a write into another municipality was refused by the database');
    void reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'A referenced row was not found', details: {} } });
    return;
  }
  // PostgreSQL's data exceptions (class 22: a number or date out of range, a NUL byte) and a too deep
  // expression (54001) come from the input, not from a fault of the server.
  if ((typeof error.code === 'string' && /^22[0-9A-Z]{3}$/.test(error.code)) || error.code === '54001') {
    void reply
      .status(400)
      .send({ error: { code: 'INVALID_INPUT', message: 'A value is out of range or not allowed', details: { reason: 'DATA_EXCEPTION' } } });
    return;
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    void reply.status(status).send({ error: { code: 'INVALID_INPUT', message: error.message, details: { reason: error.code ?? null } } });
    return;
  }
  // The stack's first line is the message, which may quote personal data: only the frames are logged.
  request.log.error(
    { fault: { type: error.name, code: error.code ?? null, frames: error.stack?.split('\n').slice(1).join('\n') ?? null } },
    'unexpected error',
  );
  void reply.status(500).send({ error: { code: 'INTERNAL', message: 'Internal error', details: { requestId: request.id } } });
}
