import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../config.ts';
import { databaseUrlFor } from '../db/test-template.ts';
import { openTestApp, testPassword, type TestApp } from './test-app.ts';

/**
 * Several processes, one database (issue 11): two real servers (`src/server.ts`, each a Node process of
 * its own) on one PostgreSQL database share the background jobs through the queue in that database.
 * PostgreSQL only: the embedded database is one process by nature (its in-process runner is covered by
 * the import and analysis API tests). The queue's expiry is 2 s here, maintenance every second.
 */
const expirySeconds = 2;

type Server = { url: string; child: ChildProcess; output: () => string; cookies: Map<string, string> };

async function startServer(databaseUrl: string, name: string): Promise<Server> {
  const uploadDir = mkdtempSync(join(tmpdir(), `mentorspor-jobs-${name}-`));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      MENTORSPOR_DEMO: '0',
      MENTORSPOR_UPLOAD_DIR: uploadDir,
      MENTORSPOR_JOB_EXPIRY_SECONDS: String(expirySeconds),
      MENTORSPOR_JOB_MAINTENANCE_SECONDS: '1',
      MENTORSPOR_JOB_POLL_SECONDS: '0.5',
      MENTORSPOR_JOB_CONCURRENCY: '2',
      MENTORSPOR_SHUTDOWN_SECONDS: '5',
    },
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.on('exit', () => rmSync(uploadDir, { recursive: true, force: true }));
  const url = await new Promise<string>((resolve, reject) => {
    const check = setInterval(() => {
      const found = /Mentorspor is running on (\S+)/.exec(out);
      if (found) {
        clearInterval(check);
        resolve(found[1]!);
      }
    }, 50);
    child.on('exit', (code) => {
      clearInterval(check);
      reject(new Error(`server ${name} exited with ${code}: ${out.slice(-2000)}`));
    });
  });
  return { url, child, output: () => out, cookies: new Map() };
}

async function call(server: Server, username: string, method: 'GET' | 'POST', path: string, body?: { csv?: string; json?: unknown }) {
  let cookie = server.cookies.get(username);
  if (!cookie) {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: testPassword }),
    });
    expect(login.status).toBe(200);
    cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    server.cookies.set(username, cookie);
  }
  const headers: Record<string, string> = { origin: server.url, cookie };
  if (body?.csv !== undefined) headers['content-type'] = 'text/csv';
  if (body?.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: body?.csv ?? (body?.json === undefined ? undefined : JSON.stringify(body.json)),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** A valid CPR number for citizen i (distinct for i < 100,000): birth dates 1940–1989, serials 1000+. */
function cprFor(i: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad((i % 28) + 1)}${pad((Math.floor(i / 28) % 12) + 1)}${pad(40 + (Math.floor(i / 336) % 50))}${1000 + Math.floor(i / 16_800)}`;
}

async function until<T>(_what: string, probe: () => Promise<T | null>): Promise<T> {
  // Polls without a time limit of its own: the test's timeout bounds it, so the test never depends on speed.
  for (;;) {
    const found = await probe();
    if (found !== null) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!testDatabaseUrl())('background jobs shared by two server processes on one PostgreSQL database', () => {
  let t: TestApp;
  let a: Server;
  let b: Server;

  beforeAll(async () => {
    t = await openTestApp({ now: new Date('2026-12-04T09:00:00Z') });
    const [{ name }] = (await t.db.query<{ name: string }>('select current_database() as name')) as [{ name: string }];
    const url = databaseUrlFor(testDatabaseUrl()!, name);
    [a, b] = await Promise.all([startServer(url, 'a'), startServer(url, 'b')]);
  }, 120_000);

  afterAll(async () => {
    if (process.env.MENTORSPOR_JOBS_TEST_LOG)
      for (const [name, server] of [
        ['a', a],
        ['b', b],
      ] as const)
        writeFileSync(`${process.env.MENTORSPOR_JOBS_TEST_LOG}-${name}.log`, server?.output() ?? '');
    for (const server of [a, b])
      if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await t?.close();
  });

  it('runs 20 imports and analyses started through both servers exactly once each', async () => {
    // 4 Dec 2026: a coordinator loads 8 case-system citizen files and a manager 8 register extracts and 4
    // effect analyses, alternating between the two servers behind the proxy.
    const registered = await t.as('cw').post('/api/citizens', { cpr: '0101851234', name: 'A' });
    expect(registered.statusCode).toBe(201);
    const imports: number[] = [];
    const analyses: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const server = i % 2 === 0 ? a : b;
      const citizens = await call(server, 'coord', 'POST', '/api/imports/citizens', {
        csv: `cpr;name\n${cprFor(200 + 2 * i)};Borger ${i}\n${cprFor(201 + 2 * i)};Borger ${i}b\n`,
      });
      expect(citizens.status).toBe(202);
      imports.push(citizens.json.id as number);
      const register = await call(i % 2 === 0 ? b : a, 'boss', 'POST', '/api/imports/register?layout=long&mapping=dst', {
        csv: `cpr;week;code\n0101851234;${2015 + i}-W01;318\n0101851234;${2015 + i}-W02;318\n`,
      });
      expect(register.status).toBe(202);
      imports.push(register.json.id as number);
    }
    for (let i = 0; i < 4; i += 1) {
      const analysis = await call(i % 2 === 0 ? a : b, 'boss', 'POST', '/api/analyses/effect', {
        json: { type: 'GENERAL', firstStartFrom: '2016-01-01', firstStartTo: '2016-12-31' },
      });
      expect(analysis.status).toBe(202);
      analyses.push(analysis.json.id as string);
    }

    const ended = await until('jobs did not end', async () => {
      const rows = await t.db.query<{ status: string; attempts: number }>(
        `select status, attempts from imports where id = any($1) union all select status, attempts from effect_analyses where id = any($2::uuid[])`,
        [imports, analyses],
      );
      return rows.every((r) => r.status !== 'running') ? rows : null;
    });
    expect(ended).toHaveLength(20);
    // Each ran once: one attempt per row, one completed queue job per row, no retry, nothing failed by the queue.
    expect(ended.map((r) => r.attempts)).toEqual(Array(20).fill(1));
    const importRows = await t.db.query<{ status: string }>(`select status from imports where id = any($1)`, [imports]);
    expect(importRows.map((r) => r.status)).toEqual(Array(16).fill('done'));
    // Nobody to compare in an empty municipality: each analysis ended with the estimator's own reason.
    const analysisRows = await t.db.query<{ errorCode: string }>(
      `select error_code as "errorCode" from effect_analyses where id = any($1::uuid[])`,
      [analyses],
    );
    expect(analysisRows.map((r) => r.errorCode)).toEqual(Array(4).fill('FAILED'));
    const queued = await t.db.query<{ state: string; n: number }>(
      `select state, count(*)::int as n from pgboss.job where name in ('register-import', 'case-history-import', 'effect-analysis') group by state`,
    );
    expect(queued).toEqual([{ state: 'completed', n: 20 }]);
    const started = (server: Server) => [...server.output().matchAll(/Job [a-z-]+ (\S+): started \(attempt 1\)/g)].map((m) => m[1]);
    expect([...started(a), ...started(b)].sort()).toEqual([...imports.map(String), ...analyses].sort());
    expect(started(a).length).toBeGreaterThan(0);
    expect(started(b).length).toBeGreaterThan(0);
    const [{ n }] = (await t.db.query<{ n: number }>(`select count(*)::int as n from import_input_parts`)) as [{ n: number }];
    expect(n).toBe(0);
  }, 120_000);

  it('a job whose server is killed (kill -9) is taken over by the other after the expiry and finished', async () => {
    // 4 Dec 2026, 10:00: a coordinator loads 80,000 citizens; the server running the import dies mid-way.
    const lines = ['cpr;name', ...Array.from({ length: 80_000 }, (_, i) => `${cprFor(20_000 + i)};Borger ${i}`)];
    const { status, json } = await call(a, 'coord', 'POST', '/api/imports/citizens', { csv: `${lines.join('\n')}\n` });
    expect(status).toBe(202);
    const id = json.id as number;
    const startedIn = (server: Server) => server.output().includes(`Job case-history-import ${id}: started (attempt 1)`);
    const runner = await until('the import never started', async () => (startedIn(a) ? a : startedIn(b) ? b : null));
    const other = runner === a ? b : a;
    runner.child.kill('SIGKILL');
    await new Promise((resolve) => runner.child.once('exit', resolve));

    const record = await until('the import was never finished', async () => {
      const [row] = await t.db.query<{ status: string; attempts: number; counts: Record<string, number>; errors: unknown[] }>(
        `select status, attempts, counts, errors from imports where id = $1`,
        [id],
      );
      return row && row.status !== 'running' ? row : null;
    });
    // The queue expired the dead process's job and retried it; the other server ran it to the end.
    expect(record).toMatchObject({ status: 'done', attempts: 2, counts: { created: 80_000, updated: 0 }, errors: [] });
    expect(other.output()).toContain(`Job case-history-import ${id}: started (attempt 2)`);
    const [{ n }] = (await t.db.query<{ n: number }>(`select count(*)::int as n from citizens where name like 'Borger %'`)) as [
      { n: number },
    ];
    expect(n).toBe(80_000 + 16);
    const active = await t.db.query(`select id from pgboss.job where state = 'active'`);
    expect(active).toEqual([]);
  }, 180_000);

  it('SIGTERM lets the running job finish (or hands it back to the queue), then the server exits cleanly', async () => {
    // 4 Dec 2026, 11:00: the operator deploys; the surviving server gets SIGTERM while it imports citizens.
    const server = [a, b].find((s) => s.child.exitCode === null && s.child.signalCode === null)!;
    const lines = ['cpr;name', ...Array.from({ length: 20_000 }, (_, i) => `${cprFor(i)};Borger ${i}`)];
    const { json } = await call(server, 'coord', 'POST', '/api/imports/citizens', { csv: `${lines.join('\n')}\n` });
    const id = json.id as number;
    await until('the import never started', async () => (server.output().includes(`Job case-history-import ${id}: started`) ? true : null));
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(server.output()).toContain('SIGTERM: finishing requests in flight and running jobs');
    const [row] = await t.db.query<{ status: string }>(`select status from imports where id = $1`, [id]);
    const [job] = await t.db.query<{ state: string }>(
      `select state from pgboss.job where name = 'case-history-import' and data->>'importId' = $1`,
      [String(id)],
    );
    if (server.output().includes(`Job case-history-import ${id}: ended`)) {
      expect([row!.status, job!.state]).toEqual(['done', 'completed']);
    } else {
      // Not finished within MENTORSPOR_SHUTDOWN_SECONDS: handed back, for the next process to run.
      expect(server.output()).toContain(`Job case-history-import ${id}: handed back`);
      expect([row!.status, job!.state]).toEqual(['running', 'retry']);
    }
    expect(server.output()).toMatch(/Stopped\n/);
  }, 120_000);
});
