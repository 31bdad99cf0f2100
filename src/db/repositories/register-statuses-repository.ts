import { copyTextValue, type CitizenLookup } from '../../domain/register-extract.ts';
import type { Database } from '../database.ts';
import { asTableOwner } from '../tenant-database.ts';

/** A batch of staged spells, column by column (the register import's unit of bulk load). */
export type StagedSpells = { cpr: string[]; line: number[]; category: string[]; code: string[]; fromWeek: number[]; toWeek: number[] };

const stagingColumns = ['cpr', 'line', 'category', 'code', 'from_week', 'to_week'] as const;
const spellColumns = ['municipality_id', 'citizen_id', 'category', 'source_code', 'from_week', 'to_week'] as const;

/**
 * Gaps and islands (CTEs ending in `inserted`): spells of `source` (citizen_id, category, code,
 * from_week, to_week; `$1` is the municipality) of the same citizen and category that overlap or touch
 * (from week ≤ the latest to week before it + 1) form one island, stored as one spell with the smallest
 * code — the rule of domain/register-spells.ts `mergeSpells`.
 */
function insertIslands(source: string): string {
  return `flagged as (
    select s.*, case when s.from_week <= max(s.to_week) over w + 1 then 0 else 1 end as starts
    from (${source}) s
    window w as (partition by s.citizen_id, s.category order by s.from_week, s.to_week rows between unbounded preceding and 1 preceding)
  ), islands as (
    select *, sum(starts) over (partition by citizen_id, category order by from_week, to_week rows unbounded preceding) as island from flagged
  ), inserted as (
    insert into register_status_spells (municipality_id, citizen_id, category, source_code, from_week, to_week)
    select $1, citizen_id, category, min(code), min(from_week), max(to_week) from islands group by citizen_id, category, island
    returning 1
  )`;
}

async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** `'12,7,300'` → [12, 7, 300] (non-negative integers below 2^53, comma-separated). */
function digitsList(text: string): Float64Array {
  if (text === '') return new Float64Array(0);
  let count = 1;
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) count += 1;
  const values = new Float64Array(count);
  let at = 0;
  let value = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      values[at++] = value;
      value = 0;
    } else value = value * 10 + (c - 48);
  }
  values[at] = value;
  return values;
}

/**
 * For the named citizens (temporary table register_named_citizens) and weeks `lo`–`hi`: stored spells
 * inside are deleted, spells reaching over an edge are cut at it; spells above `upToId` are left alone.
 */
async function clearNamedCitizensWeeks(
  db: Database,
  municipalityId: number,
  lo: number,
  hi: number,
  upToId: number | null,
): Promise<number> {
  const named = `municipality_id = $1 and citizen_id in (select id from register_named_citizens)${upToId === null ? '' : ` and id <= ${Number(upToId)}`}`;
  const count = async (sql: string, params: unknown[]) =>
    (await db.query<{ n: number }>(`with changed as (${sql} returning 1) select count(*)::int as n from changed`, params))[0]?.n ?? 0;
  // The part after the covered weeks of a spell that reaches past them …
  const tails = await count(
    `insert into register_status_spells (municipality_id, citizen_id, category, source_code, from_week, to_week)
     select municipality_id, citizen_id, category, source_code, $2 + 1, to_week from register_status_spells
     where ${named} and from_week <= $2 and to_week > $2`,
    [municipalityId, hi],
  );
  // … the part before them of a spell that starts earlier …
  const heads = await count(`update register_status_spells set to_week = $2 - 1 where ${named} and from_week < $2 and to_week >= $2`, [
    municipalityId,
    lo,
  ]);
  // … and nothing inside them.
  const inside = await count(`delete from register_status_spells where ${named} and from_week between $2 and $3`, [municipalityId, lo, hi]);
  return tails + heads + inside;
}

/** The two foreign keys of the spells are dropped for a national-size load (see `insertMergedSpells`' `bulk`) … */
async function dropSpellKeys(db: Database): Promise<void> {
  await asTableOwner(db, () =>
    db.exec(`alter table register_status_spells drop constraint register_status_spells_citizen_id_fkey,
      drop constraint register_status_spells_municipality_id_fkey`),
  );
}

/** … and added again, which checks every row in one set-based query. */
async function addSpellKeys(db: Database): Promise<void> {
  // The same constraints (names and definitions) as migrations 20261124T1900_register-statuses.sql
  // and 20261203T1000_tenancy-in-the-database.sql (the citizen key is composite).
  await asTableOwner(db, () =>
    db.exec(`alter table register_status_spells
      add constraint register_status_spells_citizen_id_fkey foreign key (municipality_id, citizen_id) references citizens(municipality_id, id),
      add constraint register_status_spells_municipality_id_fkey foreign key (municipality_id) references municipalities(id)`),
  );
}

/**
 * A temporary table's name of its own for each import that stages in steps on the embedded database
 * (issue 14): imports running at the same time share PGlite's one session, so its temporary tables.
 */
let stagingTables = 0;
export function newStagingTableName(prefix: 'register_spell_staging' | 'register_wide_staging' | 'case_history_staging'): string {
  stagingTables += 1;
  return `${prefix}_${process.pid}_${stagingTables}`;
}

function checkedIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`register statuses: bad table name ${name}`);
  return name;
}

/**
 * The register import's SQL (issue 5): a staging table of spells (not weeks), a bulk load into it, and
 * the merge of staged spells into `register_status_spells`. The staging table is per transaction
 * (`register_spell_staging`, dropped at commit) unless `staging` names one that outlives transactions
 * (the embedded database's import in steps, issue 14: created by `createStaging({ keep: true })` and
 * dropped by `dropStaging`).
 */
export function registerStatusesRepository(db: Database, options: { staging?: string } = {}) {
  const staging = checkedIdentifier(options.staging ?? 'register_spell_staging');
  return {
    stagingTable: staging,
    /** Without `keep` it must run inside a transaction: the table is dropped at commit or rollback. */
    async createStaging(createOptions: { keep?: boolean } = {}): Promise<void> {
      await db.exec(`create temp table if not exists ${staging} (cpr text not null, line integer not null, category text not null,
        code text not null, from_week integer not null, to_week integer not null)${createOptions.keep ? '' : ' on commit drop'}`);
      await db.exec(`truncate ${staging}`);
    },
    async dropStaging(): Promise<void> {
      await db.exec(`drop table if exists ${staging}`);
    },
    /** Bulk load by COPY (both engines). */
    async stageSpells(batch: StagedSpells): Promise<void> {
      if (batch.cpr.length === 0) return;
      const lines: string[] = new Array(batch.cpr.length);
      for (let i = 0; i < batch.cpr.length; i += 1) {
        lines[i] =
          `${batch.cpr[i]}\t${batch.line[i]}\t${batch.category[i]}\t${copyTextValue(batch.code[i]!)}\t${batch.fromWeek[i]}\t${batch.toWeek[i]}`;
      }
      await db.copyRows(staging, stagingColumns, `${lines.join('\n')}\n`);
    },
    async countStagedCitizens(municipalityId: number): Promise<{ citizens: number; unknown: number }> {
      const [row] = await db.query<{ citizens: number; unknown: number }>(
        `select count(c.id)::int as citizens, count(*) filter (where c.id is null)::int as unknown
         from (select distinct cpr from ${staging}) s left join citizens c on c.cpr = s.cpr and c.municipality_id = $1`,
        [municipalityId],
      );
      return row ?? { citizens: 0, unknown: 0 };
    },
    /**
     * An extract replaces the weeks it covers for the citizens it names (issue 10: importing the same
     * extract twice gives the spells of importing it once). The covered weeks are the staged spells'
     * first to last week; for each named citizen, stored spells inside them are deleted and spells
     * reaching over an edge are cut at it (the part outside is kept). Returns the spells deleted or cut.
     */
    async clearCoveredWeeks(municipalityId: number): Promise<number> {
      const [range] = await db.query<{ lo: number | null; hi: number | null }>(
        `select min(from_week) as lo, max(to_week) as hi from ${staging}`,
      );
      if (!range || range.lo === null || range.hi === null) return 0;
      await db.exec('drop table if exists register_named_citizens');
      await db.query(
        `create temp table register_named_citizens on commit drop as
         select distinct c.id from ${staging} s join citizens c on c.cpr = s.cpr and c.municipality_id = ${Number(municipalityId)}`,
      );
      return clearNamedCitizensWeeks(db, municipalityId, range.lo, range.hi, null);
    },
    /**
     * The direct path of a wide extract (issue 12): the import's citizens (ids) for
     * `clearWeeksOfNamedCitizens`, loaded by COPY into a temporary table.
     */
    async stageNamedCitizens(ids: Iterable<number>): Promise<void> {
      await db.exec('drop table if exists register_named_citizens');
      await db.exec('create temp table register_named_citizens (id integer primary key) on commit drop');
      let text = '';
      for (const id of ids) text += `${id}\n`;
      if (text !== '') await db.copyRows('register_named_citizens', ['id'], text);
    },
    /** `clearCoveredWeeks` for the staged named citizens and weeks `lo`–`hi`, leaving spells with an id above `upToId` (this import's). */
    async clearWeeksOfNamedCitizens(municipalityId: number, lo: number, hi: number, upToId: number): Promise<number> {
      return clearNamedCitizensWeeks(db, municipalityId, lo, hi, upToId);
    },
    /**
     * The municipality's citizens by CPR for the import threads, in memory shared between them
     * (1,000,000 citizens: 16 MB). CPRs that are not 10 digits cannot match an extract line and are left out.
     */
    async citizenLookup(municipalityId: number): Promise<CitizenLookup> {
      const [row] = await db.query<{ cprs: string | null; ids: string | null }>(
        `select string_agg(cpr, ',' order by cpr) as cprs, string_agg(id::text, ',' order by cpr) as ids
         from citizens where municipality_id = $1 and cpr ~ '^[0-9]{10}$'`,
        [municipalityId],
      );
      // Parsed digit by digit: splitting would make two million short-lived strings.
      const cprs = digitsList(row?.cprs ?? '');
      const ids = digitsList(row?.ids ?? '');
      const count = cprs.length;
      const lookup: CitizenLookup = {
        cprs: new Float64Array(new SharedArrayBuffer(8 * count)),
        ids: new Int32Array(new SharedArrayBuffer(4 * count)),
        lines: new Int32Array(new SharedArrayBuffer(4 * count)),
      };
      lookup.cprs.set(cprs);
      lookup.ids.set(ids);
      let sorted = true;
      for (let i = 1; i < count; i += 1) if (lookup.cprs[i]! <= lookup.cprs[i - 1]!) sorted = false;
      if (!sorted) {
        // The collation sorted the digits differently: sort by number here (binary search needs it).
        const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => lookup.cprs[a]! - lookup.cprs[b]!);
        const cprs = Float64Array.from(order, (i) => lookup.cprs[i]!);
        const ids = Int32Array.from(order, (i) => lookup.ids[i]!);
        lookup.cprs.set(cprs);
        lookup.ids.set(ids);
      }
      return lookup;
    },
    /**
     * Locks the spells against other writers until commit and returns the last id before this import, or
     * 0 when the municipality has no spells yet: every spell stored from now on (by the sequence, or
     * numbered from `lastIdBefore + 1` by `numberSpellTuples` and claimed by `claimSpellIds`) has a
     * larger id, so the import's own rows are exactly those above it.
     */
    async lockAndLastSpellId(municipalityId: number): Promise<{ lastIdBefore: number; firstId: number }> {
      await asTableOwner(db, () => db.exec('lock table register_status_spells in share row exclusive mode'));
      const [row] = await asTableOwner(db, () =>
        db.query<{ id: number; stored: boolean }>(
          `select nextval('register_status_spells_id_seq')::float8 as id,
                  exists (select 1 from register_status_spells where municipality_id = $1) as stored`,
          [municipalityId],
        ),
      );
      return { lastIdBefore: row!.stored ? row!.id - 1 : 0, firstId: row!.id };
    },
    /** The ids up to `lastId` were given by the import itself (`numberSpellTuples`): the sequence goes on after them. */
    async claimSpellIds(lastId: number): Promise<void> {
      await asTableOwner(db, () => db.query(`select setval('register_status_spells_id_seq', $1::bigint)`, [lastId]));
    },
    /**
     * The embedded database's wide import in steps (issue 14): a temporary table of finished spells
     * (the columns of `copySpells`) that outlives transactions, filled one short COPY per chunk.
     */
    async createWideStaging(): Promise<void> {
      await db.exec(`create temp table ${staging} (id bigint not null, municipality_id integer not null, citizen_id integer not null,
        category text not null, source_code text, from_week integer not null, to_week integer not null)`);
    },
    /** Binary COPY tuples of the spells' columns (`parseWideChunkBytes`; their ids are left to the sequence). */
    async stageWideRows(rows: Uint8Array): Promise<void> {
      await db.copyRows(staging, ['id', ...spellColumns], oneChunk(rows), { format: 'binary' });
    },
    /** Everything staged by `stageWideRows` into the spells, as the table's owner (the rows name their municipality); returns the rows. */
    async insertStagedWideSpells(): Promise<number> {
      const [row] = await asTableOwner(db, () =>
        db.query<{ n: number }>(
          `with inserted as (insert into register_status_spells (${spellColumns.join(', ')}) select ${spellColumns.join(', ')} from ${staging} returning 1)
           select count(*)::int as n from inserted`,
        ),
      );
      return row?.n ?? 0;
    },
    /** The spells' sequence's last value (0 when none was drawn): at least the number of stored spells. */
    async spellIdCeiling(): Promise<number> {
      const [row] = await asTableOwner(db, () =>
        db.query<{ id: number }>('select case when is_called then last_value else 0 end::float8 as id from register_status_spells_id_seq'),
      );
      return row?.id ?? 0;
    },
    /**
     * Binary COPY tuples (id, municipality_id, citizen_id, category, source_code, from_week, to_week; from
     * `parseWideChunkBytes`, numbered by `numberSpellTuples`) straight into the spells.
     */
    async copySpells(rows: AsyncIterable<Uint8Array>): Promise<void> {
      // COPY FROM is not allowed under row-level security: it runs as the table's owner, and every row
      // names the municipality whose citizens the ids were looked up in (the composite key checks it).
      await asTableOwner(db, () => db.copyRows('register_status_spells', ['id', ...spellColumns], rows, { format: 'binary' }));
    },
    /**
     * Citizens on several lines of a wide extract: their spells from this import (id above `afterId`)
     * are replaced by the merged ones (gaps and islands, the rule of `insertMergedSpells`). Returns the
     * spells removed and stored.
     */
    async mergeImportedSpellsOf(
      municipalityId: number,
      citizenIds: readonly number[],
      afterId: number,
    ): Promise<{ removed: number; stored: number }> {
      if (citizenIds.length === 0) return { removed: 0, stored: 0 };
      const [row] = await db.query<{ removed: number; stored: number }>(
        `with removed as (
           delete from register_status_spells where municipality_id = $1 and citizen_id = any($2::int[]) and id > $3
           returning citizen_id, category, source_code as code, from_week, to_week
         ), ${insertIslands('select * from removed')}
         select (select count(*) from removed)::int as removed, (select count(*) from inserted)::int as stored`,
        [municipalityId, citizenIds, afterId],
      );
      return row ?? { removed: 0, stored: 0 };
    },
    dropSpellKeys: () => dropSpellKeys(db),
    addSpellKeys: () => addSpellKeys(db),
    /**
     * Gaps and islands on spells: staged spells of the same citizen and category that overlap or touch
     * (from week ≤ the latest to week before it + 1) form one island, stored as one spell with the
     * smallest source code (the rule of domain/register-spells.ts `mergeSpells`). Citizens not in the
     * case system are skipped. Returns the number of spells stored.
     *
     * `bulk`: at national size the two per-row foreign-key checks of `register_status_spells` took more
     * than half the time (1,000,000 citizens, 8.5 M spells), so the keys are dropped for the insert and
     * added again, which checks every row in one set-based query. Inside the import's transaction, so a
     * failure restores them; but the ALTERs lock `register_status_spells` (and writes to `citizens`) until
     * commit, which is why only large imports use it.
     */
    async insertMergedSpells(municipalityId: number, options: { bulk?: boolean } = {}): Promise<number> {
      // The window sort of millions of staged spells spills to disk with the default 4 MB.
      await db.exec(`set local work_mem = '256MB'`);
      // Only the table's owner may alter it; the inserts below name the municipality themselves.
      if (options.bulk) await dropSpellKeys(db);
      let stored = 0;
      const [merged] = await db.query<{ n: number }>(
        `with ${insertIslands(`select c.id as citizen_id, s.category, s.code, s.from_week, s.to_week
           from ${staging} s join citizens c on c.cpr = s.cpr and c.municipality_id = $1`)}
         select count(*)::int as n from inserted`,
        [municipalityId],
      );
      stored += merged?.n ?? 0;
      if (options.bulk) await addSpellKeys(db);
      return stored;
    },
  };
}
