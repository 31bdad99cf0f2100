/**
 * One query interface over both engines: embedded PGlite (default) and a PostgreSQL server (pg Pool).
 * Repositories receive a `Database` and never know which engine is behind it. Dates come back as
 * 'YYYY-MM-DD' strings, numerics and bigints as JS numbers, timestamps as Date.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type DatabaseEngine = 'pglite' | 'postgres';

export type Database = {
  engine: DatabaseEngine;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs several statements (migrations); no parameters. */
  exec(sql: string): Promise<void>;
  /**
   * All-or-nothing: the callback's queries commit together or not at all. Nested calls reuse the
   * transaction. `setup` (trusted SQL without parameters) runs first, sent with BEGIN in one round trip.
   */
  transaction<T>(work: (tx: Database) => Promise<T>, options?: { setup?: string }): Promise<T>;
  /**
   * Bulk load: `rows` in COPY text format (tab-separated columns, one row per line) into `table`, as
   * one text or as a stream of chunks of whole rows (one COPY on a server; one per chunk on PGlite).
   * PGlite reads it as `COPY … FROM '/dev/blob'`, a server as `COPY … FROM STDIN`.
   */
  /**
   * COPY into a table. `format: 'binary'`: the chunks are whole binary tuples (no header or trailer; see
   * `binaryCopyHeader`), cheaper for the server to read than text.
   */
  copyRows(
    table: string,
    columns: readonly string[],
    rows: string | AsyncIterable<Uint8Array>,
    options?: { format?: 'text' | 'binary' },
  ): Promise<void>;
  /**
   * PostgreSQL server only: the same database through connections that start with these settings
   * (`-c name=value`), e.g. a role; one pool per distinct set, closed with this database. Absent on
   * PGlite (one connection) and inside a transaction.
   */
  withSessionSettings?(settings: Readonly<Record<string, string>>): Database;
  /**
   * PostgreSQL server only: `LISTEN channel` on a connection of its own. `onNotify` runs for each
   * notification; `onLost` when that connection fails (notifications may then have been missed). The
   * answer stops listening.
   */
  listen?(channel: string, handlers: { onNotify: () => void; onLost: (error: Error) => void }): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

function copySql(table: string, columns: readonly string[], source: string, format: 'text' | 'binary' = 'text'): string {
  if (![table, ...columns].every((name) => /^[a-z_][a-z0-9_]*$/.test(name)))
    throw new Error(`copyRows: bad identifier in ${table}(${columns.join(', ')})`);
  return `copy ${table} (${columns.join(', ')}) from ${source}${format === 'binary' ? ' with (format binary)' : ''}`;
}

/** PostgreSQL's binary COPY stream: the signature, no flags, no header extension (before the tuples). */
export const binaryCopyHeader = Uint8Array.of(80, 71, 67, 79, 80, 89, 10, 255, 13, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0);
/** The end of a binary COPY stream: a tuple field count of −1. */
export const binaryCopyTrailer = Uint8Array.of(255, 255);

function withBinaryFrame(tuples: Uint8Array): Uint8Array {
  const framed = new Uint8Array(binaryCopyHeader.length + tuples.length + binaryCopyTrailer.length);
  framed.set(binaryCopyHeader, 0);
  framed.set(tuples, binaryCopyHeader.length);
  framed.set(binaryCopyTrailer, binaryCopyHeader.length + tuples.length);
  return framed;
}

async function* binaryFramed(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield binaryCopyHeader;
  for await (const chunk of chunks) yield chunk;
  yield binaryCopyTrailer;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

function toNumber(value: string): number {
  return Number(value);
}

const pgliteClients = new WeakMap<Database, PGlite>();

/** `loadDataDir`: start from a dumped data directory (PGlite `dumpDataDir`), e.g. a migrated test template. */
export async function openPglite(dataDir: string | null, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  const client = await PGlite.create(dataDir ?? undefined, {
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: {
      [DATE_OID]: (value: string) => value,
      [INT8_OID]: toNumber,
      [NUMERIC_OID]: toNumber,
    },
  });
  const db = wrapPglite(client, client);
  pgliteClients.set(db, client);
  return db;
}

/** The whole data directory of an in-memory PGlite database as an uncompressed tarball (for test templates). */
export async function dumpPgliteDataDir(db: Database): Promise<Uint8Array> {
  const client = pgliteClients.get(db);
  if (!client) throw new Error('dumpPgliteDataDir: not an embedded PGlite database');
  const dump = await client.dumpDataDir('none');
  return new Uint8Array(await dump.arrayBuffer());
}

type PgliteQueryable = Pick<PGlite, 'query' | 'exec'>;

function wrapPglite(client: PGlite, queryable: PgliteQueryable, inTransaction = false): Database {
  const db: Database = {
    engine: 'pglite',
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await queryable.query<Row>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      await queryable.exec(sql);
    },
    async copyRows(table, columns, rows, options = {}) {
      const binary = options.format === 'binary';
      // STACK.md: COPY FROM STDIN through pg-copy-streams crashed PGlite; its own /dev/blob works. That is
      // a COPY from a server file, which the tenant role (db/tenant-database.ts) may not run: it runs as
      // the session user and the transaction returns to its role afterwards.
      const [role] = (
        await queryable.query<{ current: string; session: string }>('select current_user as current, session_user as session')
      ).rows;
      const switched = role !== undefined && role.current !== role.session;
      if (switched) await queryable.exec('reset role');
      const sql = copySql(table, columns, `'/dev/blob'`, options.format);
      if (typeof rows === 'string') await queryable.query(sql, [], { blob: new Blob([rows]) });
      else
        for await (const chunk of rows) {
          if (chunk.length === 0) continue;
          // Each chunk is a COPY of its own: a binary one gets its own header and trailer.
          const blob = binary ? withBinaryFrame(chunk) : chunk;
          await queryable.query(sql, [], { blob: new Blob([blob as Uint8Array<ArrayBuffer>]) });
        }
      if (switched) await queryable.query(`select set_config('role', $1, true)`, [role.current]);
    },
    async transaction<T>(work: (tx: Database) => Promise<T>, options: { setup?: string } = {}): Promise<T> {
      if (inTransaction) {
        if (options.setup) await queryable.exec(options.setup);
        return work(db);
      }
      // PGlite is a single-connection engine: its transaction() holds the connection exclusively, so
      // other callers queue behind it (the serialisation STACK.md asks for).
      return client.transaction(async (tx) => {
        if (options.setup) await tx.exec(options.setup);
        return work(wrapPglite(client, tx as unknown as PgliteQueryable, true));
      });
    },
    async close() {
      if (!inTransaction) await client.close();
    },
  };
  return db;
}

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === INT8_OID || oid === NUMERIC_OID) return toNumber;
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as unknown as pg.CustomTypesConfig;

export async function openPostgres(connectionString: string, options: { searchPath?: string } = {}): Promise<Database> {
  const openPool = (settings: Readonly<Record<string, string>>, max: number) => {
    const all = { ...(options.searchPath ? { search_path: options.searchPath } : {}), ...settings };
    for (const [name, value] of Object.entries(all)) {
      if (!/^[a-z_][a-z0-9_.]*$/.test(name) || !/^[A-Za-z0-9_,.]+$/.test(value)) throw new Error(`openPostgres: bad setting ${name}`);
    }
    const startup = Object.entries(all).map(([name, value]) => `-c ${name}=${value}`);
    const pool = new pg.Pool({
      connectionString,
      types: pgTypes,
      max,
      ...(startup.length > 0 ? { options: startup.join(' ') } : {}),
    });
    // An idle pooled connection that the server closes (restart, admin termination) emits 'error' on the
    // pool; unhandled, that would end the process. The pool drops the client and opens a new one on demand.
    pool.on('error', (error) => {
      console.error(`PostgreSQL: an idle connection was closed (${(error as { code?: string }).code ?? error.name})`);
    });
    return pool;
  };
  const pool = openPool({}, 20);
  // Fail at boot, not at the first request, when the server is unreachable or misconfigured.
  const probe = await pool.connect();
  probe.release();
  const derived = new Map<string, Database>();
  const derivedPools: pg.Pool[] = [];
  const db = wrapPool(pool);
  const listeners = new Set<() => Promise<void>>();
  return {
    ...db,
    async listen(channel, handlers) {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`listen: bad channel ${channel}`);
      const client = new pg.Client({ connectionString });
      let lost = false;
      const stop = async () => {
        lost = true;
        listeners.delete(stop);
        await client.end().catch(() => {});
      };
      const fail = (error: Error) => {
        if (lost) return;
        void stop();
        handlers.onLost(error);
      };
      client.on('error', fail);
      client.on('end', () => fail(new Error('connection ended')));
      client.on('notification', (message) => {
        if (message.channel === channel) handlers.onNotify();
      });
      try {
        await client.connect();
        await client.query(`listen ${channel}`);
      } catch (error) {
        await stop();
        throw error;
      }
      listeners.add(stop);
      return stop;
    },
    withSessionSettings(settings) {
      const key = JSON.stringify(Object.entries(settings).sort());
      let view = derived.get(key);
      if (!view) {
        const settingsPool = openPool(settings, 10);
        derivedPools.push(settingsPool);
        view = { ...wrapPool(settingsPool), close: async () => {} };
        derived.set(key, view);
      }
      return view;
    },
    async close() {
      await Promise.all([...listeners].map((stop) => stop()));
      await Promise.all(derivedPools.map((p) => p.end()));
      await db.close();
    },
  };
}

/**
 * On a PostgreSQL server every parameterised query runs as a named prepared statement: the server
 * parses and plans it once per connection instead of on every call (the contact path measured 1.8×
 * the requests/s with it, bench/contact-throughput.bench.ts). Names are per SQL text and the same on
 * every connection. Generated SQL (e.g. one placeholder per row) would make the set unbounded, so only
 * the first `maxPreparedStatements` distinct texts are named; later ones run unnamed as before.
 * Plans stay correct across role changes (row-level security) and schema changes: PostgreSQL replans.
 */
const maxPreparedStatements = 500;
const statementNames = new Map<string, string>();

function statementOf(sql: string, params: unknown[]): pg.QueryConfig {
  if (params.length === 0) return { text: sql, values: params };
  let name = statementNames.get(sql);
  if (name === undefined) {
    if (statementNames.size >= maxPreparedStatements || sql.length > 8_000) return { text: sql, values: params };
    name = `mentorspor_${statementNames.size + 1}`;
    statementNames.set(sql, name);
  }
  return { name, text: sql, values: params };
}

function wrapClient(client: pg.PoolClient): Database {
  const db: Database = {
    engine: 'postgres',
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await client.query(statementOf(sql, params));
      return result.rows as Row[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    async copyRows(table, columns, rows, options = {}) {
      await copyToServer(client, table, columns, rows, options.format);
    },
    async transaction<T>(work: (tx: Database) => Promise<T>, options: { setup?: string } = {}) {
      if (options.setup) await client.query(options.setup);
      return work(db);
    },
    async close() {},
  };
  return db;
}

function wrapPool(pool: pg.Pool): Database {
  return {
    engine: 'postgres',
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await pool.query(statementOf(sql, params));
      return result.rows as Row[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async copyRows(table, columns, rows, options = {}) {
      const client = await pool.connect();
      try {
        await copyToServer(client, table, columns, rows, options.format);
      } finally {
        client.release();
      }
    },
    async transaction<T>(work: (tx: Database) => Promise<T>, options: { setup?: string } = {}) {
      const client = await pool.connect();
      try {
        // One round trip: the simple query protocol runs both statements.
        await client.query(options.setup ? `BEGIN; ${options.setup}` : 'BEGIN');
        const result = await work(wrapClient(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** `COPY … FROM STDIN` on a pg client, through pg-copy-streams (PGlite has its own '/dev/blob' path above). */
/** COPY FROM STDIN on a server connection; binary chunks are framed by the stream's header and trailer. */
async function copyToServer(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: string | AsyncIterable<Uint8Array>,
  format: 'text' | 'binary' = 'text',
): Promise<void> {
  if (format === 'binary' && typeof rows !== 'string')
    await copyFromStdin(client, copySql(table, columns, 'stdin', 'binary'), binaryFramed(rows));
  else await copyFromStdin(client, copySql(table, columns, 'stdin'), rows);
}

async function copyFromStdin(client: pg.PoolClient, sql: string, rows: string | AsyncIterable<Uint8Array>): Promise<void> {
  await pipeline(
    typeof rows === 'string' ? Readable.from([Buffer.from(rows, 'utf8')]) : Readable.from(asBuffers(rows), { highWaterMark: 1 }),
    client.query(copyFrom(sql)),
  );
}

async function* asBuffers(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) if (chunk.length > 0) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
