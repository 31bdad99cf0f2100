import type { Database } from '../database.ts';
import type { PassiveCandidate } from '../../domain/passive-citizens.ts';

export function passiveCitizensRepository(db: Database) {
  return {
    /**
     * Citizens in the given groups on `date` (their latest spell covering it), with whether a mentor
     * grant or an offer overlapped the window [windowStart, date].
     */
    async listCandidates(input: {
      municipalityId: number;
      date: string;
      windowStart: string;
      groups: string[];
    }): Promise<(PassiveCandidate & { name: string })[]> {
      return db.query(
        `with target as (
           select distinct on (s.citizen_id) s.citizen_id, s.target_group, c.birth_date, c.name
           from target_group_spells s join citizens c on c.id = s.citizen_id
           where s.municipality_id = $1 and s.from_date <= $2 and (s.to_date is null or s.to_date >= $2) and s.target_group = any($4::text[])
           order by s.citizen_id, s.from_date desc
         )
         select t.citizen_id as "citizenId", t.target_group as "group", t.birth_date as "birthDate", t.name,
           exists (select 1 from grants g where g.citizen_id = t.citizen_id and g.status in ('approved', 'ended')
                   and g.start_date <= $2 and coalesce(g.actual_end_date, g.end_date) >= $3) as "hadMentor",
           exists (select 1 from offers o where o.citizen_id = t.citizen_id
                   and o.start_date <= $2 and coalesce(o.end_date, $2::date) >= $3) as "hadOffer"
         from target t order by t.name, t.citizen_id`,
        [input.municipalityId, input.date, input.windowStart, input.groups],
      );
    },
  };
}
