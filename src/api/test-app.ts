/**
 * Test harness for `.api.test.ts` files: a fresh database (PGlite, or PostgreSQL with TEST_DATABASE_URL),
 * the real Fastify app, one user per role, and helpers to call the API as one of them.
 */
import { appendFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { ErrorResponseSchema } from './common.schemas.ts';
import { successSchemaOf } from './response-schemas.ts';
import { municipalitiesRepository } from '../db/repositories/municipalities-repository.ts';
import { usersRepository, type UserRole } from '../db/repositories/users-repository.ts';
import { hashPassword } from '../use-cases/log-in.ts';
import { prepareDatabase } from '../use-cases/prepare-database.ts';
import { regimesRepository } from '../db/repositories/regimes-repository.ts';
import { defaultLegalRegimes } from '../domain/legal-regime.ts';
import { defaultMunicipalSettings } from '../domain/municipal-settings.ts';
import { ensureDefaultInstrument } from '../use-cases/ensure-default-instrument.ts';
import { buildApp } from './app.ts';

export const testPassword = 'test-password-1';

/** A CPR number, with or without the dash, as it could leak into a log line (not inside a UUID or a longer number). */
export const cprPattern = /(?<![0-9A-Za-z-])[0-3][0-9][01][0-9]{3}-?[0-9]{4}(?![0-9A-Za-z-])/;

/** What a browser sends with a request from the app's own pages (api/cross-site.ts); app.inject's host is localhost. */
export const sameOrigin = { origin: 'http://localhost' } as const;

export type TestApp = {
  app: FastifyInstance;
  db: Database;
  municipalityId: number;
  /** Calls the API as `username` (logged in once, cookie cached). */
  as(username: string): {
    get(url: string): Promise<LightMyRequestResponse>;
    post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
    put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
    patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
    delete(url: string): Promise<LightMyRequestResponse>;
  };
  createUser(username: string, role: UserRole, mentorId?: number | null): Promise<number>;
  /** The session cookie of `username` (the one `as` uses), for requests `as` cannot make: raw CSV, multipart. */
  cookieOf(username: string): Promise<string>;
  /** The app's request log lines (JSON), as production writes them to standard output. */
  logLines: string[];
  close(): Promise<void>;
};

type ApiAnswer = { route: string; status: number; contentType: string; payload: unknown };

const ajv = new Ajv({ strict: false, allowUnionTypes: true });
const validators = new Map<Record<string, unknown>, ValidateFunction>();
const validatorOf = (schema: Record<string, unknown>) => {
  let validate = validators.get(schema);
  if (!validate) validators.set(schema, (validate = ajv.compile(schema)));
  return validate;
};

/**
 * Every JSON answer must match the route's published schema (response-schemas.ts; errors: the error body),
 * and every success answer must have one: the OpenAPI document stays true to what the API answers.
 */
function checkApiAnswer(answer: ApiAnswer, violations: string[]): void {
  if (process.env.MENTORSPOR_RECORD_ANSWERS || answer.route === 'GET /api/openapi.json') return;
  if (typeof answer.payload !== 'string' || !answer.contentType.startsWith('application/json')) return;
  const schema =
    answer.status >= 400 ? (ErrorResponseSchema as unknown as Record<string, unknown>) : successSchemaOf(answer.route, answer.status);
  if (!schema) {
    violations.push(`${answer.route} answered ${answer.status} with no published schema (scripts/infer-response-schemas.ts)`);
    return;
  }
  const validate = validatorOf(schema);
  if (!validate(JSON.parse(answer.payload))) {
    const where = (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}`);
    violations.push(`${answer.route} ${answer.status} breaks its schema: ${where.join('; ')}`);
  }
}

/** MENTORSPOR_RECORD_ANSWERS=dir: every JSON answer of the run, one file per process (scripts/infer-response-schemas.ts). */
function recordApiAnswer(answer: ApiAnswer): void {
  const dir = process.env.MENTORSPOR_RECORD_ANSWERS;
  if (!dir) return;
  const json = typeof answer.payload === 'string' && answer.contentType.startsWith('application/json');
  if (!json && answer.status !== 204) return;
  appendFileSync(
    join(dir, `answers-${process.pid}.jsonl`),
    `${JSON.stringify({ route: answer.route, status: answer.status, body: json ? JSON.parse(answer.payload as string) : null })}\n`,
  );
}

export async function openTestApp(options: { now?: Date } = {}): Promise<TestApp> {
  const db = await openTestDatabase();
  const now = options.now ?? new Date('2026-11-24T10:00:00Z');
  await prepareDatabase(db, { demo: 'never', adminPassword: testPassword, log: () => {}, now });
  const municipality = (await municipalitiesRepository(db).findFirst())!;
  // Every test app logs like production, into a collector checked at close: no line may hold a CPR number.
  const logLines: string[] = [];
  const schemaViolations: string[] = [];
  const app = await buildApp({
    db,
    now: () => now,
    webDir: null,
    logger: { write: (line) => void logLines.push(line) },
    onApiAnswer: (answer) => {
      recordApiAnswer(answer);
      checkApiAnswer(answer, schemaViolations);
    },
  });
  const passwordHash = await hashPassword(testPassword);
  const createUser = async (username: string, role: UserRole, mentorId: number | null = null) =>
    (await usersRepository(db).create({ municipalityId: municipality.id, username, name: username, role, passwordHash, mentorId })).id;
  await createUser('cw', 'caseworker');
  await createUser('coord', 'coordinator');
  await createUser('boss', 'manager');
  const cookies = new Map<string, string>();
  async function cookieOf(username: string): Promise<string> {
    const cached = cookies.get(username);
    if (cached) return cached;
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: sameOrigin,
      payload: { username, password: testPassword },
    });
    if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.body}`);
    const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    cookies.set(username, cookie);
    return cookie;
  }
  return {
    app,
    db,
    municipalityId: municipality.id,
    createUser,
    cookieOf,
    as(username: string) {
      const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
        app.inject({
          method,
          url,
          headers: { ...sameOrigin, cookie: await cookieOf(username) },
          ...(body === undefined ? {} : { payload: body as object }),
        });
      return {
        get: (url) => call('GET', url),
        post: (url, body) => call('POST', url, body ?? {}),
        put: (url, body) => call('PUT', url, body),
        patch: (url, body) => call('PATCH', url, body),
        delete: (url) => call('DELETE', url),
      };
    },
    logLines,
    async close() {
      await app.close();
      await db.close();
      const leaking = logLines.filter((line) => cprPattern.test(line));
      if (leaking.length > 0)
        throw new Error(
          `${leaking.length} request log lines contain a CPR number, e.g. ${leaking[0]!.replace(/"time":[0-9]+,"pid":[0-9]+,"hostname":"[^"]*",/, '').slice(0, 400)}`,
        );
      if (logLines.length === 0) throw new Error('the request log stayed empty: is the logger wired?');
      if (schemaViolations.length > 0)
        throw new Error(
          `${schemaViolations.length} answers break the published response schemas, e.g.\n${[...new Set(schemaViolations)].slice(0, 5).join('\n')}`,
        );
    },
  };
}

/**
 * A second municipality in the same database, with its legal regimes and the given users (password
 * `testPassword`), for cross-municipality tests. Returns its id.
 */
export async function addTestMunicipality(t: TestApp, code: string, users: Record<string, UserRole>): Promise<number> {
  const municipality = await municipalitiesRepository(t.db).create({ code, name: `Kommune ${code}`, settings: defaultMunicipalSettings });
  for (const regime of defaultLegalRegimes) await regimesRepository(t.db).insert(municipality.id, regime);
  await ensureDefaultInstrument(t.db, municipality.id);
  const passwordHash = await hashPassword(testPassword);
  for (const [username, role] of Object.entries(users)) {
    await usersRepository(t.db).create({ municipalityId: municipality.id, username, name: username, role, passwordHash, mentorId: null });
  }
  return municipality.id;
}
