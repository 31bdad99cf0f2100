import type { Database } from '../db/database.ts';
import { pendingMigrations } from '../db/migrate.ts';

/** `/api/health/ready`: the database is reachable and its schema is current (issue 11). */
export async function checkReadiness(db: Database): Promise<{ ready: boolean; database: string; pendingMigrations: number }> {
  try {
    const pending = await pendingMigrations(db);
    return { ready: pending.length === 0, database: db.engine, pendingMigrations: pending.length };
  } catch {
    return { ready: false, database: db.engine, pendingMigrations: -1 };
  }
}
