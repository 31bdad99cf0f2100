import type { RiskSetUnitRecord } from '../../domain/risk-set-units.ts';
import type { Database } from '../database.ts';
import type { RiskSetInput } from '../repositories/risk-set-repository.ts';

/** A unit as the reference query gives it: the fields of the definition's units, with the quarter by name. */
export type PerUnitRiskSetRow = Omit<RiskSetUnitRecord, 'quarterIndex'> & { quarter: string };

/** Issue 15: one correlated subquery per month status (bit m + 12 for month m = −12…24). */
const monthMask = (condition: string) => `(select coalesce(sum(1::bigint << (m + 12)), 0) from generate_series(-12, 24) as m
  where exists (select 1 from register_status_spells r where r.municipality_id = $1 and r.citizen_id = u.citizen_id and ${condition}
    and week_index((u.index_date + make_interval(months => m))::date) between r.from_week and r.to_week))::float8`;

/**
 * The reference for the risk set: the per-unit query (correlated subqueries for every covariate and
 * outcome, all rows at once) that the in-app analysis used before it was made set-based and chunked
 * (issue 6 point 3). Kept verbatim, not used by the app: the tests check the set-based query against it
 * row by row, and the in-app benchmark times it as the baseline.
 */
export function perUnitRiskSetReference(db: Database) {
  return {
    async riskSet(input: RiskSetInput): Promise<PerUnitRiskSetRow[]> {
      return db.query<PerUnitRiskSetRow>(
        `with first_course as (
            select distinct on (g.citizen_id) g.citizen_id, g.start_date
            from grants g where g.municipality_id = $1 and g.type = $4 and g.status in ('approved', 'ended')
            order by g.citizen_id, g.start_date, g.id
          ), treated as (
            select citizen_id, start_date as index_date, to_char(start_date, 'YYYY-"Q"Q') as quarter, true as treated
            from first_course where start_date between $2 and $3
          ), quarters as (
            select quarter, min(index_date) as index_date from treated group by quarter
          ), controls as (
            select distinct c.id as citizen_id, q.index_date, q.quarter, false as treated
            from quarters q
            join target_group_spells s on s.municipality_id = $1 and s.from_date <= q.index_date and (s.to_date is null or s.to_date >= q.index_date)
              and s.target_group = any($6::text[])
            join citizens c on c.id = s.citizen_id
            where not exists (select 1 from grants g where g.citizen_id = c.id and g.status in ('approved', 'ended') and g.start_date <= q.index_date)
          ), units as (
            select * from treated union all select * from controls
          )
          select u.citizen_id as "citizenId", u.treated, u.quarter,
            extract(year from age(u.index_date, c.birth_date))::int as age,
            coalesce(c.gender, 'unknown') as gender, coalesce(c.origin, 'unknown') as origin,
            coalesce((select s.target_group from target_group_spells s where s.citizen_id = u.citizen_id and s.from_date <= u.index_date
                      and (s.to_date is null or s.to_date >= u.index_date) order by s.from_date desc limit 1), 'unknown') as "targetGroup",
            coalesce((select sum(least(r.to_week, week_index(u.index_date) - 1) - greatest(r.from_week, week_index(u.index_date) - 52) + 1)
                      from register_status_spells r where r.municipality_id = $1 and r.citizen_id = u.citizen_id and r.category not in ('ORDINARY_EMPLOYMENT', 'EDUCATION', 'SELF_SUPPORTING_OTHER', 'DEAD', 'EMIGRATED')
                        and r.to_week >= week_index(u.index_date) - 52 and r.from_week <= week_index(u.index_date) - 1), 0)::int as "publicWeeks52",
            coalesce((select sum(least(r.to_week, week_index(u.index_date) - 1) - greatest(r.from_week, week_index(u.index_date) - 156) + 1)
                      from register_status_spells r where r.municipality_id = $1 and r.citizen_id = u.citizen_id and r.category not in ('ORDINARY_EMPLOYMENT', 'EDUCATION', 'SELF_SUPPORTING_OTHER', 'DEAD', 'EMIGRATED')
                        and r.to_week >= week_index(u.index_date) - 156 and r.from_week <= week_index(u.index_date) - 1), 0)::int as "publicWeeks156",
            coalesce((select sum(least(r.to_week, week_index(u.index_date) - 1) - greatest(r.from_week, week_index(u.index_date) - 156) + 1)
                      from register_status_spells r where r.municipality_id = $1 and r.citizen_id = u.citizen_id and r.category = 'ORDINARY_EMPLOYMENT'
                        and r.to_week >= week_index(u.index_date) - 156 and r.from_week <= week_index(u.index_date) - 1), 0)::int as "employedWeeks156",
            (exists (select 1 from register_status_spells r where r.municipality_id = $1 and r.citizen_id = u.citizen_id and r.category = 'ORDINARY_EMPLOYMENT'
                     and week_index((u.index_date + make_interval(months => $5))::date) between r.from_week and r.to_week))::int as employment,
            (exists (select 1 from register_status_spells r where r.municipality_id = $1 and r.citizen_id = u.citizen_id and r.category = 'EDUCATION'
                     and week_index((u.index_date + make_interval(months => $5))::date) between r.from_week and r.to_week))::int as education,
            (not exists (select 1 from register_status_spells r where r.municipality_id = $1 and r.citizen_id = u.citizen_id
                     and r.category not in ('ORDINARY_EMPLOYMENT', 'SELF_SUPPORTING_OTHER', 'EMIGRATED')
                     and week_index((u.index_date + make_interval(months => $5))::date) between r.from_week and r.to_week))::int as "selfSupport",
            coalesce((select sum(least(r.to_week, week_index(u.index_date) + 51) - greatest(r.from_week, week_index(u.index_date)) + 1)
                      from register_status_spells r where r.municipality_id = $1 and r.citizen_id = u.citizen_id and r.category not in ('ORDINARY_EMPLOYMENT', 'EDUCATION', 'SELF_SUPPORTING_OTHER', 'DEAD', 'EMIGRATED')
                        and r.to_week >= week_index(u.index_date) and r.from_week <= week_index(u.index_date) + 51), 0)::int as "benefitWeeks52After",
            ${monthMask(`r.category = 'ORDINARY_EMPLOYMENT'`)} as "employedMonths",
            ${monthMask(`r.category = 'EDUCATION'`)} as "educationMonths",
            ${monthMask(`r.category not in ('ORDINARY_EMPLOYMENT', 'SELF_SUPPORTING_OTHER', 'EMIGRATED')`)} as "supportedMonths",
            (select count(*) from generate_series(-12, 24) as m where week_index((u.index_date + make_interval(months => m))::date)
               <= (select coalesce(max(to_week), -1) from register_status_spells where municipality_id = $1))::int as "observedMonths"
          from units u join citizens c on c.id = u.citizen_id
          order by u.quarter, u.treated desc, u.citizen_id`,
        [input.municipalityId, input.from, input.to, input.type, input.horizonMonths, input.targetGroups],
      );
    },
  };
}
