/**
 * Tenancy enforced by the database (issue 10). A tenant database runs every query, statement and
 * transaction of one municipality as the non-owner role `mentorspor_app`, with
 * `mentorspor.municipality_id` set (per transaction, or per connection of its own pool): row-level security
 * (migration 20261203T1000_tenancy-in-the-database.sql) then hides and refuses every other
 * municipality's rows, even when a query forgets its `where municipality_id = …`.
 *
 * On a PostgreSQL server the tenant's connections start in that state (their own pool, see
 * `Database.withSessionSettings`); on PGlite, the settings are sent with each BEGIN.
 *
 * Request and CLI contexts get one (api/request-context.ts, use-cases/system-actor.ts); the login,
 * migrations and first-start data use the owner connection.
 */
import type { Database } from './database.ts';

export const applicationRole = 'mentorspor_app';

export function tenantDatabase(db: Database, municipalityId: number): Database {
  if (!Number.isSafeInteger(municipalityId) || municipalityId < 1)
    throw new Error('tenantDatabase: municipality id must be a positive integer');
  // On a PostgreSQL server: connections of their own that start as the application role in this
  // municipality, so a single query is one round trip and a transaction needs no setup statement
  // (issue 10's throughput). Every connection of that pool belongs to this municipality for life.
  const settings = { role: applicationRole, 'mentorspor.municipality_id': String(municipalityId) };
  const pooled = db.withSessionSettings?.(settings);
  if (pooled) return { ...pooled, withSessionSettings: undefined };
  // Sent with BEGIN in one round trip; the id is a checked integer, so the SQL needs no parameter.
  const setup = `select set_config('mentorspor.municipality_id', '${municipalityId}', true), set_config('role', '${applicationRole}', true)`;
  const inTenant = <T>(work: (tx: Database) => Promise<T>): Promise<T> => db.transaction(work, { setup });
  return {
    engine: db.engine,
    query: (sql, params) => inTenant((tx) => tx.query(sql, params)),
    exec: (sql) => inTenant((tx) => tx.exec(sql)),
    copyRows: (table, columns, rows, options) => inTenant((tx) => tx.copyRows(table, columns, rows, options)),
    transaction: inTenant,
    // The owner's connection outlives every tenant view of it.
    async close() {},
  };
}

/**
 * Runs `work` as the connection's own (owner) user inside the current transaction, then returns to the
 * role the transaction had: for the few statements only the table owner may run (the register import's
 * bulk path drops and re-adds a foreign key). The statements must name the municipality themselves.
 */
export async function asTableOwner<T>(tx: Database, work: () => Promise<T>): Promise<T> {
  const [current] = await tx.query<{ role: string }>('select current_user as role');
  // `role none` is the session user (the owner) even on a connection that started as another role.
  await tx.exec('set local role none');
  const result = await work();
  await tx.query(`select set_config('role', $1, true)`, [current!.role]);
  return result;
}
