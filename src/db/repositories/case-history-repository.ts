/**
 * Writes of the case-system history import (issue 5 point 1): batched upserts keyed by CPR (citizens)
 * or external id (grants per municipality, spells and offers per citizen), so a re-import updates
 * instead of duplicating. A row whose imported fields are unchanged is not touched, so the counts say
 * what a re-import actually changed. Full CPRs go in and never come out (R-PRV-3).
 */
import type { Database } from '../database.ts';
import type { CitizenImportRow, GrantImportRow, OfferImportRow, TargetGroupImportRow } from '../../domain/case-history-csv.ts';
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
      const result = await db.query<{ created: boolean }>(
        `insert into citizens as c (municipality_id, cpr, birth_date, name, gender, origin)
         select $1, * from unnest($2::text[], $3::date[], $4::text[], $5::text[], $6::text[])
         on conflict (municipality_id, cpr) do update
           set name = excluded.name, gender = coalesce(excluded.gender, c.gender), origin = coalesce(excluded.origin, c.origin)
           where (c.name, c.gender, c.origin) is distinct from (excluded.name, coalesce(excluded.gender, c.gender), coalesce(excluded.origin, c.origin))
         returning (xmax = 0) as created`,
        [
          municipalityId,
          rows.map((r) => r.cpr),
          rows.map((r) => r.birthDate),
          rows.map((r) => r.name),
          rows.map((r) => r.gender),
          rows.map((r) => r.origin),
        ],
      );
      return countsOf(result);
    },
    async upsertTargetGroupSpells(municipalityId: number, rows: (TargetGroupImportRow & { citizenId: number })[]): Promise<UpsertCounts> {
      const result = await db.query<{ created: boolean }>(
        `insert into target_group_spells as s (municipality_id, citizen_id, external_id, target_group, visitation, from_date, to_date)
         select $1, * from unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[])
         on conflict (citizen_id, external_id) do update
           set target_group = excluded.target_group, visitation = excluded.visitation, from_date = excluded.from_date, to_date = excluded.to_date
           where (s.target_group, s.visitation, s.from_date, s.to_date) is distinct from (excluded.target_group, excluded.visitation, excluded.from_date, excluded.to_date)
         returning (xmax = 0) as created`,
        [
          municipalityId,
          rows.map((r) => r.citizenId),
          rows.map((r) => r.externalId),
          rows.map((r) => r.group),
          rows.map((r) => r.visitation),
          rows.map((r) => r.from),
          rows.map((r) => r.to),
        ],
      );
      return countsOf(result);
    },
    async upsertOffers(municipalityId: number, createdBy: number, rows: (OfferImportRow & { citizenId: number })[]): Promise<UpsertCounts> {
      const result = await db.query<{ created: boolean }>(
        `insert into offers as o (municipality_id, created_by, citizen_id, external_id, type, start_date, end_date)
         select $1, $2, * from unnest($3::int[], $4::text[], $5::text[], $6::date[], $7::date[])
         on conflict (citizen_id, external_id) do update
           set type = excluded.type, start_date = excluded.start_date, end_date = excluded.end_date
           where (o.type, o.start_date, o.end_date) is distinct from (excluded.type, excluded.start_date, excluded.end_date)
         returning (xmax = 0) as created`,
        [
          municipalityId,
          createdBy,
          rows.map((r) => r.citizenId),
          rows.map((r) => r.externalId),
          rows.map((r) => r.type),
          rows.map((r) => r.startDate),
          rows.map((r) => r.endDate),
        ],
      );
      return countsOf(result);
    },
    /** Approved on the agreement date and ended on the actual end date: history has no approver. */
    async upsertGrants(
      municipalityId: number,
      createdBy: number,
      rows: (GrantImportRow & { citizenId: number; regimeId: string; refundClass: RefundClass })[],
    ): Promise<UpsertCounts> {
      const result = await db.query<{ created: boolean }>(
        `insert into grants as g (municipality_id, created_by, external_id, citizen_id, type, status, regime_id, refund_class, agreed_on,
           start_date, end_date, weekly_hours, actual_end_date, end_reason, goal, approved_at, ended_at)
         select $1, $2, u.*, u.agreed_on::timestamptz, u.actual_end_date::timestamptz
         from unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::date[], $10::date[], $11::date[],
           $12::numeric[], $13::date[], $14::text[], $15::text[])
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
        [
          municipalityId,
          createdBy,
          rows.map((r) => r.externalId),
          rows.map((r) => r.citizenId),
          rows.map((r) => r.type),
          rows.map((r) => r.status),
          rows.map((r) => r.regimeId),
          rows.map((r) => r.refundClass),
          rows.map((r) => r.agreedOn),
          rows.map((r) => r.startDate),
          rows.map((r) => r.endDate),
          rows.map((r) => r.weeklyHours),
          rows.map((r) => r.actualEndDate),
          rows.map((r) => r.endReason),
          rows.map((r) => r.goal),
        ],
      );
      return countsOf(result);
    },
  };
}
