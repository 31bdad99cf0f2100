/**
 * Issue 10 "Throughput": logging a mentor's contact (`POST /api/grants/{id}/contacts`: session, origin
 * check, strict validation, tenancy, rule R-ROP-6, audit row, insert) at 20 connections, against the
 * ceiling measured in the same run: a bare Fastify + pg server doing one INSERT per request on the same
 * database. Goal: ≥ 25 % of the ceiling's requests/s and p99 ≤ 50 ms.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench contact   # PostgreSQL (the goal)
 *   npm run bench contact                                                              # embedded PGlite
 *
 * BENCH_CONTACT_ROUNDS (default 5) alternating rounds of BENCH_CONTACT_SECONDS (default 5) per side;
 * both servers listen in this process on loopback, and the
 * load generator (autocannon) runs in this process too, so both pay the same client cost.
 */
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/api/app.ts';
import { testDatabaseUrl } from '../src/config.ts';
import { openTestDatabase } from '../src/db/test-database.ts';
import { municipalitiesRepository } from '../src/db/repositories/municipalities-repository.ts';
import { usersRepository } from '../src/db/repositories/users-repository.ts';
import { hashPassword } from '../src/use-cases/log-in.ts';
import { prepareDatabase } from '../src/use-cases/prepare-database.ts';

const connections = 20;
const duration = Number(process.env.BENCH_CONTACT_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_CONTACT_ROUNDS ?? 5);
const now = new Date('2026-12-03T12:00:00Z');

type Result = { name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number };

async function load(name: string, url: string, headers: Record<string, string>, body: () => string): Promise<Result> {
  const result = await autocannon({
    url,
    connections,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    requests: [{ setupRequest: (request) => Object.assign(request, { body: body() }) }],
  });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

let minute = 0;
/** A different time each request (within the grant period, before `now`). */
function contactBody(): string {
  minute += 1;
  const at = new Date(Date.UTC(2026, 5, 15, 8) + (minute % 400_000) * 37_000).toISOString();
  return JSON.stringify({ at, minutes: 45, form: 'physical', attended: true, note: null });
}

export async function run(): Promise<void> {
  const db = await openTestDatabase();
  await prepareDatabase(db, { demo: 'never', adminPassword: 'bench-password-1', log: () => {}, now });
  const municipality = (await municipalitiesRepository(db).findFirst())!;
  await usersRepository(db).create({
    municipalityId: municipality.id,
    username: 'cw',
    name: 'cw',
    role: 'caseworker',
    passwordHash: await hashPassword('bench-password-1'),
  });
  await usersRepository(db).create({
    municipalityId: municipality.id,
    username: 'coord',
    name: 'coord',
    role: 'coordinator',
    passwordHash: await hashPassword('bench-password-1'),
  });

  // Mentorspor on the same database, with a citizen and an approved general grant from 15 June 2026.
  const app = await buildApp({ db, now: () => now, webDir: null, logger: { write: () => {} } });
  const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = new URL(appUrl).origin;
  const call = async (cookie: string, path: string, body: unknown) => {
    const response = await fetch(`${appUrl}${path}`, {
      method: 'POST',
      headers: { origin, cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: number };
  };
  const cookieOf = async (username: string) => {
    const response = await fetch(`${appUrl}/api/auth/login`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'bench-password-1' }),
    });
    return response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  };
  const cw = await cookieOf('cw');
  const coord = await cookieOf('coord');
  const provider = await call(coord, '/api/providers', { name: 'Jobcentret', type: 'internal' });
  const mentor = await call(coord, '/api/mentors', {
    name: 'Mia',
    providerId: provider.id,
    phone: '1',
    qualifications: ['x'],
    weeklyCapacityHours: 40,
  });
  const citizen = await call(cw, '/api/citizens', { cpr: '0101901234', name: 'Nora' });
  await call(cw, `/api/citizens/${citizen.id}/target-groups`, {
    group: 'kontanthjaelp_aktivitetsparat',
    visitation: 'aktivitetsparat',
    from: '2025-06-01',
  });
  const grant = await call(cw, '/api/grants', {
    citizenId: citizen.id,
    type: 'GENERAL',
    agreedOn: '2026-06-12',
    startDate: '2026-06-15',
    endDate: '2026-12-14',
    weeklyHours: 40,
    goal: 'Fastholdelse',
    tasks: ['Møder'],
    mentorId: mentor.id,
    complaintGuidance: true,
    needAssessment: 'Behov',
    citizenConsent: true,
  });
  await call(cw, `/api/grants/${grant.id}/approve`, {});

  // The ceiling: a bare Fastify + pg INSERT on the same database.
  const engine = db.engine;
  let bareUrl: string | null = null;
  let bare: FastifyInstance | null = null;
  let pool: pg.Pool | null = null;
  if (engine === 'postgres' && process.env.BENCH_CONTACT_CEILING !== '0') {
    const schema = (await db.query<{ s: string }>('select current_database() as s'))[0]!.s;
    pool = new pg.Pool({ connectionString: testDatabaseUrl()!.replace(/\/[^/]*$/, `/${schema}`), max: 10 });
    await pool.query(
      'create table if not exists bare_contacts (id serial primary key, grant_id integer not null, at timestamptz not null, minutes integer not null, form text not null)',
    );
    bare = Fastify();
    bare.post('/contacts', async (request: FastifyRequest) => {
      const body = request.body as { at: string; minutes: number; form: string };
      const { rows } = await pool!.query('insert into bare_contacts (grant_id, at, minutes, form) values ($1, $2, $3, $4) returning id', [
        grant.id,
        body.at,
        body.minutes,
        body.form,
      ]);
      return rows[0];
    });
    bareUrl = `${await bare.listen({ port: 0, host: '127.0.0.1' })}/contacts`;
  }

  // Alternating rounds (ceiling, Mentorspor, ceiling, …): this shared machine's speed drifts by up to 2×
  // within a minute, so each side is measured in every round and the medians are compared.
  const ceilingRuns: Result[] = [];
  const appRuns: Result[] = [];
  for (let round = 0; round < rounds; round += 1) {
    if (bareUrl) ceilingRuns.push(await load('bare Fastify + pg INSERT (ceiling)', bareUrl, {}, contactBody));
    appRuns.push(await load('Mentorspor: log a contact', `${appUrl}/api/grants/${grant.id}/contacts`, { origin, cookie: cw }, contactBody));
  }
  const median = (runs: Result[]): Result => {
    const sorted = [...runs].sort((a, b) => a.rps - b.rps);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  const results = [...(ceilingRuns.length > 0 ? [median(ceilingRuns)] : []), median(appRuns)];

  console.log(
    `contact throughput on ${engine === 'postgres' ? 'PostgreSQL' : 'embedded PGlite'}, ${connections} connections, ${rounds} alternating rounds of ${duration} s (median round)`,
  );
  console.log('| run | requests/s | p50 ms | p99 ms | errors | non-2xx |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of results) console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`);
  if (ceilingRuns.length > 0) {
    const shares = appRuns.map((r, i) => r.rps / ceilingRuns[i]!.rps).sort((a, b) => a - b);
    const share = shares[Math.floor(shares.length / 2)]!;
    console.log(
      `Mentorspor / ceiling per round: ${shares.map((x) => `${(x * 100).toFixed(1)} %`).join(', ')}; median ${(share * 100).toFixed(1)} % (goal ≥ 25 %); p99 ${median(appRuns).p99} ms (goal ≤ 50 ms)`,
    );
  } else {
    console.log('No ceiling on embedded PGlite (one connection by nature); set TEST_DATABASE_URL for the goal run.');
  }
  await app.close();
  await bare?.close();
  await pool?.end();
  await db.close();
}
