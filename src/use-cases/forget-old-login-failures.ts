import type { Database } from '../db/database.ts';
import { loginThrottleRepository } from '../db/repositories/login-throttle-repository.ts';

/** The login back-off forgets a (username, address) pair's failures after a quiet day (log-in.ts). */
export async function forgetOldLoginFailures(db: Database, now: Date): Promise<void> {
  await loginThrottleRepository(db).forgetBefore(new Date(now.getTime() - 24 * 60 * 60 * 1000));
}
