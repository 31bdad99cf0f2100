import type { Database } from '../database.ts';

export function sessionsRepository(db: Database) {
  return {
    async create(input: { tokenHash: string; userId: number; expiresAt: Date }): Promise<void> {
      await db.query('insert into sessions (token_hash, user_id, expires_at) values ($1, $2, $3)', [
        input.tokenHash,
        input.userId,
        input.expiresAt,
      ]);
    },
    async findUserIdByTokenHash(tokenHash: string, now: Date): Promise<number | null> {
      const [row] = await db.query<{ userId: number }>(
        'select user_id as "userId" from sessions where token_hash = $1 and expires_at > $2',
        [tokenHash, now],
      );
      return row?.userId ?? null;
    },
    async delete(tokenHash: string): Promise<void> {
      await db.query('delete from sessions where token_hash = $1', [tokenHash]);
    },
    async purgeExpired(now: Date): Promise<void> {
      await db.query('delete from sessions where expires_at <= $1', [now]);
    },
  };
}
