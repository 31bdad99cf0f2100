import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { SecureCookies } from '../../config.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { logIn, logOut } from '../../use-cases/log-in.ts';
import type { Actor } from '../../use-cases/use-case-context.ts';
import { contextOf, sessionCookie } from '../request-context.ts';
import { LoginBodySchema } from './auth.schemas.ts';

/** The logged-in user as the web UI sees it. */
function userView(actor: Actor) {
  const { userId, ...rest } = actor;
  return { id: userId, ...rest };
}

/** Logins per minute from one client address, whatever the usernames. */
export const loginsPerMinutePerAddress = 30;

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The session cookie is `Secure` by default (issue 10): always, except on plain HTTP to a loopback host
 * (`npm start` on http://localhost:3000) or with NODE_ENV=development; MENTORSPOR_SECURE_COOKIES=1/0
 * forces it on or off.
 */
export function cookieIsSecure(setting: SecureCookies, request: FastifyRequest): boolean {
  if (setting !== 'auto') return setting === 'always';
  return !(request.protocol === 'http' && loopbackHosts.has(request.hostname));
}

export const authRoutes: FastifyPluginAsyncTypebox<{ db: Database; now: () => Date; secureCookies: SecureCookies }> = async (app, deps) => {
  // Per client address, on top of the per-(username, address) back-off in log-in.ts (issue 10). No limit
  // per username alone: an attacker could keep it exhausted and so lock the real user out.
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', 'Too many login attempts from this address', {
        reason: 'LOGIN_RATE_LIMIT',
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  });
  app.post(
    '/api/auth/login',
    { schema: { tags: ['auth'], body: LoginBodySchema }, config: { rateLimit: { max: loginsPerMinutePerAddress, timeWindow: 60_000 } } },
    async (request, reply) => {
      const session = await logIn(deps.db, { ...request.body, now: deps.now(), ip: request.ip });
      void reply.setCookie(sessionCookie, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: cookieIsSecure(deps.secureCookies, request),
        expires: session.expiresAt,
      });
      return { user: userView(session.actor) };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const token = request.cookies[sessionCookie];
    if (token) await logOut(deps.db, token);
    void reply.clearCookie(sessionCookie, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'] } }, async (request) => ({ user: userView(contextOf(request).actor) }));
};
