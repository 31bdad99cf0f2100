import type { Database } from './database.ts';

/**
 * `insert into <table> (<columns>) values ($1, …) returning id` for one row given as column → value, so
 * that each column stands beside its value instead of in two lists matched by position. The table and
 * column names must be written in code (trusted SQL), never taken from input; the values are parameters.
 */
export async function insertReturningId(db: Database, table: string, row: Record<string, unknown>): Promise<number> {
  const columns = Object.keys(row);
  const placeholders = columns.map((_, i) => `$${i + 1}`).join(', ');
  const [inserted] = await db.query<{ id: number }>(
    `insert into ${table} (${columns.join(', ')}) values (${placeholders}) returning id`,
    Object.values(row),
  );
  return inserted!.id;
}
