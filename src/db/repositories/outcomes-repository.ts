import type { Database } from '../database.ts';

export type OutcomeCohortRow = {
  citizenId: number;
  firstStart: string;
  birthDate: string;
  gender: string | null;
  origin: string | null;
  categories: string[] | null;
};

export function outcomesRepository(db: Database) {
  return {
    /**
     * The cohort of citizens whose FIRST mentor course (of the type, if given) started in [from, to] while
     * they were in one of the target groups (if given), each once (R-DEL-2), with the register categories in force in the week `horizonMonths` after that start.
     */
    async cohortAtHorizon(input: {
      municipalityId: number;
      from: string;
      to: string;
      type: string | null;
      horizonMonths: number;
      targetGroups: string[] | null;
    }): Promise<OutcomeCohortRow[]> {
      return db.query<OutcomeCohortRow>(
        `with first_course as (
           select distinct on (g.citizen_id) g.citizen_id, g.start_date
           from grants g
           where g.municipality_id = $1 and g.status in ('approved', 'ended') and ($4::text is null or g.type = $4)
           order by g.citizen_id, g.start_date, g.id
         )
         select f.citizen_id as "citizenId", f.start_date as "firstStart", c.birth_date as "birthDate", c.gender, c.origin,
           (select array_agg(s.category) from register_status_spells s
             where s.municipality_id = $1 and s.citizen_id = f.citizen_id
               and week_index((f.start_date + make_interval(months => $5))::date) between s.from_week and s.to_week) as categories
         from first_course f join citizens c on c.id = f.citizen_id
         where f.start_date between $2 and $3
           and ($6::text[] is null or exists (select 1 from target_group_spells tg where tg.citizen_id = f.citizen_id and tg.from_date <= f.start_date
                and (tg.to_date is null or tg.to_date >= f.start_date) and tg.target_group = any($6::text[])))
         order by f.citizen_id`,
        [input.municipalityId, input.from, input.to, input.type, input.horizonMonths, input.targetGroups],
      );
    },
  };
}
