import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../../db/database.ts';
import { logIn, logOut } from '../../use-cases/log-in.ts';
import type { Actor } from '../../use-cases/use-case-context.ts';
import { contextOf, sessionCookie } from '../request-context.ts';
import { LoginBodySchema } from './auth.schemas.ts';

/** The logged-in user as the web UI sees it. */
function userView(actor: Actor) {
  const { userId, ...rest } = actor;
  return { id: userId, ...rest };
}

export const authRoutes: FastifyPluginAsyncTypebox<{ db: Database; now: () => Date; secureCookies: boolean }> = async (app, deps) => {
  app.post('/api/auth/login', { schema: { tags: ['auth'], body: LoginBodySchema } }, async (request, reply) => {
    const session = await logIn(deps.db, { ...request.body, now: deps.now() });
    void reply.setCookie(sessionCookie, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies,
      expires: session.expiresAt,
    });
    return { user: userView(session.actor) };
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const token = request.cookies[sessionCookie];
    if (token) await logOut(deps.db, token);
    void reply.clearCookie(sessionCookie, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'] } }, async (request) => ({ user: userView(contextOf(request).actor) }));
};
