import type { Database } from '../database.ts';

/** Failed logins per typed username and client address (the login back-off, use-cases/log-in.ts). */
export function loginThrottleRepository(db: Database) {
  return {
    async blockedUntil(username: string, ip: string): Promise<Date | null> {
      const [row] = await db.query<{ blockedUntil: Date | null }>(
        'select blocked_until as "blockedUntil" from login_throttle where username = $1 and ip = $2',
        [username, ip],
      );
      return row?.blockedUntil ?? null;
    },
    /** Counts one more failure and stores the block computed from the new count; returns the count. */
    async recordFailure(username: string, ip: string, now: Date, blockFor: (failures: number) => number): Promise<number> {
      const [row] = await db.query<{ failures: number }>(
        `insert into login_throttle (username, ip, failures, last_failure_at) values ($1, $2, 1, $3)
         on conflict (username, ip) do update set failures = login_throttle.failures + 1, last_failure_at = $3
         returning failures`,
        [username, ip, now],
      );
      const failures = row!.failures;
      const ms = blockFor(failures);
      if (ms > 0)
        await db.query('update login_throttle set blocked_until = $3 where username = $1 and ip = $2', [
          username,
          ip,
          new Date(now.getTime() + ms),
        ]);
      return failures;
    },
    async clear(username: string, ip: string): Promise<void> {
      await db.query('delete from login_throttle where username = $1 and ip = $2', [username, ip]);
    },
    /** Forgets failures older than `before` (a quiet day resets the back-off). */
    async forgetBefore(before: Date): Promise<void> {
      await db.query('delete from login_throttle where last_failure_at < $1 and (blocked_until is null or blocked_until < $1)', [before]);
    },
  };
}
