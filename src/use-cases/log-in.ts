import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Database } from '../db/database.ts';
import { auditLogRepository } from '../db/repositories/audit-log-repository.ts';
import { municipalitiesRepository } from '../db/repositories/municipalities-repository.ts';
import { sessionsRepository } from '../db/repositories/sessions-repository.ts';
import { usersRepository, type UserRecord } from '../db/repositories/users-repository.ts';
import { AppError } from '../errors.ts';
import type { Actor } from './use-case-context.ts';

export const sessionLifetimeMs = 8 * 60 * 60 * 1000;
// Lock an account after repeated failures (the logging-clause practice of domain spec §7 [E46]).
const maxFailedLogins = 5;
const lockMinutes = 15;

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

/** Local login: argon2id password check, then a random session token whose hash is stored. */
export async function logIn(
  db: Database,
  input: { username: string; password: string; now: Date },
): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const users = usersRepository(db);
  const user = await users.findByUsername(input.username.trim());
  const invalid = new AppError('UNAUTHENTICATED', 'Wrong username or password', { reason: 'INVALID_CREDENTIALS' });
  if (!user || !user.active) throw invalid;
  if (user.lockedUntil && user.lockedUntil > input.now) {
    throw new AppError('UNAUTHENTICATED', 'Account temporarily locked after repeated failed logins', { reason: 'LOCKED' });
  }
  const ok = await verify(user.passwordHash, input.password);
  if (!ok) {
    const lockUntil = user.failedLogins + 1 >= maxFailedLogins ? new Date(input.now.getTime() + lockMinutes * 60_000) : null;
    await users.recordFailedLogin(user.id, lockUntil);
    await auditLogRepository(db).record([
      { municipalityId: user.municipalityId, userId: user.id, username: user.username, action: 'login_failed', entity: 'session' },
    ]);
    throw invalid;
  }
  await users.resetFailedLogins(user.id);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(input.now.getTime() + sessionLifetimeMs);
  await sessionsRepository(db).create({ tokenHash: hashSessionToken(token), userId: user.id, expiresAt });
  await auditLogRepository(db).record([
    { municipalityId: user.municipalityId, userId: user.id, username: user.username, action: 'login', entity: 'session' },
  ]);
  return { token, expiresAt, actor: await actorOf(db, user) };
}

export async function resolveSession(db: Database, token: string, now: Date): Promise<Actor | null> {
  const userId = await sessionsRepository(db).findUserIdByTokenHash(hashSessionToken(token), now);
  if (userId === null) return null;
  const user = await usersRepository(db).findById(userId);
  if (!user || !user.active) return null;
  return actorOf(db, user);
}

export async function logOut(db: Database, token: string): Promise<void> {
  await sessionsRepository(db).delete(hashSessionToken(token));
}
