import type { Database } from '../database.ts';

/**
 * Simulated registers with a known effect (tests and browser journeys): 1,200 aktivitetsparat citizens;
 * half were on benefit all of the prior year ("long spell", also all men). Long-spell citizens get a
 * ret-og-pligt mentor (from 2 Mar 2015) far more often and find jobs less often; the mentor raises the
 * chance of a job 7 months later by 20 percentage points. Pseudo-random but deterministic (md5 of the id).
 */
export async function seedSimulatedRegisters(db: Database, input: { municipalityId: number; mentorId: number }): Promise<void> {
  await db.query(
    `with people as (
         insert into citizens (municipality_id, cpr, birth_date, name, gender)
         select $1, lpad((1000000 + i)::text, 10, '0'), date '1975-01-01' + (i % 3000), 'Borger ' || i, case when i % 2 = 0 then 'female' else 'male' end
         from generate_series(1, 1200) as i returning id
       ), facts as (
         select id, (id % 2 = 1) as long_spell,
           abs(('x' || substr(md5(id::text || 'treat'), 1, 8))::bit(32)::int) % 100 < (case when id % 2 = 1 then 70 else 20 end) as treated,
           abs(('x' || substr(md5(id::text || 'luck'), 1, 8))::bit(32)::int) % 100 as luck
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
         select $1, id, 'CASH_BENEFIT_SAME', week_index(date '2014-03-03'), week_index(date '2015-03-01') from facts where long_spell returning citizen_id
       )
       insert into register_status_spells (municipality_id, citizen_id, category, from_week, to_week)
       select $1, id, 'ORDINARY_EMPLOYMENT', week_index(date '2015-09-28'), week_index(date '2015-10-26')
       from facts where luck < (case when long_spell then 10 else 40 end) + (case when treated then 20 else 0 end)`,
    [input.municipalityId, input.mentorId],
  );
}
