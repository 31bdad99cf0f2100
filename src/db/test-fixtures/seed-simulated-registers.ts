import type { Database } from '../database.ts';

/**
 * Simulated registers with a known effect (tests and browser journeys): 1,200 aktivitetsparat citizens aged
 * 24–35 on 2 Mar 2015; half were on benefit most of the prior year (40–52 weeks: "long spell", also all men). Long-spell
 * citizens get a ret-og-pligt mentor (from 2 Mar 2015) far more often and find jobs less often.
 * - Before the start: 40 % of the short-spell citizens worked for 21–29 weeks until December 2014 (months −9 to −3),
 *   mentor or not: matched groups do not differ before the start (event time, placebo).
 * - After: jobs start on 29 Jun 2015 (month 4 is 2 Jul) and last to 30 Apr 2017 (past month 24). The mentor raises the
 *   chance of a job by 30 percentage points for those under 30 and by 10 for those 30 and over (about 20
 *   on average over the mentored): no effect in months 1–3, the effect from month 4 on.
 * Pseudo-random but deterministic (md5 of the id).
 */
export async function seedSimulatedRegisters(db: Database, input: { municipalityId: number; mentorId: number }): Promise<void> {
  await db.query(
    `with people as (
         insert into citizens (municipality_id, cpr, birth_date, name, gender)
         select $1, lpad((1000000 + i)::text, 10, '0'),
           date '1980-01-01' + abs(('x' || substr(md5(i::text || 'born'), 1, 8))::bit(32)::int) % 4000,
           'Borger ' || i, case when i % 2 = 0 then 'female' else 'male' end
         from generate_series(1, 1200) as i returning id, birth_date
       ), facts as (
         select id, (id % 2 = 1) as long_spell, birth_date > date '1985-03-02' as under30,
           abs(('x' || substr(md5(id::text || 'treat'), 1, 8))::bit(32)::int) % 100 < (case when id % 2 = 1 then 70 else 20 end) as treated,
           abs(('x' || substr(md5(id::text || 'luck'), 1, 8))::bit(32)::int) % 100 as luck,
           abs(('x' || substr(md5(id::text || 'past'), 1, 8))::bit(32)::int) % 100 as past,
           abs(('x' || substr(md5(id::text || 'spell'), 1, 8))::bit(32)::int) % 100 as spell
         from people
       ), spells as (
         insert into target_group_spells (municipality_id, citizen_id, target_group, visitation, from_date)
         select $1, id, 'kontanthjaelp_aktivitetsparat', 'aktivitetsparat', date '2013-01-01' from facts returning citizen_id
       ), courses as (
         insert into grants (municipality_id, citizen_id, type, status, regime_id, refund_class, agreed_on, start_date, end_date, weekly_hours, goal, mentor_id, complaint_guidance)
         select $1, id, 'RET_OG_PLIGT', 'approved', 'LAB-2014', 'inside_frame', date '2015-02-23', date '2015-03-02', date '2015-09-01', 1.5, 'Mål', $2, true
         from facts where treated returning citizen_id
       ), prior as (
         insert into register_status_spells (municipality_id, citizen_id, category, from_week, to_week)
         select $1, id, 'CASH_BENEFIT_SAME', week_index(date '2014-03-03' + (spell % 13) * 7), week_index(date '2015-03-01') from facts where long_spell returning citizen_id
       ), earlier_jobs as (
         insert into register_status_spells (municipality_id, citizen_id, category, from_week, to_week)
         select $1, id, 'ORDINARY_EMPLOYMENT', week_index(date '2014-06-02' + (spell % 9) * 7), week_index(date '2014-12-28')
         from facts where not long_spell and past < 40 returning citizen_id
       )
       insert into register_status_spells (municipality_id, citizen_id, category, from_week, to_week)
       select $1, id, 'ORDINARY_EMPLOYMENT', week_index(date '2015-06-29'), week_index(date '2017-04-30')
       from facts where luck < (case when long_spell then 10 else 40 end) + (case when not treated then 0 when under30 then 30 else 10 end)`,
    [input.municipalityId, input.mentorId],
  );
}
