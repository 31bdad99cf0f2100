/**
 * Go-live (issue 11). Story, 3 December 2026: Kommunen starts Mentorspor with no demo data; only `admin`
 * exists. The admin creates a caseworker, a coordinator, a manager and a mentor user; each logs in and
 * does one thing of their role. Later the mentor user is deactivated while logged in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, sameOrigin, testPassword, type TestApp } from '../test-app.ts';

describe('user administration (issue 11)', () => {
  let t: TestApp;
  const login = async (username: string, password: string) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: sameOrigin, payload: { username, password } });
    return { status: response.statusCode, cookie: response.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
  };
  /** The first login with a one-time password: the user must, and does, choose their own (issue 11). */
  const firstLogin = async (username: string, oneTimePassword: string) => {
    const session = await login(username, oneTimePassword);
    const changed = await as(session.cookie).post('/api/auth/password', {
      currentPassword: oneTimePassword,
      newPassword: `${username.split('').reverse().join('')}-eget-kodeord-2026`,
    });
    expect(changed.statusCode).toBe(204);
    return session;
  };
  const as = (cookie: string) => ({
    get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: { ...sameOrigin, cookie }, payload }),
  });

  beforeAll(async () => {
    t = await openTestApp({ now: new Date('2026-12-03T10:00:00Z') });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets the admin create a caseworker, coordinator, manager and mentor user, and each does its work', async () => {
    const admin = t.as('admin');
    const caseworker = await admin.post('/api/users', {
      username: 'Sara.Holm',
      name: 'Sara Holm',
      role: 'caseworker',
      password: 'grøn-hest-ved-åen',
    });
    expect(caseworker.statusCode).toBe(201);
    expect(caseworker.json()).toEqual({
      id: expect.any(Number),
      username: 'sara.holm',
      name: 'Sara Holm',
      role: 'caseworker',
      active: true,
      mentorId: null,
      oneTimePassword: null,
    });
    const coordinator = (await admin.post('/api/users', { username: 'kirsten', name: 'Kirsten Lund', role: 'coordinator' })).json();
    expect(coordinator.oneTimePassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const manager = (await admin.post('/api/users', { username: 'lars', name: 'Lars Berg', role: 'manager' })).json();

    const sara = await login('sara.holm', 'grøn-hest-ved-åen');
    const kirsten = await firstLogin('kirsten', coordinator.oneTimePassword);
    const lars = await firstLogin('lars', manager.oneTimePassword);
    expect([sara.status, kirsten.status, lars.status]).toEqual([200, 200, 200]);
    // The coordinator registers a provider and a mentor; the admin links a mentor user to that mentor.
    const provider = (await as(kirsten.cookie).post('/api/providers', { name: 'Jobcentret', type: 'internal' })).json();
    const mentor = (
      await as(kirsten.cookie).post('/api/mentors', {
        name: 'Mads Due',
        providerId: provider.id,
        phone: '1',
        qualifications: ['x'],
        weeklyCapacityHours: 10,
      })
    ).json();
    const mads = (await admin.post('/api/users', { username: 'mads', name: 'Mads Due', role: 'mentor', mentorId: mentor.id })).json();
    expect(mads).toMatchObject({ role: 'mentor', mentorId: mentor.id });
    // The caseworker registers a citizen; the manager reads the economy but no citizen.
    expect((await as(sara.cookie).post('/api/citizens', { cpr: '0101901234', name: 'Nora' })).statusCode).toBe(201);
    expect((await as(lars.cookie).get('/api/economy/2026')).statusCode).toBe(200);
    expect((await as(lars.cookie).get('/api/citizens')).statusCode).toBe(403);
    // The mentor user sees only the citizens of their own grants: none yet.
    const madsLogin = await firstLogin('mads', mads.oneTimePassword);
    expect((await as(madsLogin.cookie).get('/api/citizens')).json().citizens).toEqual([]);
    expect(((await as(sara.cookie).get('/api/citizens')).json().citizens as unknown[]).length).toBe(1);

    const list = (await admin.get('/api/users')).json().users as { username: string; role: string }[];
    expect(list.map((u) => [u.username, u.role])).toEqual(
      expect.arrayContaining([
        ['sara.holm', 'caseworker'],
        ['kirsten', 'coordinator'],
        ['lars', 'manager'],
        ['mads', 'mentor'],
      ]),
    );
    expect(JSON.stringify(list)).not.toMatch(/argon2|passwordHash/);
  });

  it('refuses weak passwords in Danish, a taken username with 409, and a mentor user without a mentor', async () => {
    const admin = t.as('admin');
    const short = await admin.post('/api/users', { username: 'anna', name: 'Anna', role: 'caseworker', password: 'kort' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({
      message: 'Adgangskoden skal være mindst 12 tegn.',
      details: { reason: 'PASSWORD_TOO_SHORT' },
    });
    expect(
      (await admin.post('/api/users', { username: 'anna', name: 'Anna', role: 'caseworker', password: 'anna-er-den-bedste' })).json().error
        .details.reason,
    ).toBe('PASSWORD_CONTAINS_USERNAME');
    expect(
      (await admin.post('/api/users', { username: 'anna', name: 'Anna', role: 'caseworker', password: 'Password1234' })).json().error
        .details.reason,
    ).toBe('PASSWORD_TOO_COMMON');
    expect((await admin.post('/api/users', { username: 'lars', name: 'Lars 2', role: 'caseworker' })).statusCode).toBe(409);
    expect((await admin.post('/api/users', { username: 'mia', name: 'Mia', role: 'mentor' })).json().error.details.reason).toBe(
      'MENTOR_REQUIRED',
    );
    expect(
      (await admin.post('/api/users', { username: 'mia', name: 'Mia', role: 'caseworker', mentorId: 1 })).json().error.details.reason,
    ).toBe('MENTOR_ONLY_FOR_MENTORS');
  });

  it('ends a deactivated user’s open session at once, and audits the change', async () => {
    const admin = t.as('admin');
    const user = (
      await admin.post('/api/users', { username: 'vikar', name: 'Vikar', role: 'caseworker', password: 'lang-og-sikker-kode' })
    ).json();
    const session = await login('vikar', 'lang-og-sikker-kode');
    expect((await as(session.cookie).get('/api/citizens')).statusCode).toBe(200);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { ...sameOrigin, cookie: await cookieOfAdmin() },
      payload: { active: false },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().active).toBe(false);
    expect((await as(session.cookie).get('/api/citizens')).statusCode).toBe(401);
    expect((await login('vikar', 'lang-og-sikker-kode')).status).toBe(401);
    const audit = await t.db.query<{ username: string; action: string; criterion: string }>(
      `select username, action, criterion from audit_log where entity = 'user' and criterion like 'user:vikar%' order by id`,
    );
    expect(audit).toEqual([
      { username: 'admin', action: 'create', criterion: 'user:vikar role:caseworker' },
      { username: 'admin', action: 'update', criterion: 'user:vikar active=false sessions-ended:1' },
    ]);
  });

  it('gives a one-time password on reset, and keeps one active admin', async () => {
    const admin = t.as('admin');
    const users = (await admin.get('/api/users')).json().users as { id: number; username: string }[];
    const lars = users.find((u) => u.username === 'lars')!;
    const reset = await admin.post(`/api/users/${lars.id}/password-reset`);
    expect(reset.statusCode).toBe(200);
    expect((await login('lars', reset.json().oneTimePassword)).status).toBe(200);
    const self = users.find((u) => u.username === 'admin')!;
    const demote = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${self.id}`,
      headers: { ...sameOrigin, cookie: await cookieOfAdmin() },
      payload: { role: 'caseworker' },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.details.reason).toBe('OWN_ADMIN_ACCESS');
  });

  it('makes a user with a one-time password choose their own before anything else', async () => {
    const admin = t.as('admin');
    const created = (await admin.post('/api/users', { username: 'ny.kollega', name: 'Ny Kollega', role: 'caseworker' })).json();
    const session = await login('ny.kollega', created.oneTimePassword);
    expect(session.status).toBe(200);
    expect((await as(session.cookie).get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
    const blocked = await as(session.cookie).get('/api/citizens');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.details.reason).toBe('PASSWORD_CHANGE_REQUIRED');
    const change = (body: object) => as(session.cookie).post('/api/auth/password', body);
    expect((await change({ currentPassword: 'forkert-kode-123', newPassword: 'helt-ny-kode-2026' })).json().error.details.reason).toBe(
      'WRONG_PASSWORD',
    );
    expect((await change({ currentPassword: created.oneTimePassword, newPassword: 'kort' })).json().error.details.reason).toBe(
      'PASSWORD_TOO_SHORT',
    );
    expect((await change({ currentPassword: created.oneTimePassword, newPassword: created.oneTimePassword })).statusCode).toBe(400);
    expect((await change({ currentPassword: created.oneTimePassword, newPassword: 'helt-ny-kode-2026' })).statusCode).toBe(204);
    expect((await as(session.cookie).get('/api/citizens')).statusCode).toBe(200);
    expect((await as(session.cookie).get('/api/auth/me')).json().user.mustChangePassword).toBe(false);
    // The one-time password is spent; the chosen one works.
    expect((await login('ny.kollega', created.oneTimePassword)).status).toBe(401);
    expect((await login('ny.kollega', 'helt-ny-kode-2026')).status).toBe(200);
    const audit = await t.db.query<{ criterion: string }>(
      `select criterion from audit_log where entity = 'user' and criterion like 'user:ny.kollega%' order by id`,
    );
    expect(audit.map((a) => a.criterion)).toEqual(['user:ny.kollega role:caseworker', 'user:ny.kollega password-changed']);
    // A reset gives a new one-time password, to be changed again.
    const reset = (await admin.post(`/api/users/${created.id}/password-reset`)).json();
    const again = await login('ny.kollega', reset.oneTimePassword);
    expect((await as(again.cookie).get('/api/citizens')).json().error.details.reason).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('is for admins only', async () => {
    expect((await t.as('cw').get('/api/users')).statusCode).toBe(403);
    expect((await t.as('boss').post('/api/users', { username: 'x1', name: 'X', role: 'admin' })).statusCode).toBe(403);
  });

  async function cookieOfAdmin(): Promise<string> {
    return (await login('admin', testPassword)).cookie;
  }
});
