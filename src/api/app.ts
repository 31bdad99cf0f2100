/**
 * The HTTP application: one Fastify instance with request validation from TypeBox schemas (which
 * also generate /api/openapi.json), the session-to-actor hook, the feature routes and the built web UI.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { constants as zlibConstants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { SecureCookies } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { JobQueue } from '../db/job-queue.ts';
import { administrationRoutes } from './administration/administration-routes.ts';
import { authRoutes } from './auth/auth-routes.ts';
import { registerBodyParsers } from './body-parsers.ts';
import { citizensRoutes } from './citizens/citizens-routes.ts';
import { registerCrossSiteGuard } from './cross-site.ts';
import { registerDeniedAccessAudit } from './denied-access-audit.ts';
import { deliveryRoutes } from './delivery/delivery-routes.ts';
import { economyRoutes } from './economy/economy-routes.ts';
import { errorHandler } from './error-handler.ts';
import { followUpRoutes } from './follow-up/follow-up-routes.ts';
import { grantsRoutes } from './grants/grants-routes.ts';
import { importsRoutes } from './imports/imports-routes.ts';
import { outcomesRoutes } from './outcomes/outcomes-routes.ts';
import { registersRoutes } from './registers/registers-routes.ts';
import { reportsRoutes } from './reports/reports-routes.ts';
import { registerRequestContext, sessionCookie } from './request-context.ts';
import { openSessionResolver } from '../use-cases/session-cache.ts';
import type { SingleSignOn } from '../use-cases/single-sign-on.ts';
import { documentErrorResponses } from './error-responses.ts';
import { requestLogOptions, type LogDestination } from './request-log.ts';
import { usersRoutes } from './users/users-routes.ts';
import { registerValidation } from './validation.ts';
import { checkReadiness } from '../use-cases/check-readiness.ts';
import { startInProcessJobs } from '../use-cases/serve-background-jobs.ts';

export type AppDependencies = {
  db: Database;
  /** Background jobs (imports, analyses); absent: an in-process runner this app starts and stops. */
  jobs?: JobQueue;
  now?: () => Date;
  secureCookies?: SecureCookies;
  /** Request logs (request-log.ts): true for standard output, or a destination; off when absent. */
  logger?: boolean | LogDestination;
  /** Private folder for uploaded register extracts (upload-directory.ts); a per-user temp folder by default. */
  uploadDir?: string;
  /** Origins besides the server's own host allowed to send state-changing requests (cross-site.ts). */
  allowedOrigins?: readonly string[];
  /** Folder with the built web UI (vite build); not served when missing. */
  webDir?: string | null;
  /**
   * Tests: sees every answer of an /api route (`'GET /api/grants/:id'`, status, content type, body as
   * sent), to check it against the published response schema (test-app.ts).
   */
  /** Single sign-on through the municipality's OpenID Connect provider; null or absent: passwords only. */
  singleSignOn?: SingleSignOn | null;
  onApiAnswer?: (answer: { route: string; status: number; contentType: string; payload: unknown }) => void;
};

// The built web UI: dist/web, seen from src/api (tsx, tests) or from dist/server/api (npm start).
const defaultWebDir = fileURLToPath(new URL(import.meta.url.endsWith('.js') ? '../../web/' : '../../dist/web/', import.meta.url));

/** The OpenAPI document's tags, name → description: each route names one of them. */
const apiTags: Record<string, string> = {
  auth: 'Log in and out; the session cookie',
  citizens: 'Citizens, target groups, offers and matching profiles',
  registers: 'Providers and mentors',
  grants: 'Mentor grants and their written agreements under the law of the agreement date',
  delivery: 'Contacts, compliance, matching and worklists',
  outcomes: 'Register imports, outcome status and effect analyses',
  reports: 'Aggregates with small-cell suppression',
  administration: 'Legal regimes, settings, users, health and case-system imports',
  audit: 'The access log',
  'follow-up': 'Progression, attendance and satisfaction',
};

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const now = deps.now ?? (() => new Date());
  const app = Fastify({
    ...(deps.logger ? requestLogOptions(deps.logger) : { logger: false }),
    bodyLimit: 5 * 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(errorHandler);
  // Response schemas document the contract (OpenAPI) and are checked by the tests; they never reshape an
  // answer, so a property a schema forgets is not silently dropped.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  if (deps.onApiAnswer) {
    const onApiAnswer = deps.onApiAnswer;
    app.addHook('onSend', async (request, reply, payload) => {
      const url = request.routeOptions.url;
      if (url?.startsWith('/api/')) {
        onApiAnswer({
          route: `${request.method} ${url}`,
          status: reply.statusCode,
          contentType: String(reply.getHeader('content-type') ?? ''),
          payload,
        });
      }
      return payload;
    });
  }
  registerCrossSiteGuard(app, { allowedOrigins: deps.allowedOrigins ?? [] });
  // Security headers (issue 10): the React build loads only its own script and style files.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
  // gzip or brotli (quality 4: fast enough for API answers) above 1 kB, static files included.
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  registerBodyParsers(app);
  registerValidation(app);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Mentorspor API',
        version: '0.1.0',
        description: 'Grant, run and measure mentor support (mentorstøtte) under LAB.',
        license: { name: 'Proprietary: licensed to the municipality running it' },
      },
      servers: [{ url: '/', description: 'This Mentorspor server' }],
      tags: Object.entries(apiTags).map(([name, description]) => ({ name, description })),
      // The session cookie set by POST /api/auth/login authenticates every other operation.
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookie } } },
      security: [{ session: [] }],
    },
  });
  const sessions = await openSessionResolver(deps.db, { log: (message) => app.log.warn(message) });
  app.addHook('onClose', async () => sessions.close());
  registerRequestContext(app, { db: deps.db, sessions, now });
  documentErrorResponses(app);
  registerDeniedAccessAudit(app, { db: deps.db });

  // Liveness (the process answers) and readiness (database reachable, migrations applied) are separate.
  app.get('/api/health', { schema: { tags: ['administration'] } }, async () => ({ status: 'ok', database: deps.db.engine }));
  const ReadinessSchema = Type.Object({ ready: Type.Boolean(), database: Type.String(), pendingMigrations: Type.Integer() });
  app.get(
    '/api/health/ready',
    { schema: { tags: ['administration'], response: { 200: ReadinessSchema, 503: ReadinessSchema } } },
    async (_request, reply) => {
      const readiness = await checkReadiness(deps.db);
      return reply.status(readiness.ready ? 200 : 503).send(readiness);
    },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authRoutes, {
    db: deps.db,
    now,
    secureCookies: deps.secureCookies ?? 'auto',
    singleSignOn: deps.singleSignOn ?? null,
  });
  await app.register(citizensRoutes);
  await app.register(registersRoutes);
  await app.register(grantsRoutes);
  await app.register(deliveryRoutes);
  const jobs = deps.jobs ?? (await startInProcessJobs(deps.db));
  if (!deps.jobs) app.addHook('onClose', async () => jobs.stop());
  await app.register(outcomesRoutes, { uploadDir: deps.uploadDir, jobs });
  await app.register(reportsRoutes);
  await app.register(importsRoutes, { jobs });
  await app.register(administrationRoutes);
  await app.register(economyRoutes);
  await app.register(followUpRoutes);
  await app.register(usersRoutes);

  const webDir = deps.webDir === undefined ? defaultWebDir : deps.webDir;
  const serveWeb = webDir !== null && existsSync(webDir);
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      // Vite names assets by content hash: cached for a year; the app shell is revalidated every time.
      setHeaders: (res, path) =>
        res.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !serveWeb || request.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url}`, details: {} } });
    }
    // Single-page app: unknown paths get the app shell.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
