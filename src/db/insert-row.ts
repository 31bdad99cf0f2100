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

/**
 * The row `column → value` of the fields in `values` that `columns` maps and that are set (not undefined):
 * one map from a record's field names to its table's columns serves the insert and the update alike. The
 * columns come from `columns` (code), never from the keys of `values`.
 */
export function rowOf<K extends string>(columns: Record<K, string>, values: Partial<Record<K, unknown>>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const key of Object.keys(columns) as K[]) if (values[key] !== undefined) row[columns[key]] = values[key];
  return row;
}
