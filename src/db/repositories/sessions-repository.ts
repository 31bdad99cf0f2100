import type { Database } from '../database.ts';
import { signalSessionChange } from '../session-change-signal.ts';
import type { UserRole } from './users-repository.ts';

export type SessionUser = {
  userId: number;
  username: string;
  name: string;
  role: UserRole;
  municipalityId: number;
  municipalityName: string;
  mentorId: number | null;
};

export function sessionsRepository(db: Database) {
  return {
    async create(input: { tokenHash: string; userId: number; expiresAt: Date }): Promise<void> {
      await db.query('insert into sessions (token_hash, user_id, expires_at) values ($1, $2, $3)', [
        input.tokenHash,
        input.userId,
        input.expiresAt,
      ]);
    },
    /** The active user of a live session with their municipality's name, in one round trip (every request asks). */
    async findActiveUserByTokenHash(
      tokenHash: string,
      now: Date,
    ): Promise<(SessionUser & { expiresAt: Date; mustChangePassword: boolean }) | null> {
      const [row] = await db.query<SessionUser & { expiresAt: Date; mustChangePassword: boolean }>(
        `select u.id as "userId", u.username, u.name, u.role, u.municipality_id as "municipalityId", m.name as "municipalityName",
           u.mentor_id as "mentorId", s.expires_at as "expiresAt", u.must_change_password as "mustChangePassword"
         from sessions s join users u on u.id = s.user_id and u.active join municipalities m on m.id = u.municipality_id
         where s.token_hash = $1 and s.expires_at > $2`,
        [tokenHash, now],
      );
      return row ?? null;
    },
    /** Ends every session of a user at once (deactivation, password reset). */
    async deleteAllOfUser(userId: number): Promise<number> {
      const deleted = (await db.query('delete from sessions where user_id = $1 returning 1', [userId])).length;
      signalSessionChange();
      return deleted;
    },
    async delete(tokenHash: string): Promise<void> {
      await db.query('delete from sessions where token_hash = $1', [tokenHash]);
      signalSessionChange();
    },
    async purgeExpired(now: Date): Promise<void> {
      await db.query('delete from sessions where expires_at <= $1', [now]);
    },
  };
}
