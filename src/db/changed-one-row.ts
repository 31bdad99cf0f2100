import type { Database } from './database.ts';

/**
 * Runs a guarded `update … returning id` or `delete … returning id` (guarded by municipality, id and usually
 * a status); true when it changed exactly one row, i.e. the row existed and the guard held.
 */
export async function changedOneRow(db: Database, sql: string, params: unknown[]): Promise<boolean> {
  return (await db.query(sql, params)).length === 1;
}
