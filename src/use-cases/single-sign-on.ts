/**
 * Single sign-on through the municipality's OpenID Connect provider (issue 11): authorization code flow
 * with PKCE through `openid-client`. The state, nonce and code verifier live in the database
 * (oidc_logins), so any server process can finish a login another one started.
 *
 * Who signs in: the user with this issuer|subject; else, the first time, a user an admin created with
 * the same username and no provider identity yet (so an admin can prepare mentor users linked to their
 * mentor record); else a new user, created just in time. The role comes from the role claim through the
 * configured map, on every login; a user whose claim maps to no role, or who is deactivated, is refused.
 * Every outcome is audited.
 */
import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import type { OidcSettings, Role } from '../config.ts';
import type { Database } from '../db/database.ts';
import { auditLogRepository } from '../db/repositories/audit-log-repository.ts';
import { municipalitiesRepository } from '../db/repositories/municipalities-repository.ts';
import { oidcLoginsRepository } from '../db/repositories/oidc-logins-repository.ts';
import { usersRepository, type UserRecord } from '../db/repositories/users-repository.ts';
import { AppError } from '../errors.ts';
import { auditableUsername, hashPassword, startSession } from './log-in.ts';
import type { Actor } from './use-case-context.ts';

export type SingleSignOn = {
  settings: OidcSettings;
  /** The provider's configuration, discovered on first use (and again after a failure). */
  configuration(): Promise<oidc.Configuration>;
};

/** Refusals of a login through the provider; the web UI names each in Danish (login page). */
export type SingleSignOnRefusal =
  | 'SSO_PROVIDER_UNAVAILABLE'
  | 'SSO_LOGIN_EXPIRED'
  | 'SSO_REJECTED'
  | 'SSO_NO_ROLE'
  | 'SSO_USER_DEACTIVATED'
  | 'SSO_USERNAME_TAKEN'
  | 'SSO_MENTOR_NOT_LINKED';

export function singleSignOn(settings: OidcSettings): SingleSignOn {
  let discovered: Promise<oidc.Configuration> | null = null;
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(settings.issuer.hostname);
  return {
    settings,
    configuration() {
      discovered ??= oidc
        .discovery(settings.issuer, settings.clientId, settings.clientSecret, undefined, {
          // Plain HTTP only for a provider on this machine (config.ts refuses it elsewhere).
          ...(local && settings.issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
        })
        .catch((error: unknown) => {
          discovered = null;
          throw error;
        });
      return discovered;
    },
  };
}

function refused(reason: SingleSignOnRefusal, message: string): AppError {
  return new AppError('UNAUTHENTICATED', message, { reason });
}

/** Where to send the browser to sign in; the login is remembered for ten minutes. */
export async function startSingleSignOnLogin(db: Database, sso: SingleSignOn, now: Date): Promise<URL> {
  let configuration: oidc.Configuration;
  try {
    configuration = await sso.configuration();
  } catch {
    throw refused('SSO_PROVIDER_UNAVAILABLE', 'The identity provider does not answer');
  }
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  await oidcLoginsRepository(db).start({ state, nonce, codeVerifier, now });
  return oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: sso.settings.redirectUri.href,
    scope: sso.settings.scopes,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
}

/** The role of the first configured claim value the user has, or null. */
export function roleFromClaim(settings: OidcSettings, claim: unknown): Role | null {
  const values = new Set((Array.isArray(claim) ? claim : [claim]).filter((v): v is string => typeof v === 'string'));
  return settings.roleMap.find(([value]) => values.has(value))?.[1] ?? null;
}

/**
 * Finishes a login at the redirect URI (`callbackUrl` as the browser sent it): a session, or a refusal.
 * `browserState` is the state the starting browser keeps in its cookie: a callback arriving in any other
 * browser (a link with someone else's code and state, i.e. login CSRF) is refused and leaves the login
 * untouched for the browser that started it.
 */
export async function finishSingleSignOnLogin(
  db: Database,
  sso: SingleSignOn,
  input: { callbackUrl: URL; browserState: string | null; now: Date },
): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const state = input.callbackUrl.searchParams.get('state') ?? '';
  const login = state && state === input.browserState ? await oidcLoginsRepository(db).take(state, input.now) : null;
  if (!login) throw refused('SSO_LOGIN_EXPIRED', 'Unknown or expired login; start again');
  let configuration: oidc.Configuration;
  try {
    configuration = await sso.configuration();
  } catch {
    throw refused('SSO_PROVIDER_UNAVAILABLE', 'The identity provider does not answer');
  }
  // The provider's answer arrives at the configured redirect URI; read it there, whatever host the proxy saw.
  const callback = new URL(sso.settings.redirectUri.href);
  callback.search = input.callbackUrl.search;
  let claims: Record<string, unknown>;
  try {
    const tokens = await oidc.authorizationCodeGrant(configuration, callback, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: state,
      expectedNonce: login.nonce,
    });
    claims = { ...(tokens.claims() ?? {}) };
    if (claims[sso.settings.roleClaim] === undefined && tokens.access_token) {
      const info = await oidc.fetchUserInfo(configuration, tokens.access_token, String(claims.sub));
      claims = { ...info, ...claims };
    }
  } catch {
    throw refused('SSO_REJECTED', 'The identity provider’s answer was refused');
  }
  return signInIdentity(db, sso.settings, {
    subject: `${sso.settings.issuer.href}|${String(claims.sub)}`,
    username: String(claims.preferred_username ?? claims.email ?? claims.sub)
      .trim()
      .slice(0, 100),
    name: String(claims.name ?? claims.preferred_username ?? claims.sub)
      .trim()
      .slice(0, 200),
    role: roleFromClaim(sso.settings, claims[sso.settings.roleClaim]),
    now: input.now,
  });
}

async function signInIdentity(
  db: Database,
  settings: OidcSettings,
  identity: { subject: string; username: string; name: string; role: Role | null; now: Date },
): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const users = usersRepository(db);
  const municipality = await municipalityOf(db, settings);
  const audit = async (user: UserRecord | null, criterion: string) =>
    auditLogRepository(db).record([
      {
        municipalityId: user?.municipalityId ?? municipality.id,
        userId: user?.id ?? null,
        username: auditableUsername(identity.username),
        action: 'login_failed',
        entity: 'session',
        criterion,
      },
    ]);
  let user = await users.findByOidcSubject(identity.subject);
  if (!user) {
    const prepared = await users.findByUsername(identity.username);
    if (prepared && prepared.municipalityId === municipality.id && !(await hasProviderIdentity(db, prepared.id))) {
      await users.linkOidcSubject(prepared.id, identity.subject);
      user = prepared;
    } else if (prepared) {
      await audit(null, 'sso:username-taken');
      throw refused('SSO_USERNAME_TAKEN', 'The username is taken by another user');
    }
  }
  if (user && !user.active) {
    await audit(user, 'sso:deactivated');
    throw refused('SSO_USER_DEACTIVATED', 'The user is deactivated');
  }
  if (!identity.role) {
    await audit(user, 'sso:no-role');
    throw refused('SSO_NO_ROLE', 'No role for the user’s groups');
  }
  // A mentor user is linked to exactly one mentor record, which the provider cannot know: an admin
  // creates the mentor user (same username, linked to the mentor) first; single sign-on then links it.
  if (identity.role === 'mentor' && !(user?.role === 'mentor' && user.mentorId !== null)) {
    await audit(user, 'sso:mentor-not-linked');
    throw refused('SSO_MENTOR_NOT_LINKED', 'A mentor user must first be created and linked to a mentor by an admin');
  }
  if (!user) {
    // Just in time: the password is a random secret nobody knows, so only the provider signs this user in.
    user = await users.createFromIdentityProvider({
      municipalityId: municipality.id,
      username: identity.username,
      name: identity.name,
      role: identity.role,
      passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
      subject: identity.subject,
    });
    if (!user) throw refused('SSO_USERNAME_TAKEN', 'The username is taken by another user');
    await auditLogRepository(db).record([
      {
        municipalityId: user.municipalityId,
        userId: user.id,
        username: user.username,
        action: 'create',
        entity: 'user',
        criterion: `user:${user.username} role:${user.role} sso`,
      },
    ]);
  } else if (user.role !== identity.role || user.name !== identity.name) {
    // Only a mentor user keeps its mentor link.
    const mentorId = identity.role === 'mentor' ? user.mentorId : null;
    await users.update(user.municipalityId, user.id, { name: identity.name, role: identity.role, active: true, mentorId });
    await auditLogRepository(db).record([
      {
        municipalityId: user.municipalityId,
        userId: user.id,
        username: user.username,
        action: 'update',
        entity: 'user',
        criterion: `user:${user.username} role:${identity.role} sso`,
      },
    ]);
    user = { ...user, name: identity.name, role: identity.role, mentorId };
  }
  return startSession(db, user, identity.now, 'sso');
}

async function hasProviderIdentity(db: Database, userId: number): Promise<boolean> {
  const [row] = await db.query<{ linked: boolean }>('select oidc_subject is not null as linked from users where id = $1', [userId]);
  return row?.linked ?? false;
}

async function municipalityOf(db: Database, settings: OidcSettings) {
  const all = await municipalitiesRepository(db).list();
  const found = settings.municipalityCode ? all.find((m) => m.code === settings.municipalityCode) : all.length === 1 ? all[0] : undefined;
  if (!found)
    throw new AppError(
      'CONFIG_INVALID',
      settings.municipalityCode
        ? `MENTORSPOR_OIDC_MUNICIPALITY: no municipality with code ${settings.municipalityCode}`
        : 'Several municipalities: set MENTORSPOR_OIDC_MUNICIPALITY',
    );
  return found;
}
