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
};

type PgError = { code?: string; constraint?: string; detail?: string };

export function errorHandler(error: FastifyError & PgError, request: FastifyRequest, reply: FastifyReply): void {
  if (isAppError(error)) {
    void reply.status(httpStatusOf[error.code]).send({ error: { code: error.code, message: error.message, details: error.details ?? {} } });
    return;
  }
  if (error.validation) {
    const problems = error.validation.map((v) => ({
      field: (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || (v.params as { missingProperty?: string })?.missingProperty || '',
      problem: v.keyword,
      message: v.message ?? '',
    }));
    void reply.status(400).send({
      error: { code: 'INVALID_INPUT', message: `Invalid ${error.validationContext ?? 'request'}: ${error.message}`, details: { problems } },
    });
    return;
  }
  if (error.code === '23505') {
    void reply.status(409).send({ error: { code: 'CONFLICT', message: 'Already exists', details: { constraint: error.constraint ?? null } } });
    return;
  }
  if (error.code === '23503') {
    void reply.status(409).send({ error: { code: 'CONFLICT', message: 'Referenced row is missing or still in use', details: { constraint: error.constraint ?? null } } });
    return;
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.statusCode === 400) {
    void reply.status(400).send({ error: { code: 'INVALID_INPUT', message: error.message, details: {} } });
    return;
  }
  if (error.statusCode === 415 || error.statusCode === 413) {
    void reply.status(error.statusCode).send({ error: { code: 'INVALID_INPUT', message: error.message, details: {} } });
    return;
  }
  request.log.error(error);
  void reply.status(500).send({ error: { code: 'INTERNAL', message: 'Internal error', details: {} } });
}
