import type { Database } from '../database.ts';

/**
 * The fields of one unit of the risk set, in the order of a chunk's text (`chunk`): the citizen, the
 * quarter label, treated (0/1), age, gender, origin, target group, weeks on public support in the prior
 * 52 and 156 weeks, weeks employed in the prior 156, the outcomes employment, education, self-support
 * (0/1) and weeks on public support in the 52 weeks after; then month by month from 12 months before to 24
 * months after the index date (issue 15), bit k (k = 0…36) set when the status held in the week of index
 * date + (k − 12) months: employed, in education, on public support (numbers below 2^37); and how many of
 * those 37 months lie within the register data (the rest are unknown, not "no").
 */
export const riskSetFields = [
  'citizenId',
  'quarter',
  'treated',
  'age',
  'gender',
  'origin',
  'targetGroup',
  'publicWeeks52',
  'publicWeeks156',
  'employedWeeks156',
  'employment',
  'education',
  'selfSupport',
  'benefitWeeks52After',
  'employedMonths',
  'educationMonths',
  'supportedMonths',
  'observedMonths',
] as const;
/** quarter, gender, origin and targetGroup are text; every other field is a whole number. */
export type RiskSetField = (typeof riskSetFields)[number];

export type RiskSetQuarter = { quarter: string; indexDate: string; treatedCount: number };

export type RiskSetInput = {
  municipalityId: number;
  from: string;
  to: string;
  type: string;
  horizonMonths: number;
  targetGroups: string[];
};

/** A slice of the risk set: every unit (treated and controls of every quarter) of the citizens with ids in [citizenIdFrom, citizenIdTo]. */
export type RiskSetChunk = { quarters: RiskSetQuarter[]; citizenIdFrom: number; citizenIdTo: number };

// Public support = any register category except employment, education, self-support, death and emigration.
const notPublicSupport = `('ORDINARY_EMPLOYMENT', 'EDUCATION', 'SELF_SUPPORTING_OTHER', 'DEAD', 'EMIGRATED')`;

const firstCourses = (type: string) => `
  select distinct on (g.citizen_id) g.citizen_id, g.start_date
  from grants g
  where g.municipality_id = $1 and g.type = ${type} and g.status in ('approved', 'ended')`;

/*
 * One chunk in one pass. Parameters: $1 municipality, $2 horizon months, $3..$4 citizen-id range,
 * $5 quarter labels and $6 their index dates, $7 grant type, $8..$9 first-start period, $10 target groups.
 * Units: the treated of the range, plus per quarter the controls of the range (in a target group on the
 * index date, no mentor course starting on or before it: the earliest such start is computed once per
 * citizen). Their index week (w) and outcome week (ow) are computed once per unit; the register spells
 * touching [w − 156, max(w + 51, ow)] are joined by citizen with range conditions and summed per unit with
 * `filter` — no per-unit subqueries; each spell of the range is read once for all quarters.
 */
const chunkSql = `
  with quarters as (
    select * from unnest($5::text[], $6::date[]) as q(quarter, index_date)
  ), first_course as (${firstCourses('$7')} and g.citizen_id between $3 and $4
    order by g.citizen_id, g.start_date, g.id
  ), first_any_course as (
    select g.citizen_id, min(g.start_date) as start_date
    from grants g where g.citizen_id between $3 and $4 and g.status in ('approved', 'ended')
    group by g.citizen_id
  ), unit_list as (
    select citizen_id, start_date as index_date, to_char(start_date, 'YYYY-"Q"Q') as quarter, true as treated
    from first_course where start_date between $8::date and $9::date
    union all
    select distinct s.citizen_id, q.index_date, q.quarter, false as treated
    from quarters q
    join target_group_spells s on s.municipality_id = $1 and s.citizen_id between $3 and $4 and s.target_group = any($10::text[])
      and s.from_date <= q.index_date and (s.to_date is null or s.to_date >= q.index_date)
    join citizens c on c.id = s.citizen_id and c.id between $3 and $4
    left join first_any_course f on f.citizen_id = s.citizen_id
    where f.start_date is null or f.start_date > q.index_date
  ), data_end as materialized (
    select coalesce(max(to_week), -1) as last_week from register_status_spells where municipality_id = $1
  ), index_weeks as materialized (
    -- Per distinct index date (a few hundred), not per unit: its week, outcome week and the weeks of
    -- index date + m months for m = -12…24 (increasing, so width_bucket can search them).
    select d.index_date, week_index(d.index_date) as w,
      week_index((d.index_date + make_interval(months => $2::int))::date) as ow,
      array(select week_index((d.index_date + make_interval(months => m))::date) from generate_series(-12, 24) as m order by m) as mw
    from (select distinct index_date from unit_list) d
  ), units as materialized (
    select row_number() over () as unit, u.*, i.w, i.ow, i.mw,
      -- The months whose week the register data reach: the number of mw[k] <= last_week.
      width_bucket(d.last_week, i.mw) as observed
    from unit_list u join index_weeks i on i.index_date = u.index_date cross join data_end d
  ), registers as (
    select u.unit,
      sum(least(r.to_week, u.w - 1) - greatest(r.from_week, u.w - 52) + 1)
        filter (where r.category not in ${notPublicSupport} and r.to_week >= u.w - 52 and r.from_week <= u.w - 1) as public52,
      sum(least(r.to_week, u.w - 1) - greatest(r.from_week, u.w - 156) + 1)
        filter (where r.category not in ${notPublicSupport} and r.from_week <= u.w - 1) as public156,
      sum(least(r.to_week, u.w - 1) - greatest(r.from_week, u.w - 156) + 1)
        filter (where r.category = 'ORDINARY_EMPLOYMENT' and r.from_week <= u.w - 1) as employed156,
      bool_or(r.category = 'ORDINARY_EMPLOYMENT' and u.ow between r.from_week and r.to_week) as employment,
      bool_or(r.category = 'EDUCATION' and u.ow between r.from_week and r.to_week) as education,
      bool_or(r.category not in ('ORDINARY_EMPLOYMENT', 'SELF_SUPPORTING_OTHER', 'EMIGRATED') and u.ow between r.from_week and r.to_week) as supported,
      sum(least(r.to_week, u.w + 51) - greatest(r.from_week, u.w) + 1)
        filter (where r.category not in ${notPublicSupport} and r.to_week >= u.w and r.from_week <= u.w + 51) as public52after,
      bit_or(m.months) filter (where r.category = 'ORDINARY_EMPLOYMENT') as employed_months,
      bit_or(m.months) filter (where r.category = 'EDUCATION') as education_months,
      bit_or(m.months) filter (where r.category not in ('ORDINARY_EMPLOYMENT', 'SELF_SUPPORTING_OTHER', 'EMIGRATED')) as supported_months
    from units u
    join register_status_spells r on r.citizen_id = u.citizen_id and r.citizen_id between $3 and $4
      and r.to_week >= u.w - 156 and r.from_week <= greatest(u.w + 51, u.ow, u.mw[37])
    -- Month k (1…37) is in the spell when from_week <= mw[k] <= to_week: since mw increases that is
    -- k1 = (number of mw[k] < from_week) + 1 up to k2 = (number of mw[k] <= to_week), bits k1 − 1 … k2 − 1.
    cross join lateral (
      select case when k2 >= k1 then (1::bigint << k2) - (1::bigint << (k1 - 1)) else 0 end as months
      from (select width_bucket(r.from_week - 1, u.mw) + 1 as k1, width_bucket(r.to_week, u.mw) as k2) k
    ) m
    group by u.unit
  ), groups as (
    select distinct on (u.unit) u.unit, s.target_group
    from units u
    join target_group_spells s on s.citizen_id = u.citizen_id and s.citizen_id between $3 and $4
      and s.from_date <= u.index_date and (s.to_date is null or s.to_date >= u.index_date)
    order by u.unit, s.from_date desc, s.id desc
  )
  -- One text value for the whole chunk (issue 12): a row per unit, the fields of \`riskSetFields\` in
  -- that order, tab-separated; the driver then parses one value instead of 18 per unit.
  select coalesce(string_agg(concat_ws(E'\t',
    u.citizen_id, u.quarter, u.treated::int,
    coalesce(extract(year from age(u.index_date, c.birth_date))::int, 0),
    coalesce(c.gender, 'unknown'), coalesce(c.origin, 'unknown'), coalesce(g.target_group, 'unknown'),
    coalesce(r.public52, 0)::int, coalesce(r.public156, 0)::int, coalesce(r.employed156, 0)::int,
    coalesce(r.employment, false)::int, coalesce(r.education, false)::int,
    (not coalesce(r.supported, false))::int, coalesce(r.public52after, 0)::int,
    coalesce(r.employed_months, 0), coalesce(r.education_months, 0), coalesce(r.supported_months, 0),
    u.observed), E'\n' order by u.citizen_id, u.unit), '') as rows
  from units u
  join citizens c on c.id = u.citizen_id and c.id between $3 and $4
  left join registers r on r.unit = u.unit
  left join groups g on g.unit = u.unit`;

/**
 * The statistician-readable definition of treated, controls and outcomes for the in-app effect analysis
 * (issue 6 point 3; risk-set matching on calendar time):
 * - treated: citizens whose FIRST mentor course (of the type) started in [from, to]; index date = start;
 * - controls: per calendar quarter with treated, citizens in the same target groups on the quarter's index
 *   date (the earliest treated start in that quarter) who had no mentor course starting on or before it
 *   (they may get one later: risk-set sampling);
 * - covariates at the index date: age, gender, origin, target group (the latest spell valid then), weeks on
 *   public support in the prior 52 and 156 weeks, weeks in employment in the prior 156 weeks (register spells);
 * - outcomes at index + horizon months: employment, education, self-support (no public benefit), and
 *   weeks on public support in the 52 weeks after the index date;
 * - month by month from 12 months before to 24 months after the index date (issue 15: event time, placebo,
 *   horizons): whether the citizen was employed, in education or on public support in the week of index
 *   date + m months, as 37-bit masks, and how many of those months the register data reach.
 * The risk set is read in chunks by citizen-id range (`quarters` first, then `chunk` per range),  each ordered
 * by citizen id; the caller sorts the units into the order quarter, treated first, citizen id.
 * (The analysis jobs themselves are in effect-analyses-repository.ts.)
 */
export function riskSetRepository(db: Database) {
  return {
    /** The quarters with treated citizens, each with its index date (earliest first start in it). */
    async quarters(input: RiskSetInput): Promise<RiskSetQuarter[]> {
      return db.query<RiskSetQuarter>(
        `with first_course as (${firstCourses('$4')} order by g.citizen_id, g.start_date, g.id)
         select to_char(start_date, 'YYYY-"Q"Q') as quarter, min(start_date) as "indexDate", count(*)::int as "treatedCount"
         from first_course where start_date between $2 and $3
         group by 1 order by 1`,
        [input.municipalityId, input.from, input.to, input.type],
      );
    },

    /** The range of citizen ids and the municipality's number of citizens, for splitting the risk set into chunks by id range. */
    async citizenIdRange(municipalityId: number): Promise<{ min: number; max: number; count: number }> {
      const [row] = await db.query<{ min: number | null; max: number | null; count: number }>(
        `select min(id) as min, max(id) as max, (count(*) filter (where municipality_id = $1))::int as count from citizens`,
        [municipalityId],
      );
      return { min: row?.min ?? 0, max: row?.max ?? 0, count: row?.count ?? 0 };
    },

    /** The chunk's units as text: a line per unit ordered by citizen id, the `riskSetFields` tab-separated. */
    async chunk(input: RiskSetInput, chunk: RiskSetChunk): Promise<string> {
      // Hash aggregates over ~100,000 units need more than the default 4 MB; JIT compilation costs more
      // than it saves on a query this size. Both only for this transaction.
      return db.transaction(async (tx) => {
        await tx.query(`set local work_mem = '256MB'`);
        await tx.query(`set local jit = off`);
        // Under row-level security (tenant connections, issue 10) the policies' one-time filters make the
        // planner expect a handful of rows and join the CTEs by nested loops with join filters (O(units²),
        // 24 s for 4,600 units on PGlite); hash joins read each side once.
        await tx.query(`set local enable_nestloop = off`);
        const [row] = await tx.query<{ rows: string }>(chunkSql, [
          input.municipalityId,
          input.horizonMonths,
          chunk.citizenIdFrom,
          chunk.citizenIdTo,
          chunk.quarters.map((q) => q.quarter),
          chunk.quarters.map((q) => q.indexDate),
          input.type,
          input.from,
          input.to,
          input.targetGroups,
        ]);
        return row?.rows ?? '';
      });
    },
  };
}
