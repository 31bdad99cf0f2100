import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../config.ts';
import { databaseUrlFor } from '../db/test-template.ts';
import { buildApp } from './app.ts';
import { openTestApp, sameOrigin, type TestApp } from './test-app.ts';

type Server = {
  inject(request: { method: 'GET' | 'POST'; url: string; headers: Record<string, string> }): Promise<{ statusCode: number }>;
};

/** A server in another Node process (test-second-server.ts), on the same PostgreSQL database. */
async function startSecondProcess(databaseUrl: string, now: Date): Promise<{ server: Server; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/api/test-second-server.ts', databaseUrl, now.toISOString()], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /listening (\S+)/.exec(out);
      if (found) resolve(found[1]!);
    });
    child.on('exit', (code) => reject(new Error(`second server exited with ${code}`)));
  });
  const server: Server = {
    async inject({ method, url: path, headers }) {
      const response = await fetch(`${url}${path}`, { method, headers: { ...headers, origin: url } });
      await response.arrayBuffer();
      return { statusCode: response.status };
    },
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.stdin.end();
    });
  return { server, stop };
}

/**
 * Sessions kept in memory (use-cases/session-cache.ts) must never outlive a logout or a deactivation,
 * in the process that made the change or in another one on the same database. On PostgreSQL the second
 * server runs in a process of its own (its own memory, connections and notification listener); on PGlite
 * (one process by nature) it is a second app in this process on the same database.
 */
describe('sessions across two servers on one database', () => {
  let t: TestApp;
  let second: Server;
  let stopSecond: () => Promise<void>;
  const now = new Date('2026-12-04T09:00:00Z');

  beforeAll(async () => {
    t = await openTestApp({ now });
    if (t.db.engine === 'postgres') {
      const [{ name }] = (await t.db.query<{ name: string }>('select current_database() as name')) as [{ name: string }];
      ({ server: second, stop: stopSecond } = await startSecondProcess(databaseUrlFor(testDatabaseUrl()!, name), now));
    } else {
      const app = await buildApp({ db: t.db, now: () => now, webDir: null });
      second = app;
      stopSecond = () => app.close();
    }
  });
  afterAll(async () => {
    await stopSecond();
    await t.close();
  });

  async function logIn(username: string, password: string): Promise<string> {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: sameOrigin, payload: { username, password } });
    expect(response.statusCode).toBe(200);
    return response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  }
  /** A caseworker the admin has just created, logged in on the first server: the user's id and session cookie. */
  async function loggedInNewCaseworker(username: string, name: string): Promise<{ userId: number; cookie: string }> {
    const password = 'lang-og-sikker-kode';
    const created = await t.as('admin').post('/api/users', { username, name, role: 'caseworker', password });
    expect(created.statusCode).toBe(201);
    return { userId: created.json().id, cookie: await logIn(username, password) };
  }
  const citizensOn = async (app: Server, cookie: string) =>
    (await app.inject({ method: 'GET', url: '/api/citizens', headers: { cookie } })).statusCode;
  /** Milliseconds until `app` answers 401 for the cookie (asked every 5 ms, at most 2 s). */
  async function msUntilRefused(app: Server, cookie: string): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < 2000) {
      if ((await citizensOn(app, cookie)) === 401) return Date.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return Number.POSITIVE_INFINITY;
  }

  it('refuses a deactivated caseworker on both servers, at once on the one that deactivated', async () => {
    const { userId, cookie } = await loggedInNewCaseworker('vikar', 'Vikar');
    // Both servers have resolved (and may keep) the session.
    for (const app of [t.app, second, t.app, second]) expect(await citizensOn(app, cookie)).toBe(200);

    expect((await t.as('admin').patch(`/api/users/${userId}`, { active: false })).statusCode).toBe(200);
    expect(await citizensOn(t.app, cookie)).toBe(401);
    expect(await msUntilRefused(second, cookie)).toBeLessThan(2000);
  });

  it('ends a session logged out on one server on the other too', async () => {
    const cookie = await logIn('cw', 'test-password-1');
    for (const app of [second, second]) expect(await citizensOn(app, cookie)).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...sameOrigin, cookie } });
    expect(out.statusCode).toBeLessThan(300);
    expect(await citizensOn(t.app, cookie)).toBe(401);
    expect(await msUntilRefused(second, cookie)).toBeLessThan(2000);
  });

  it('ends the session of a user whose role changed, on the other server too', async () => {
    const { userId, cookie } = await loggedInNewCaseworker('skifter', 'Skifter');
    for (const app of [second, second]) expect(await citizensOn(app, cookie)).toBe(200);
    expect((await t.as('admin').patch(`/api/users/${userId}`, { role: 'manager' })).statusCode).toBe(200);
    expect(await citizensOn(t.app, cookie)).toBe(401);
    expect(await msUntilRefused(second, cookie)).toBeLessThan(2000);
  });
});
