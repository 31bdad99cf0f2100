import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { SessionResolver } from '../use-cases/session-cache.ts';
import { tenantContext, type UseCaseContext } from '../use-cases/use-case-context.ts';

export const sessionCookie = 'mentorspor_session';

declare module 'fastify' {
  interface FastifyRequest {
    useCaseContext: UseCaseContext | null;
    /** The session's user has a one-time password and must choose their own first. */
    mustChangePassword: boolean;
  }
}

/** What a user with a one-time password may still do: see who they are, choose a password, log out. */
const allowedBeforePasswordChange = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout', '/api/auth/config']);

/**
 * Resolves the session cookie into the use-case context of every /api request. Routes call
 * `contextOf(request)`, which answers 401 when nobody is logged in; role checks happen in the use cases.
 */
export function registerRequestContext(app: FastifyInstance, deps: { db: Database; sessions: SessionResolver; now: () => Date }): void {
  app.decorateRequest('useCaseContext', null);
  app.decorateRequest('mustChangePassword', false);
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = request.cookies[sessionCookie];
    if (!token) return;
    const session = await deps.sessions.resolve(token, deps.now());
    if (!session) return;
    const actor = session.actor;
    request.mustChangePassword = session.mustChangePassword;
    if (session.mustChangePassword && request.url.startsWith('/api/') && !allowedBeforePasswordChange.has(request.url.split('?')[0]!)) {
      throw new AppError('FORBIDDEN', 'Choose your own password first', { reason: 'PASSWORD_CHANGE_REQUIRED' });
    }
    const purposeHeader = request.headers['x-purpose'];
    const purpose =
      typeof purposeHeader === 'string' && purposeHeader.trim() !== '' ? purposeHeader.trim().slice(0, 200) : 'sagsbehandling';
    request.useCaseContext = tenantContext(deps.db, actor, purpose, deps.now);
  });
}

export function contextOf(request: FastifyRequest): UseCaseContext {
  if (!request.useCaseContext) throw new AppError('UNAUTHENTICATED', 'Log in first');
  return request.useCaseContext;
}
