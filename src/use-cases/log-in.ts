import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Database } from '../db/database.ts';
import { auditLogRepository } from '../db/repositories/audit-log-repository.ts';
import { loginThrottleRepository } from '../db/repositories/login-throttle-repository.ts';
import { municipalitiesRepository } from '../db/repositories/municipalities-repository.ts';
import { sessionsRepository } from '../db/repositories/sessions-repository.ts';
import { usersRepository, type UserRecord } from '../db/repositories/users-repository.ts';
import { AppError } from '../errors.ts';
import type { Actor } from './use-case-context.ts';

export const sessionLifetimeMs = 8 * 60 * 60 * 1000;

/**
 * The login back-off (issue 10), per typed username *and* client address: the first three failures are
 * free, then each further failure blocks that pair for 1 s, 2 s, 4 s … up to 15 minutes. An attacker
 * hammering a username from one address blocks only that address for it: the real user logs in from
 * their own. There is no account lock (it let anyone keep an account closed). A successful login clears
 * the pair; failures a day old are forgotten. Unknown and known usernames are treated alike.
 */
export const freeFailures = 3;
export const maxBlockMs = 15 * 60 * 1000;
export function blockAfter(failures: number): number {
  return failures <= freeFailures ? 0 : Math.min(1000 * 2 ** (failures - freeFailures - 1), maxBlockMs);
}

/** A typed username as it may be stored in the audit log: never a CPR number typed by mistake. */
export function auditableUsername(typed: string): string {
  const clean = typed.trim().slice(0, 100);
  return /[0-9]{6}-?[0-9]{4}/.test(clean) ? clean.replace(/[0-9]/g, 'X') : clean;
}

// Unknown users are checked against this hash, so they take as long as a wrong password (issue 10).
let dummyHash: Promise<string> | null = null;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function actorOf(db: Database, user: UserRecord): Promise<Actor> {
  const municipality = await municipalitiesRepository(db).findById(user.municipalityId);
  return {
    userId: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    municipalityId: user.municipalityId,
    municipalityName: municipality?.name ?? '',
    mentorId: user.mentorId,
  };
}

/**
 * Local login: argon2id password check, then a random session token whose hash is stored. Unknown,
 * inactive and wrong-password logins get the same answer after the same work; a blocked
 * (username, address) pair gets 429 whether the username exists or not.
 */
export async function logIn(
  db: Database,
  input: { username: string; password: string; now: Date; ip?: string; singleSignOn?: boolean },
): Promise<{ token: string; expiresAt: Date; actor: Actor; mustChangePassword: boolean }> {
  const typed = input.username.trim();
  const throttleKey = typed.toLowerCase();
  const ip = input.ip ?? 'unknown';
  const throttle = loginThrottleRepository(db);
  const blockedUntil = await throttle.blockedUntil(throttleKey, ip);
  if (blockedUntil && blockedUntil > input.now) {
    const seconds = Math.ceil((blockedUntil.getTime() - input.now.getTime()) / 1000);
    throw new AppError('RATE_LIMITED', `Too many failed logins; try again in ${seconds} s`, {
      reason: 'LOGIN_BACK_OFF',
      retryAfterSeconds: seconds,
    });
  }
  const user = await usersRepository(db).findByUsername(typed);
  const known = user !== null && user.active;
  dummyHash ??= hash(randomBytes(16).toString('hex'));
  const ok = await verify(known ? user.passwordHash : await dummyHash, input.password);
  if (!known || !ok) {
    await throttle.recordFailure(throttleKey, ip, input.now, blockAfter);
    await auditLogRepository(db).record([
      {
        municipalityId: known ? user.municipalityId : null,
        userId: known ? user.id : null,
        username: auditableUsername(typed),
        action: 'login_failed',
        entity: 'session',
        criterion: `ip:${ip.slice(0, 64)}`,
      },
    ]);
    throw new AppError('UNAUTHENTICATED', 'Wrong username or password', { reason: 'INVALID_CREDENTIALS' });
  }
  await throttle.clear(throttleKey, ip);
  // With single sign-on, staff sign in through the municipality's identity provider; a password opens
  // only an admin's account, for when the provider is down (break-glass, audited as such).
  if (input.singleSignOn && user.role !== 'admin') {
    await auditLogRepository(db).record([
      {
        municipalityId: user.municipalityId,
        userId: user.id,
        username: user.username,
        action: 'login_failed',
        entity: 'session',
        criterion: 'sso-required',
      },
    ]);
    throw new AppError('FORBIDDEN', 'Log in through the municipality’s single sign-on', { reason: 'SSO_REQUIRED' });
  }
  return startSession(db, user, input.now, input.singleSignOn ? 'break-glass' : null);
}

/** A new session for a user who has proven who they are (password or identity provider), audited. */
export async function startSession(
  db: Database,
  user: UserRecord,
  now: Date,
  criterion: string | null,
): Promise<{ token: string; expiresAt: Date; actor: Actor; mustChangePassword: boolean }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  await sessionsRepository(db).create({ tokenHash: hashSessionToken(token), userId: user.id, expiresAt });
  await auditLogRepository(db).record([
    { municipalityId: user.municipalityId, userId: user.id, username: user.username, action: 'login', entity: 'session', criterion },
  ]);
  return { token, expiresAt, actor: await actorOf(db, user), mustChangePassword: user.mustChangePassword };
}

/** The actor of a live session and when the session expires; one query (every request without a cached session asks). */
export type ResolvedSession = { actor: Actor; expiresAt: Date; mustChangePassword: boolean };

export async function resolveSession(db: Database, token: string, now: Date): Promise<ResolvedSession | null> {
  const found = await sessionsRepository(db).findActiveUserByTokenHash(hashSessionToken(token), now);
  if (!found) return null;
  const { expiresAt, mustChangePassword, ...actor } = found;
  return { actor, expiresAt: new Date(expiresAt), mustChangePassword };
}

export async function logOut(db: Database, token: string): Promise<void> {
  await sessionsRepository(db).delete(hashSessionToken(token));
}
