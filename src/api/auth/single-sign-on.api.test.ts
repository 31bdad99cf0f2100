/**
 * Issue 11: staff sign in through the municipality's own OpenID Connect provider. The provider is a real
 * one (the `oidc-provider` package) started by the test on a free port; the test drives the browser's
 * part of the code flow over HTTP (redirects, the provider's login and consent forms, cookies).
 * 4 December 2026, the municipality has just configured single sign-on with two groups.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.ts';
import { singleSignOn } from '../../use-cases/single-sign-on.ts';
import { buildApp } from '../app.ts';
import { startTestOidcProvider, testClientSecret, type TestAccount } from './test-oidc-provider.ts';
import { openTestApp, sameOrigin, testPassword, type TestApp } from '../test-app.ts';
import type { FastifyInstance } from 'fastify';

const accounts: Record<string, TestAccount> = {
  anna: { sub: 'a-1', preferred_username: 'anna.holm', name: 'Anna Holm', groups: ['Jobcenter-Sagsbehandlere', 'Alle-ansatte'] },
  bo: { sub: 'b-2', preferred_username: 'bo.lund', name: 'Bo Lund', groups: ['Jobcenter-Ledelse'] },
  kim: { sub: 'k-3', preferred_username: 'kim.kantine', name: 'Kim Kantine', groups: ['Alle-ansatte'] },
  mette: { sub: 'm-4', preferred_username: 'mette.mentor', name: 'Mette Mentor', groups: ['Jobcenter-Mentorer'] },
};
const redirectUri = 'http://localhost:3000/api/auth/oidc/callback';

/** A minimal browser for the provider's pages: follows redirects, keeps cookies per host. */
function browser() {
  const jar = new Map<string, Map<string, string>>();
  const cookieHeader = (url: URL) => [...(jar.get(url.host) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  return async function go(start: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<URL> {
    let url = new URL(start);
    let method = init.method ?? 'GET';
    let body: string | undefined = init.form ? new URLSearchParams(init.form).toString() : undefined;
    for (let hop = 0; hop < 10; hop += 1) {
      if (url.href.startsWith(redirectUri)) return url;
      const response = await fetch(url, {
        method,
        redirect: 'manual',
        headers: { cookie: cookieHeader(url), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body,
      });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const at = pair!.indexOf('=');
        const cookies = jar.get(url.host) ?? new Map<string, string>();
        cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
        jar.set(url.host, cookies);
      }
      const location = response.headers.get('location');
      await response.arrayBuffer();
      if (!location) return url;
      url = new URL(location, url);
      method = 'GET';
      body = undefined;
    }
    throw new Error('too many redirects');
  };
}

describe('single sign-on through the municipality’s OpenID Connect provider', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let provider: Awaited<ReturnType<typeof startTestOidcProvider>>;

  beforeAll(async () => {
    provider = await startTestOidcProvider({ redirectUri: redirectUri, accounts });
    const issuer = provider.issuer;

    t = await openTestApp({ now: new Date('2026-12-04T09:00:00Z') });
    const config = parseConfig({
      MENTORSPOR_OIDC_ISSUER: issuer,
      MENTORSPOR_OIDC_CLIENT_ID: 'mentorspor',
      MENTORSPOR_OIDC_CLIENT_SECRET: testClientSecret,
      MENTORSPOR_OIDC_REDIRECT_URI: redirectUri,
      MENTORSPOR_OIDC_ROLE_MAP: 'Jobcenter-Sagsbehandlere=caseworker,Jobcenter-Ledelse=manager,Jobcenter-Mentorer=mentor',
    });
    app = await buildApp({ db: t.db, now: () => new Date(), webDir: null, singleSignOn: singleSignOn(config.oidc!) });
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
    await provider?.close();
  });

  /** Logs `account` in at the provider, up to the provider's redirect back: the callback's query and the browser's state cookie. */
  async function atProvider(account: string): Promise<{ search: string; stateCookie: string }> {
    const start = await app.inject({ method: 'GET', url: '/api/auth/oidc/login' });
    expect(start.statusCode).toBe(302);
    const state = start.cookies.find((c) => c.name === 'mentorspor_oidc_state')!;
    expect(state).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/oidc/' });
    const authorize = new URL(start.headers.location as string);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const go = browser();
    let at = await go(authorize.href);
    // The provider's login form, then its consent form.
    at = await go(`${at.origin}${at.pathname}`, { method: 'POST', form: { prompt: 'login', login: account, password: 'x' } });
    if (!at.href.startsWith(redirectUri)) at = await go(`${at.origin}${at.pathname}`, { method: 'POST', form: { prompt: 'consent' } });
    expect(at.href.startsWith(redirectUri)).toBe(true);
    return { search: at.search, stateCookie: `${state.name}=${state.value}` };
  }

  /** Logs `account` in at the provider; answers the app's redirect and the session cookie, if any. */
  async function signIn(account: string): Promise<{ location: string; cookie: string | null }> {
    const { search, stateCookie } = await atProvider(account);
    const callback = await app.inject({ method: 'GET', url: `/api/auth/oidc/callback${search}`, headers: { cookie: stateCookie } });
    expect(callback.statusCode).toBe(302);
    const session = callback.cookies.find((c) => c.name === 'mentorspor_session');
    return { location: callback.headers.location as string, cookie: session ? `${session.name}=${session.value}` : null };
  }

  it('tells the login page that single sign-on is on', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/auth/config' })).json()).toEqual({ singleSignOn: true });
  });

  it('creates a caseworker just in time from the group claim, who can then work', async () => {
    const anna = await signIn('anna');
    expect(anna.location).toBe('/#/');
    expect(anna.cookie).not.toBeNull();
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: anna.cookie! } });
    expect(me.json().user).toMatchObject({ username: 'anna.holm', name: 'Anna Holm', role: 'caseworker' });
    const citizen = await app.inject({
      method: 'POST',
      url: '/api/citizens',
      headers: { ...sameOrigin, cookie: anna.cookie! },
      payload: { cpr: '0606906666', name: 'Borger Via SSO' },
    });
    expect(citizen.statusCode).toBe(201);
    // A second login is the same user (by issuer and subject), not a new one.
    await signIn('anna');
    const [{ n }] = (await t.db.query<{ n: number }>(`select count(*)::int as n from users where username = 'anna.holm'`)) as [
      { n: number },
    ];
    expect(n).toBe(1);
    const audit = await t.db.query<{ action: string; criterion: string }>(
      `select action, criterion from audit_log where username = 'anna.holm' and entity in ('user', 'session') order by id`,
    );
    expect(audit).toEqual([
      { action: 'create', criterion: 'user:anna.holm role:caseworker sso' },
      { action: 'login', criterion: 'sso' },
      { action: 'login', criterion: 'sso' },
    ]);
  });

  it('maps another group to the manager role', async () => {
    const bo = await signIn('bo');
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: bo.cookie! } });
    expect(me.json().user).toMatchObject({ username: 'bo.lund', role: 'manager' });
  });

  it('refuses a user whose groups map to no role, and audits it', async () => {
    const kim = await signIn('kim');
    expect(kim.cookie).toBeNull();
    expect(kim.location).toBe('/#/?loginError=SSO_NO_ROLE');
    expect((await t.db.query(`select 1 from users where username = 'kim.kantine'`)).length).toBe(0);
    const audit = await t.db.query<{ criterion: string }>(
      `select criterion from audit_log where action = 'login_failed' and username = 'kim.kantine'`,
    );
    expect(audit).toEqual([{ criterion: 'sso:no-role' }]);
  });

  it('refuses a deactivated user at the provider’s next login', async () => {
    const [{ id }] = (await t.db.query<{ id: number }>(`select id from users where username = 'bo.lund'`)) as [{ id: number }];
    expect((await t.as('admin').patch(`/api/users/${id}`, { active: false })).statusCode).toBe(200);
    const bo = await signIn('bo');
    expect(bo.cookie).toBeNull();
    expect(bo.location).toBe('/#/?loginError=SSO_USER_DEACTIVATED');
  });

  it('refuses a callback in another browser than the one that started the login (login CSRF)', async () => {
    // Anna completes the provider's part and sends the callback link (her code and state) to a colleague.
    const { search, stateCookie } = await atProvider('anna');
    const victim = await app.inject({ method: 'GET', url: `/api/auth/oidc/callback${search}` });
    expect(victim.headers.location).toBe('/#/?loginError=SSO_LOGIN_EXPIRED');
    expect(victim.cookies.find((c) => c.name === 'mentorspor_session')).toBeUndefined();
    // The browser that started it still finishes it; the same callback again is refused.
    const own = await app.inject({ method: 'GET', url: `/api/auth/oidc/callback${search}`, headers: { cookie: stateCookie } });
    expect(own.headers.location).toBe('/#/');
    const replayed = await app.inject({ method: 'GET', url: `/api/auth/oidc/callback${search}`, headers: { cookie: stateCookie } });
    expect(replayed.headers.location).toBe('/#/?loginError=SSO_LOGIN_EXPIRED');
  });

  it('signs a mentor in only once an admin has linked the mentor user to a mentor, and drops the link when the role changes', async () => {
    const first = await signIn('mette');
    expect(first.location).toBe('/#/?loginError=SSO_MENTOR_NOT_LINKED');
    expect(await t.db.query(`select 1 from users where username = 'mette.mentor'`)).toEqual([]);
    const provider = (await t.as('coord').post('/api/providers', { name: 'Mentorhuset', type: 'internal' })).json();
    const mentor = (
      await t
        .as('coord')
        .post('/api/mentors', { name: 'Mette Mentor', providerId: provider.id, phone: '1', qualifications: ['x'], weeklyCapacityHours: 10 })
    ).json();
    const created = await t
      .as('admin')
      .post('/api/users', { username: 'mette.mentor', name: 'Mette Mentor', role: 'mentor', mentorId: mentor.id });
    expect(created.statusCode).toBe(201);
    const linked = await signIn('mette');
    expect(linked.location).toBe('/#/');
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: linked.cookie! } });
    expect(me.json().user).toMatchObject({ username: 'mette.mentor', role: 'mentor', mentorId: mentor.id });
    // 1 March: Mette becomes a caseworker at the provider; her mentor link goes with the old role.
    accounts.mette!.groups = ['Jobcenter-Sagsbehandlere'];
    const moved = await signIn('mette');
    const after = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: moved.cookie! } });
    expect(after.json().user).toMatchObject({ role: 'caseworker', mentorId: null });
    expect(
      (
        await t.db.query<{ criterion: string }>(
          `select criterion from audit_log where username = 'mette.mentor' and action = 'login_failed'`,
        )
      ).map((r) => r.criterion),
    ).toEqual(['sso:mentor-not-linked']);
  });

  it('refuses a replayed or unknown callback', async () => {
    const forged = await app.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=abc&state=not-ours' });
    expect(forged.statusCode).toBe(302);
    expect(forged.headers.location).toBe('/#/?loginError=SSO_LOGIN_EXPIRED');
  });

  it('lets only the admin log in with a password (break-glass, audited), also with the provider stopped', async () => {
    await provider?.close();
    const login = (username: string) =>
      app.inject({ method: 'POST', url: '/api/auth/login', headers: sameOrigin, payload: { username, password: testPassword } });
    const cw = await login('cw');
    expect(cw.statusCode).toBe(403);
    expect(cw.json().error.details.reason).toBe('SSO_REQUIRED');
    const admin = await login('admin');
    expect(admin.statusCode).toBe(200);
    const audit = await t.db.query<{ criterion: string }>(
      `select criterion from audit_log where username = 'admin' and action = 'login' order by id desc limit 1`,
    );
    expect(audit).toEqual([{ criterion: 'break-glass' }]);
  });
});
