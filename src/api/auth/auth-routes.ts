import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SecureCookies } from '../../config.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { changeOwnPassword } from '../../use-cases/change-own-password.ts';
import { logIn, logOut } from '../../use-cases/log-in.ts';
import { finishSingleSignOnLogin, startSingleSignOnLogin, type SingleSignOn } from '../../use-cases/single-sign-on.ts';
import type { Actor } from '../../use-cases/use-case-context.ts';
import { contextOf, sessionCookie } from '../request-context.ts';
import { ChangePasswordBodySchema, LoginBodySchema } from './auth.schemas.ts';

/** The logged-in user as the web UI sees it. */
function userView(actor: Actor, mustChangePassword: boolean) {
  const { userId, ...rest } = actor;
  return { id: userId, ...rest, mustChangePassword };
}

/** The state of the single sign-on login this browser started (only sent to /api/auth/oidc/). */
const signOnStateCookie = 'mentorspor_oidc_state';

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

export const authRoutes: FastifyPluginAsyncTypebox<{
  db: Database;
  now: () => Date;
  secureCookies: SecureCookies;
  singleSignOn: SingleSignOn | null;
}> = async (app, deps) => {
  const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, session: { token: string; expiresAt: Date }) =>
    void reply.setCookie(sessionCookie, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: cookieIsSecure(deps.secureCookies, request),
      expires: session.expiresAt,
    });
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
      const session = await logIn(deps.db, { ...request.body, now: deps.now(), ip: request.ip, singleSignOn: deps.singleSignOn !== null });
      setSessionCookie(request, reply, session);
      return { user: userView(session.actor, session.mustChangePassword) };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const token = request.cookies[sessionCookie];
    if (token) await logOut(deps.db, token);
    void reply.clearCookie(sessionCookie, { path: '/' });
    return { ok: true };
  });

  // What the login page offers: single sign-on when the municipality has configured it.
  app.get('/api/auth/config', { schema: { tags: ['auth'] } }, async () => ({ singleSignOn: deps.singleSignOn !== null }));

  // Single sign-on (issue 11, use-cases/single-sign-on.ts): a browser navigation, so refusals are sent
  // back to the login page with their reason rather than as JSON.
  app.get(
    '/api/auth/oidc/login',
    {
      schema: {
        tags: ['auth'],
        response: { 302: { description: 'To the provider’s authorization endpoint, or back to the login page with loginError' } },
      },
    },
    async (request, reply) => {
      if (!deps.singleSignOn) throw new AppError('NOT_FOUND', 'Single sign-on is not configured');
      try {
        const authorize = await startSingleSignOnLogin(deps.db, deps.singleSignOn, deps.now());
        // Binds the login to this browser (login CSRF): the callback must come back with the same state.
        // SameSite=Lax, since the provider's redirect back is a cross-site navigation.
        void reply.setCookie(signOnStateCookie, authorize.searchParams.get('state') ?? '', {
          path: '/api/auth/oidc/',
          httpOnly: true,
          sameSite: 'lax',
          secure: cookieIsSecure(deps.secureCookies, request),
          maxAge: 10 * 60,
        });
        return reply.redirect(authorize.href, 302);
      } catch (error) {
        if (error instanceof AppError) return reply.redirect(`/#/?loginError=${reasonOf(error)}`, 302);
        throw error;
      }
    },
  );
  app.get(
    '/api/auth/oidc/callback',
    {
      schema: {
        tags: ['auth'],
        response: { 302: { description: 'To the app with the session cookie set, or to the login page with loginError' } },
      },
    },
    async (request, reply) => {
      if (!deps.singleSignOn) throw new AppError('NOT_FOUND', 'Single sign-on is not configured');
      try {
        void reply.clearCookie(signOnStateCookie, { path: '/api/auth/oidc/' });
        const session = await finishSingleSignOnLogin(deps.db, deps.singleSignOn, {
          callbackUrl: new URL(request.url, 'http://callback.invalid'),
          browserState: request.cookies[signOnStateCookie] ?? null,
          now: deps.now(),
        });
        setSessionCookie(request, reply, session);
        return reply.redirect('/#/', 302);
      } catch (error) {
        if (error instanceof AppError) return reply.redirect(`/#/?loginError=${reasonOf(error)}`, 302);
        throw error;
      }
    },
  );

  app.get('/api/auth/me', { schema: { tags: ['auth'] } }, async (request) => ({
    user: userView(contextOf(request).actor, request.mustChangePassword),
  }));

  // Issue 11: choose one's own password (required after a one-time password).
  app.post('/api/auth/password', { schema: { tags: ['auth'], body: ChangePasswordBodySchema } }, async (request, reply) => {
    await changeOwnPassword(contextOf(request), request.body);
    return reply.status(204).send();
  });
};

function reasonOf(error: AppError): string {
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' && /^[A-Z_]{1,40}$/.test(reason) ? reason : 'SSO_REJECTED';
}
