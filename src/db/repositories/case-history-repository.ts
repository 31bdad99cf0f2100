/**
 * Writes of the case-system history import (issue 5 point 1): batched upserts keyed by CPR (citizens)
 * or external id (grants per municipality, spells and offers per citizen), so a re-import updates
 * instead of duplicating. A row whose imported fields are unchanged is not touched, so the counts say
 * what a re-import actually changed. Full CPRs go in and never come out (R-PRV-3).
 */
import type { Database } from '../database.ts';
import type {
  CaseHistoryKind,
  CitizenImportRow,
  GrantImportRow,
  OfferImportRow,
  TargetGroupImportRow,
} from '../../domain/case-history-csv.ts';
import type { RefundClass } from '../../domain/legal-regime.ts';
import type { TargetGroupSpell } from '../../domain/target-group.ts';

export type UpsertCounts = { created: number; updated: number };

function countsOf(rows: { created: boolean }[]): UpsertCounts {
  const created = rows.filter((r) => r.created).length;
  return { created, updated: rows.length - created };
}

export function caseHistoryRepository(db: Database) {
  return {
    /**
     * Every citizen of the municipality, CPR → id, read once per import. Looking CPRs up per batch was
     * slower: embedded PGlite has no autovacuum, so right after a bulk load the planner hash-joins the
     * whole table for every batch (100,000 target-group lines: 6.6 s of lookups; one read: under 1 s).
     */
    async citizenIdsByCpr(municipalityId: number): Promise<Map<string, number>> {
      const rows = await db.query<{ id: number; cpr: string }>('select id, cpr from citizens where municipality_id = $1', [municipalityId]);
      return new Map(rows.map((r) => [r.cpr, r.id]));
    },
    /** Every target-group spell of the municipality by citizen, read once per grants import (R-FIN-1). */
    async spellsByCitizenId(municipalityId: number): Promise<Map<number, TargetGroupSpell[]>> {
      const rows = await db.query<TargetGroupSpell & { citizenId: number }>(
        `select citizen_id as "citizenId", target_group as "group", visitation, from_date as "from", to_date as "to"
         from target_group_spells where municipality_id = $1`,
        [municipalityId],
      );
      const byCitizen = new Map<number, TargetGroupSpell[]>();
      for (const { citizenId, ...spell } of rows) {
        const list = byCitizen.get(citizenId);
        if (list) list.push(spell);
        else byCitizen.set(citizenId, [spell]);
      }
      return byCitizen;
    },
    /** An empty gender or origin keeps what is stored; the birth date always follows the CPR. */
    async upsertCitizens(municipalityId: number, rows: CitizenImportRow[]): Promise<UpsertCounts> {
      return upsert('citizens', [municipalityId, ...columnsOf('citizens', rows)]);
    },
    async upsertTargetGroupSpells(municipalityId: number, rows: (TargetGroupImportRow & { citizenId: number })[]): Promise<UpsertCounts> {
      return upsert('target-groups', [municipalityId, ...columnsOf('target-groups', rows)]);
    },
    async upsertOffers(municipalityId: number, createdBy: number, rows: (OfferImportRow & { citizenId: number })[]): Promise<UpsertCounts> {
      return upsert('offers', [municipalityId, createdBy, ...columnsOf('offers', rows)]);
    },
    /** Approved on the agreement date and ended on the actual end date: history has no approver. */
    async upsertGrants(municipalityId: number, createdBy: number, rows: StagedRow<'grants'>[]): Promise<UpsertCounts> {
      return upsert('grants', [municipalityId, createdBy, ...columnsOf('grants', rows)]);
    },
    /**
     * The embedded database's import in steps (issue 14): a temporary table that outlives transactions
     * (`newStagingTableName`), filled batch by batch by `stage`, written by `upsertStaged` in the final
     * transaction and dropped by `dropStaging` whatever happens.
     */
    async createStaging(kind: CaseHistoryKind, staging: string): Promise<void> {
      const columns = stagingColumns[kind].map((type, i) => `c${i} ${type}`).join(', ');
      await db.exec(`create temp table if not exists ${checkedIdentifier(staging)} (${columns})`);
      await db.exec(`truncate ${checkedIdentifier(staging)}`);
    },
    async stage<K extends CaseHistoryKind>(kind: K, staging: string, rows: StagedRow<K>[]): Promise<void> {
      await db.query(`insert into ${checkedIdentifier(staging)} select * from ${unnestOf(kind, 1)}`, columnsOf(kind, rows));
    },
    /** The same upsert as the batches' above, of every staged row in one statement. */
    async upsertStaged(kind: CaseHistoryKind, staging: string, municipalityId: number, createdBy: number): Promise<UpsertCounts> {
      return upsert(
        kind,
        kind === 'citizens' || kind === 'target-groups' ? [municipalityId] : [municipalityId, createdBy],
        checkedIdentifier(staging),
      );
    },
    async dropStaging(staging: string): Promise<void> {
      await db.exec(`drop table if exists ${checkedIdentifier(staging)}`);
    },
  };

  /** One kind's upsert from `source` (its staged rows' table), or from the arrays after the leading parameters. */
  async function upsert(kind: CaseHistoryKind, params: unknown[], source?: string): Promise<UpsertCounts> {
    const leading = kind === 'citizens' || kind === 'target-groups' ? 1 : 2;
    const rows = source ?? unnestOf(kind, leading + 1);
    return countsOf(await db.query<{ created: boolean }>(upsertSql[kind](rows), source ? params.slice(0, leading) : params));
  }
}

/** A row as written: the parsed line, with its citizen's id (all but citizens) and grants' R-FIN-1 classification. */
export type StagedRow<K extends CaseHistoryKind> = K extends 'citizens'
  ? CitizenImportRow
  : K extends 'target-groups'
    ? TargetGroupImportRow & { citizenId: number }
    : K extends 'offers'
      ? OfferImportRow & { citizenId: number }
      : GrantImportRow & { citizenId: number; regimeId: string; refundClass: RefundClass };

/** Each kind's written columns (SQL types), in the order of `columnsOf`. */
const stagingColumns: Record<CaseHistoryKind, string[]> = {
  citizens: ['text', 'date', 'text', 'text', 'text'],
  'target-groups': ['int', 'text', 'text', 'text', 'date', 'date'],
  offers: ['int', 'text', 'text', 'date', 'date'],
  grants: ['text', 'int', 'text', 'text', 'text', 'text', 'date', 'date', 'date', 'numeric', 'date', 'text', 'text'],
};

function unnestOf(kind: CaseHistoryKind, first: number): string {
  return `unnest(${stagingColumns[kind].map((type, i) => `$${first + i}::${type}[]`).join(', ')})`;
}

function columnsOf<K extends CaseHistoryKind>(kind: K, rows: StagedRow<K>[]): unknown[][] {
  if (kind === 'citizens') {
    const r = rows as StagedRow<'citizens'>[];
    return [r.map((x) => x.cpr), r.map((x) => x.birthDate), r.map((x) => x.name), r.map((x) => x.gender), r.map((x) => x.origin)];
  }
  if (kind === 'target-groups') {
    const r = rows as StagedRow<'target-groups'>[];
    return [
      r.map((x) => x.citizenId),
      r.map((x) => x.externalId),
      r.map((x) => x.group),
      r.map((x) => x.visitation),
      r.map((x) => x.from),
      r.map((x) => x.to),
    ];
  }
  if (kind === 'offers') {
    const r = rows as StagedRow<'offers'>[];
    return [
      r.map((x) => x.citizenId),
      r.map((x) => x.externalId),
      r.map((x) => x.type),
      r.map((x) => x.startDate),
      r.map((x) => x.endDate),
    ];
  }
  const r = rows as StagedRow<'grants'>[];
  return [
    r.map((x) => x.externalId),
    r.map((x) => x.citizenId),
    r.map((x) => x.type),
    r.map((x) => x.status),
    r.map((x) => x.regimeId),
    r.map((x) => x.refundClass),
    r.map((x) => x.agreedOn),
    r.map((x) => x.startDate),
    r.map((x) => x.endDate),
    r.map((x) => x.weeklyHours),
    r.map((x) => x.actualEndDate),
    r.map((x) => x.endReason),
    r.map((x) => x.goal),
  ];
}

function checkedIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`case history: bad table name ${name}`);
  return name;
}

/** Each kind's upsert of the rows of `source` (columns in `stagingColumns`' order). */
const upsertSql: Record<CaseHistoryKind, (source: string) => string> = {
  citizens: (source) => `insert into citizens as c (municipality_id, cpr, birth_date, name, gender, origin)
         select $1, * from ${source}
         on conflict (municipality_id, cpr) do update
           set name = excluded.name, gender = coalesce(excluded.gender, c.gender), origin = coalesce(excluded.origin, c.origin)
           where (c.name, c.gender, c.origin) is distinct from (excluded.name, coalesce(excluded.gender, c.gender), coalesce(excluded.origin, c.origin))
         returning (xmax = 0) as created`,
  'target-groups': (
    source,
  ) => `insert into target_group_spells as s (municipality_id, citizen_id, external_id, target_group, visitation, from_date, to_date)
         select $1, * from ${source}
         on conflict (citizen_id, external_id) do update
           set target_group = excluded.target_group, visitation = excluded.visitation, from_date = excluded.from_date, to_date = excluded.to_date
           where (s.target_group, s.visitation, s.from_date, s.to_date) is distinct from (excluded.target_group, excluded.visitation, excluded.from_date, excluded.to_date)
         returning (xmax = 0) as created`,
  offers: (source) => `insert into offers as o (municipality_id, created_by, citizen_id, external_id, type, start_date, end_date)
         select $1, $2, * from ${source}
         on conflict (citizen_id, external_id) do update
           set type = excluded.type, start_date = excluded.start_date, end_date = excluded.end_date
           where (o.type, o.start_date, o.end_date) is distinct from (excluded.type, excluded.start_date, excluded.end_date)
         returning (xmax = 0) as created`,
  grants: (
    source,
  ) => `insert into grants as g (municipality_id, created_by, external_id, citizen_id, type, status, regime_id, refund_class, agreed_on,
           start_date, end_date, weekly_hours, actual_end_date, end_reason, goal, approved_at, ended_at)
         select $1, $2, u.*, u.agreed_on::timestamptz, u.actual_end_date::timestamptz
         from ${source}
           as u (external_id, citizen_id, type, status, regime_id, refund_class, agreed_on, start_date, end_date, weekly_hours,
             actual_end_date, end_reason, goal)
         on conflict (municipality_id, external_id) do update
           set citizen_id = excluded.citizen_id, type = excluded.type, status = excluded.status, regime_id = excluded.regime_id,
             refund_class = excluded.refund_class, agreed_on = excluded.agreed_on, start_date = excluded.start_date,
             end_date = excluded.end_date, weekly_hours = excluded.weekly_hours, actual_end_date = excluded.actual_end_date,
             end_reason = excluded.end_reason, goal = excluded.goal, approved_at = excluded.approved_at, ended_at = excluded.ended_at,
             updated_at = now()
           where (g.citizen_id, g.type, g.status, g.regime_id, g.refund_class, g.agreed_on, g.start_date, g.end_date, g.weekly_hours,
               g.actual_end_date, g.end_reason, g.goal)
             is distinct from (excluded.citizen_id, excluded.type, excluded.status, excluded.regime_id, excluded.refund_class,
               excluded.agreed_on, excluded.start_date, excluded.end_date, excluded.weekly_hours, excluded.actual_end_date,
               excluded.end_reason, excluded.goal)
         returning (xmax = 0) as created`,
};
