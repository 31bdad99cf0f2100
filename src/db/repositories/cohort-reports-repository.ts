import { maskCpr } from '../../domain/cpr.ts';
import type { Database } from '../database.ts';

/** `targetGroups`: only citizens in one of these groups on the day the course started (null: all). */
export type CohortFilter = { municipalityId: number; from: string; to: string; type: string | null; targetGroups: string[] | null };

export type CohortMemberRow = {
  citizenId: number;
  firstStart: string;
  birthDate: string;
  gender: string | null;
  origin: string | null;
  targetGroup: string | null;
  courses: { startDate: string; endDate: string; actualEndDate: string | null }[];
};

export type CourseRow = { grantId: number; citizenId: number; startDate: string; birthDate: string; providerType: string | null };
export type CitizenYearRow = { citizenId: number; year: number; targetGroup: string | null };
export type PopulationRow = { citizenId: number; birthDate: string };
export type HorizonOffersRow = {
  citizenId: number;
  firstStart: string;
  birthDate: string;
  offerTypes: string[] | null;
  mentorActive: boolean;
};
export type StoredOutcomeStatus = { citizenId: number; firstStart: string; category: string };

/** Approved or ended grants are courses; drafts are not (they were never delivered). */
const delivered = `g.status in ('approved', 'ended')`;

/**
 * The cohort of the reports (issue 5 points 2–3): citizens whose FIRST mentor course (of the type, if
 * given) started in [from, to], each once (R-DEL-2). Written once here so every report shares it.
 */
const cohortCte = `
  first_course as (
    select distinct on (g.citizen_id) g.citizen_id, g.start_date
    from grants g
    where g.municipality_id = $1 and ${delivered} and ($4::text is null or g.type = $4)
    order by g.citizen_id, g.start_date, g.id
  ),
  cohort as (
    select f.citizen_id, f.start_date as first_start from first_course f
    where f.start_date between $2 and $3 and ${inTargetGroups('f.citizen_id', 'f.start_date')}
  )`;

/** The citizen was in one of the target groups `$5` (null: any) on the day. */
function inTargetGroups(citizenId: string, day: string): string {
  return `($5::text[] is null or exists (select 1 from target_group_spells tg where tg.citizen_id = ${citizenId} and tg.from_date <= ${day}
            and (tg.to_date is null or tg.to_date >= ${day}) and tg.target_group = any($5::text[])))`;
}

const cohortParams = (f: CohortFilter) => [f.municipalityId, f.from, f.to, f.type, f.targetGroups];

export function cohortReportsRepository(db: Database) {
  return {
    /** Members with their target group at the first start and all their courses (of the type). */
    async members(f: CohortFilter): Promise<CohortMemberRow[]> {
      return db.query<CohortMemberRow>(
        `with ${cohortCte}
         select k.citizen_id as "citizenId", k.first_start as "firstStart", c.birth_date as "birthDate", c.gender, c.origin,
           (select s.target_group from target_group_spells s where s.citizen_id = k.citizen_id and s.from_date <= k.first_start
              and (s.to_date is null or s.to_date >= k.first_start) order by s.from_date desc limit 1) as "targetGroup",
           (select json_agg(json_build_object('startDate', g.start_date, 'endDate', g.end_date, 'actualEndDate', g.actual_end_date) order by g.start_date)
              from grants g where g.citizen_id = k.citizen_id and ${delivered} and ($4::text is null or g.type = $4)) as courses
         from cohort k join citizens c on c.id = k.citizen_id
         order by k.citizen_id`,
        cohortParams(f),
      );
    },

    /** Register spells in the given categories that began before each member's first start. */
    async spellsBeforeFirstStart(
      f: CohortFilter,
      categories: readonly string[],
    ): Promise<{ citizenId: number; fromWeek: number; toWeek: number }[]> {
      return db.query(
        `with ${cohortCte}
         select r.citizen_id as "citizenId", r.from_week as "fromWeek", r.to_week as "toWeek"
         from cohort k join register_status_spells r on r.municipality_id = $1 and r.citizen_id = k.citizen_id
         where r.category = any($6::text[]) and r.from_week < week_index(k.first_start)`,
        [...cohortParams(f), categories],
      );
    },

    /** Members who have any register spell at all (to tell "no register data" from "not on benefit"). */
    async membersWithRegisterData(f: CohortFilter): Promise<number[]> {
      const rows = await db.query<{ citizenId: number }>(
        `with ${cohortCte}
         select k.citizen_id as "citizenId" from cohort k
         where exists (select 1 from register_status_spells r where r.municipality_id = $1 and r.citizen_id = k.citizen_id)`,
        cohortParams(f),
      );
      return rows.map((r) => r.citizenId);
    },

    /** What each member has in progress on the horizon date: offer types, and whether any mentor course runs. */
    async inProgressAtHorizon(f: CohortFilter & { horizonMonths: number }): Promise<HorizonOffersRow[]> {
      return db.query<HorizonOffersRow>(
        `with ${cohortCte}, at as (
           select citizen_id, first_start, (first_start + make_interval(months => $6))::date as on_date from cohort
         )
         select a.citizen_id as "citizenId", a.first_start as "firstStart", c.birth_date as "birthDate",
           (select array_agg(distinct o.type) from offers o where o.citizen_id = a.citizen_id and o.start_date <= a.on_date
              and (o.end_date is null or o.end_date >= a.on_date)) as "offerTypes",
           exists (select 1 from grants g where g.citizen_id = a.citizen_id and ${delivered} and g.start_date <= a.on_date
              and coalesce(g.actual_end_date, g.end_date) >= a.on_date) as "mentorActive"
         from at a join citizens c on c.id = a.citizen_id
         order by a.citizen_id`,
        [...cohortParams(f), f.horizonMonths],
      );
    },

    /** Every course (grant) started in [from, to], with the delivering provider's type. */
    async coursesStarted(f: CohortFilter): Promise<CourseRow[]> {
      return db.query<CourseRow>(
        `select g.id as "grantId", g.citizen_id as "citizenId", g.start_date as "startDate", c.birth_date as "birthDate", p.type as "providerType"
         from grants g join citizens c on c.id = g.citizen_id
           left join mentors m on m.id = g.mentor_id left join providers p on p.id = m.provider_id
         where g.municipality_id = $1 and ${delivered} and ($4::text is null or g.type = $4) and g.start_date between $2 and $3
           and ${inTargetGroups('g.citizen_id', 'g.start_date')}
         order by g.start_date, g.id`,
        cohortParams(f),
      );
    },

    /**
     * Each citizen once per calendar year in which a course ran, with the target group on the course's
     * first day in that year (Jobindsats counts unique persons per period, E34).
     */
    async personsWithMentorPerYear(f: CohortFilter): Promise<CitizenYearRow[]> {
      return db.query<CitizenYearRow>(
        `with years as (select generate_series(extract(year from $2::date)::int, extract(year from $3::date)::int) as year),
         running as (
           select g.citizen_id, y.year, min(greatest(g.start_date, make_date(y.year, 1, 1))) as first_day
           from grants g join years y on g.start_date <= make_date(y.year, 12, 31) and coalesce(g.actual_end_date, g.end_date) >= make_date(y.year, 1, 1)
           where g.municipality_id = $1 and ${delivered} and ($4::text is null or g.type = $4) and ${inTargetGroups('g.citizen_id', 'g.start_date')}
           group by g.citizen_id, y.year
         )
         select r.citizen_id as "citizenId", r.year,
           (select s.target_group from target_group_spells s where s.citizen_id = r.citizen_id and s.from_date <= r.first_day
              and (s.to_date is null or s.to_date >= r.first_day) order by s.from_date desc limit 1) as "targetGroup"
         from running r order by r.year, r.citizen_id`,
        cohortParams(f),
      );
    },

    /** Persons in each target group at some time in each year: the denominators of "share with mentor". */
    async targetGroupPopulationPerYear(f: Omit<CohortFilter, 'type'>): Promise<{ year: number; targetGroup: string; persons: number }[]> {
      // $4 (the filter's groups, null: all) keeps the placeholders apart from the cohort's numbering.
      return db.query(
        `with years as (select generate_series(extract(year from $2::date)::int, extract(year from $3::date)::int) as year)
         select y.year, s.target_group as "targetGroup", count(distinct s.citizen_id)::int as persons
         from target_group_spells s join years y on s.from_date <= make_date(y.year, 12, 31) and (s.to_date is null or s.to_date >= make_date(y.year, 1, 1))
         where s.municipality_id = $1 and ($4::text[] is null or s.target_group = any($4::text[]))
         group by y.year, s.target_group`,
        [f.municipalityId, f.from, f.to, f.targetGroups],
      );
    },

    /** Everyone in the given target groups at some time in [from, to]: the comparison population of figure 2. */
    async targetGroupPopulation(f: Omit<CohortFilter, 'type' | 'targetGroups'> & { targetGroups: string[] }): Promise<PopulationRow[]> {
      return db.query<PopulationRow>(
        `select distinct c.id as "citizenId", c.birth_date as "birthDate"
         from target_group_spells s join citizens c on c.id = s.citizen_id
         where s.municipality_id = $1 and s.target_group = any($4::text[]) and s.from_date <= $3 and (s.to_date is null or s.to_date >= $2)
         order by c.id`,
        [f.municipalityId, f.from, f.to, f.targetGroups],
      );
    },

    /** Outcome statuses already computed for these citizens at the horizon (R-DEL-2). */
    async storedStatuses(input: { municipalityId: number; horizonMonths: number; citizenIds: number[] }): Promise<StoredOutcomeStatus[]> {
      return db.query<StoredOutcomeStatus>(
        `select citizen_id as "citizenId", first_start as "firstStart", category from outcome_statuses
         where municipality_id = $1 and horizon_months = $2 and citizen_id = any($3::int[])`,
        [input.municipalityId, input.horizonMonths, input.citizenIds],
      );
    },

    /** Stores (or replaces, when the first start has changed) one status per citizen and horizon (R-DEL-2). */
    async storeStatuses(input: { municipalityId: number; horizonMonths: number; statuses: StoredOutcomeStatus[] }): Promise<void> {
      if (input.statuses.length === 0) return;
      await db.query(
        `insert into outcome_statuses (municipality_id, citizen_id, horizon_months, first_start, category)
         select $1, u.citizen_id, $2, u.first_start, u.category
         from unnest($3::int[], $4::date[], $5::text[]) as u(citizen_id, first_start, category)
         on conflict (citizen_id, horizon_months) do update set first_start = excluded.first_start, category = excluded.category, computed_at = now()`,
        [
          input.municipalityId,
          input.horizonMonths,
          input.statuses.map((s) => s.citizenId),
          input.statuses.map((s) => s.firstStart),
          input.statuses.map((s) => s.category),
        ],
      );
    },

    /** New register data changes what a status would be: forget the stored ones (recomputed on the next report). */
    async forgetStatuses(municipalityId: number): Promise<void> {
      await db.query('delete from outcome_statuses where municipality_id = $1', [municipalityId]);
    },

    /** The citizens behind a cell, CPR masked (R-PRV-3). */
    async citizensByIds(municipalityId: number, ids: number[]): Promise<{ citizenId: number; name: string; cprMasked: string }[]> {
      const rows = await db.query<{ citizenId: number; name: string; cpr: string }>(
        `select id as "citizenId", name, cpr from citizens where municipality_id = $1 and id = any($2::int[]) order by name, id`,
        [municipalityId, ids],
      );
      return rows.map(({ cpr, ...rest }) => ({ ...rest, cprMasked: maskCpr(cpr) }));
    },
  };
}
