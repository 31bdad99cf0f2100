import type { Database } from '../database.ts';
import { asTableOwner } from '../tenant-database.ts';

/** A batch of staged spells, column by column (the register import's unit of bulk load). */
export type StagedSpells = { cpr: string[]; line: number[]; category: string[]; code: string[]; fromWeek: number[]; toWeek: number[] };

const stagingColumns = ['cpr', 'line', 'category', 'code', 'from_week', 'to_week'] as const;

/** COPY text format needs tab, newline and backslash escaped; register codes almost never have them. */
function copyText(value: string): string {
  return /[\t\n\r\\]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

/**
 * The register import's SQL (issue 5): a per-transaction staging table of spells (not weeks), a bulk
 * load into it, and the merge of staged spells into `register_status_spells`.
 */
export function registerStatusesRepository(db: Database) {
  return {
    /** Must run inside a transaction: the table is dropped at commit or rollback. */
    async createStaging(): Promise<void> {
      await db.exec(`create temp table if not exists register_spell_staging (cpr text not null, line integer not null, category text not null,
        code text not null, from_week integer not null, to_week integer not null) on commit drop`);
      await db.exec('truncate register_spell_staging');
    },
    /** Bulk load by COPY (both engines). */
    async stageSpells(batch: StagedSpells): Promise<void> {
      if (batch.cpr.length === 0) return;
      const lines: string[] = new Array(batch.cpr.length);
      for (let i = 0; i < batch.cpr.length; i += 1) {
        lines[i] =
          `${batch.cpr[i]}\t${batch.line[i]}\t${batch.category[i]}\t${copyText(batch.code[i]!)}\t${batch.fromWeek[i]}\t${batch.toWeek[i]}`;
      }
      await db.copyRows('register_spell_staging', stagingColumns, `${lines.join('\n')}\n`);
    },
    /** Bulk load by one multi-row insert from unnest(arrays): the alternative measured in the benchmark. */
    async stageSpellsByUnnest(batch: StagedSpells): Promise<void> {
      if (batch.cpr.length === 0) return;
      await db.query(
        `insert into register_spell_staging (cpr, line, category, code, from_week, to_week)
         select * from unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::int[], $6::int[])`,
        [batch.cpr, batch.line, batch.category, batch.code, batch.fromWeek, batch.toWeek],
      );
    },
    async countStagedCitizens(municipalityId: number): Promise<{ citizens: number; unknown: number }> {
      const [row] = await db.query<{ citizens: number; unknown: number }>(
        `select count(c.id)::int as citizens, count(*) filter (where c.id is null)::int as unknown
         from (select distinct cpr from register_spell_staging) s left join citizens c on c.cpr = s.cpr and c.municipality_id = $1`,
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
        'select min(from_week) as lo, max(to_week) as hi from register_spell_staging',
      );
      if (!range || range.lo === null || range.hi === null) return 0;
      await db.exec('drop table if exists register_named_citizens');
      await db.query(
        `create temp table register_named_citizens on commit drop as
         select distinct c.id from register_spell_staging s join citizens c on c.cpr = s.cpr and c.municipality_id = ${Number(municipalityId)}`,
      );
      const named = `municipality_id = $1 and citizen_id in (select id from register_named_citizens)`;
      const count = async (sql: string, params: unknown[]) =>
        (await db.query<{ n: number }>(`with changed as (${sql} returning 1) select count(*)::int as n from changed`, params))[0]?.n ?? 0;
      // The part after the covered weeks of a spell that reaches past them …
      const tails = await count(
        `insert into register_status_spells (municipality_id, citizen_id, category, source_code, from_week, to_week)
         select municipality_id, citizen_id, category, source_code, $2 + 1, to_week from register_status_spells
         where ${named} and from_week <= $2 and to_week > $2`,
        [municipalityId, range.hi],
      );
      // … the part before them of a spell that starts earlier …
      const heads = await count(`update register_status_spells set to_week = $2 - 1 where ${named} and from_week < $2 and to_week >= $2`, [
        municipalityId,
        range.lo,
      ]);
      // … and nothing inside them.
      const inside = await count(`delete from register_status_spells where ${named} and from_week between $2 and $3`, [
        municipalityId,
        range.lo,
        range.hi,
      ]);
      return tails + heads + inside;
    },
    /**
     * Gaps and islands on spells: staged spells of the same citizen and category that overlap or touch
     * (from week ≤ the latest to week before it + 1) form one island, stored as one spell with the
     * smallest source code (the rule of domain/register-spells.ts `mergeSpells`). Citizens not in the
     * case system are skipped. Returns the number of spells stored.
     *
     * `linesAreFinal` (wide layout with increasing week columns): the spells of one line are already
     * merged, so only citizens staged from more than one line go through the window sort; the rest are
     * inserted as they are.
     *
     * `bulk`: at national size the two per-row foreign-key checks of `register_status_spells` took more
     * than half the time (1,000,000 citizens, 8.5 M spells), so the keys are dropped for the insert and
     * added again, which checks every row in one set-based query. Inside the import's transaction, so a
     * failure restores them; but the ALTERs lock `register_status_spells` (and writes to `citizens`) until
     * commit, which is why only large imports use it.
     */
    async insertMergedSpells(municipalityId: number, options: { bulk?: boolean; linesAreFinal?: boolean } = {}): Promise<number> {
      // The window sort of millions of staged spells spills to disk with the default 4 MB.
      await db.exec(`set local work_mem = '256MB'`);
      if (options.bulk) {
        // Only the table's owner may alter it; the inserts below name the municipality themselves.
        await asTableOwner(db, () =>
          db.exec(`alter table register_status_spells drop constraint register_status_spells_citizen_id_fkey,
            drop constraint register_status_spells_municipality_id_fkey`),
        );
      }
      let stored = 0;
      let mergeFilter = '';
      if (options.linesAreFinal) {
        await db.exec('drop table if exists register_repeated_cprs');
        await db.exec(`create temp table register_repeated_cprs on commit drop as
          select cpr from register_spell_staging group by cpr having min(line) <> max(line)`);
        const [direct] = await db.query<{ n: number }>(
          `with inserted as (
             insert into register_status_spells (municipality_id, citizen_id, category, source_code, from_week, to_week)
             select $1, c.id, s.category, s.code, s.from_week, s.to_week
             from register_spell_staging s join citizens c on c.cpr = s.cpr and c.municipality_id = $1
             where not exists (select 1 from register_repeated_cprs r where r.cpr = s.cpr)
             returning 1
           )
           select count(*)::int as n from inserted`,
          [municipalityId],
        );
        stored += direct?.n ?? 0;
        mergeFilter = 'where exists (select 1 from register_repeated_cprs r where r.cpr = s.cpr)';
      }
      const [merged] = await db.query<{ n: number }>(
        `with flagged as (
           select c.id as citizen_id, s.category, s.code, s.from_week, s.to_week,
             case when s.from_week <= max(s.to_week) over w + 1 then 0 else 1 end as starts
           from register_spell_staging s join citizens c on c.cpr = s.cpr and c.municipality_id = $1
           ${mergeFilter}
           window w as (partition by c.id, s.category order by s.from_week, s.to_week rows between unbounded preceding and 1 preceding)
         ), islands as (
           select *, sum(starts) over (partition by citizen_id, category order by from_week, to_week rows unbounded preceding) as island from flagged
         ), inserted as (
           insert into register_status_spells (municipality_id, citizen_id, category, source_code, from_week, to_week)
           select $1, citizen_id, category, min(code), min(from_week), max(to_week) from islands group by citizen_id, category, island
           returning 1
         )
         select count(*)::int as n from inserted`,
        [municipalityId],
      );
      stored += merged?.n ?? 0;
      if (options.bulk) {
        // The same constraints (names and definitions) as migrations 20261124T1900_register-statuses.sql
        // and 20261203T1000_tenancy-in-the-database.sql (the citizen key is composite).
        await asTableOwner(db, () =>
          db.exec(`alter table register_status_spells
            add constraint register_status_spells_citizen_id_fkey foreign key (municipality_id, citizen_id) references citizens(municipality_id, id),
            add constraint register_status_spells_municipality_id_fkey foreign key (municipality_id) references municipalities(id)`),
        );
      }
      return stored;
    },
  };
}
