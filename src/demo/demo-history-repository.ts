import type { Database } from '../db/database.ts';

/**
 * The demo municipality's history (issue 5): 1,500 fictitious aktivitetsparate cash- and
 * education-benefit recipients in 2014–2019, of whom about 720 began a first ret-og-pligt mentor course
 * between 6 Jan 2014 and 28 Sep 2015 (Copenhagen's window, seed S2), with register status spells, later
 * courses, offers and providers in proportions close to Copenhagen's report: 25 % under 30; 63 % of
 * those aged 30+ on benefit for more than three years; 7 months after the start ~80 % (under 30) and
 * ~95 % (30+) still on benefit; 64 % external providers. So the reports and the effect page of the demo
 * show real, unsuppressed figures. Citizens without a mentor get the same kind of history around a
 * drawn date, so the effect page has comparable controls. Pseudo-random but deterministic (md5 of the person number). All
 * courses have ended, so the caseworkers' worklists are not flooded, and the target-group spells end in
 * 2019, so the people are not "passive" today.
 */
export function demoHistoryRepository(db: Database) {
  return {
    async seed(input: {
      municipalityId: number;
      externalMentorId: number;
      internalMentorId: number;
      centreMentorId: number;
    }): Promise<{ citizens: number; courses: number }> {
      const [row] = await db.query<{ citizens: number; courses: number }>(
        `with draws as (
           select i,
             (abs(('x' || substr(md5(i || 'age'), 1, 8))::bit(32)::int) % 1000) as r_age,
             (abs(('x' || substr(md5(i || 'birth'), 1, 8))::bit(32)::int) % 1000) as r_birth,
             (abs(('x' || substr(md5(i || 'gender'), 1, 8))::bit(32)::int) % 1000) as r_gender,
             (abs(('x' || substr(md5(i || 'origin'), 1, 8))::bit(32)::int) % 1000) as r_origin,
             (abs(('x' || substr(md5(i || 'treat'), 1, 8))::bit(32)::int) % 1000) as r_treat,
             (abs(('x' || substr(md5(i || 'start'), 1, 8))::bit(32)::int) % 91) as r_start,
             (abs(('x' || substr(md5(i || 'duration'), 1, 8))::bit(32)::int) % 1000) as r_dur,
             (abs(('x' || substr(md5(i || 'spread'), 1, 8))::bit(32)::int) % 1000) as r_spread,
             (abs(('x' || substr(md5(i || 'outcome'), 1, 8))::bit(32)::int) % 1000) as r_out,
             (abs(('x' || substr(md5(i || 'courses'), 1, 8))::bit(32)::int) % 1000) as r_courses,
             (abs(('x' || substr(md5(i || 'provider'), 1, 8))::bit(32)::int) % 1000) as r_provider,
             (abs(('x' || substr(md5(i || 'offer'), 1, 8))::bit(32)::int) % 1000) as r_offer,
             (abs(('x' || substr(md5(i || 'name'), 1, 8))::bit(32)::int) % 1000) as r_name
           from generate_series(1, 1500) as i
         ),
         facts as (
           select d.*, d.r_age < 250 as young, d.r_treat < 480 as treated,
             case when d.r_age < 250 then date '1986-06-01' + (d.r_birth * 10)::int else date '1950-01-01' + (d.r_birth * 12)::int end as birth_date,
             date '2014-01-06' + 7 * d.r_start as first_start
           from draws d
         ),
         shaped as (
           select f.*,
             -- Weeks on benefit before the first course (Copenhagen figure 5): under 30 28/9/13/50 %, 30+ 2/6/9/83 %.
             case
               when f.r_dur < (case when f.young then 280 else 20 end) then 1 + f.r_spread % 12
               when f.r_dur < (case when f.young then 370 else 80 end) then 15 + f.r_spread % 11
               when f.r_dur < (case when f.young then 500 else 170 end) then 28 + f.r_spread % 23
               when f.r_dur < (case when f.young then 810 else 370 end) then 56 + f.r_spread % 100
               else 160 + f.r_spread % 240
             end as weeks_before,
             -- Status 7 months after the start (table 4, per mille, cumulative); those without a mentor do
             -- a little worse in jobs and education, so the demo's effect page has something to find.
             case
               when f.young and f.r_out < (case when f.treated then 800 else 830 end) then 'CASH_BENEFIT_SAME'
               when f.young and f.r_out < (case when f.treated then 831 else 858 end) then 'RESOURCE_OR_CLARIFICATION'
               when f.young and f.r_out < (case when f.treated then 860 else 878 end) then 'ORDINARY_EMPLOYMENT'
               when f.young and f.r_out < (case when f.treated then 935 else 938 end) then 'EDUCATION'
               when f.young and f.r_out < (case when f.treated then 937 else 940 end) then 'DISABILITY_PENSION'
               when f.young then null
               when f.r_out < (case when f.treated then 951 else 958 end) then 'CASH_BENEFIT_SAME'
               when f.r_out < (case when f.treated then 960 else 966 end) then 'RESOURCE_OR_CLARIFICATION'
               when f.r_out < (case when f.treated then 967 else 970 end) then 'ORDINARY_EMPLOYMENT'
               when f.r_out < (case when f.treated then 969 else 971 end) then 'EDUCATION'
               when f.r_out < (case when f.treated then 973 else 975 end) then 'DISABILITY_PENSION'
               else null
             end as outcome
           from facts f
         ),
         people as (
           insert into citizens (municipality_id, cpr, birth_date, name, gender, origin)
           select $1, to_char(s.birth_date, 'DDMMYY') || lpad((2499 + s.i)::text, 4, '0'), s.birth_date,
             (array['Anne','Mette','Sofie','Ida','Camilla','Louise','Sara','Fatma','Ayşe','Maja','Line','Hanne'])[1 + s.r_name % 12] || ' ' ||
             (array['Jensen','Nielsen','Hansen','Pedersen','Andersen','Christensen','Larsen','Sørensen','Rasmussen','Jørgensen','Petersen','Madsen','Kaya','Ali','Nowak'])[1 + (s.r_name / 12) % 15] ||
             ' (historik ' || s.i || ')',
             case when s.r_gender < 530 then 'male' else 'female' end,
             case when s.r_origin < 590 then 'danish' when s.r_origin < 960 then 'non_western' else 'western' end
           from shaped s
           returning id, cpr
         ),
         linked as (
           select s.*, p.id as citizen_id,
             s.first_start - 7 * s.weeks_before as benefit_from,
             (s.first_start + interval '7 months')::date as horizon
           from shaped s join people p on p.cpr = to_char(s.birth_date, 'DDMMYY') || lpad((2499 + s.i)::text, 4, '0')
         ),
         spells as (
           insert into target_group_spells (municipality_id, citizen_id, target_group, visitation, from_date, to_date)
           select $1, citizen_id, case when young then 'uddannelseshjaelp_aktivitetsparat' else 'kontanthjaelp_aktivitetsparat' end, 'aktivitetsparat',
             least(benefit_from, date '2014-01-01'), date '2019-12-31'
           from linked returning citizen_id
         ),
         on_benefit as (
           insert into register_status_spells (municipality_id, citizen_id, category, source_code, from_week, to_week)
           select $1, citizen_id, 'CASH_BENEFIT_SAME', '318', week_index(benefit_from),
             case when outcome = 'CASH_BENEFIT_SAME' then week_index(date '2017-12-25') else week_index(horizon) - 5 end
           from linked returning citizen_id
         ),
         at_horizon as (
           insert into register_status_spells (municipality_id, citizen_id, category, source_code, from_week, to_week)
           select $1, citizen_id, outcome, null, week_index(horizon) - 4, week_index(date '2017-12-25')
           from linked where outcome is not null and outcome <> 'CASH_BENEFIT_SAME' returning citizen_id
         ),
         courses as (
           select l.citizen_id, l.first_start + 182 * k as start_date, l.r_provider
           from linked l cross join generate_series(0, 2) as k
           where l.treated and (k = 0 or (k = 1 and l.r_courses < 570) or (k = 2 and l.r_courses < 280))
         ),
         granted as (
           insert into grants (municipality_id, citizen_id, type, status, regime_id, refund_class, agreed_on, start_date, end_date, actual_end_date, end_reason,
                               weekly_hours, goal, tasks, mentor_id, complaint_guidance, need_assessment, assessment_date, approved_at, ended_at)
           select $1, c.citizen_id, 'RET_OG_PLIGT', 'ended', 'LAB-2014', 'inside_frame', c.start_date - 7, c.start_date, c.start_date + 181, c.start_date + 181, 'PLANNED_END',
             1.5, 'At stabilisere livssituationen, så borgeren kan deltage i et aktivt tilbud.', '["Ugentlige samtaler", "Støtte til møder med myndigheder"]'::jsonb,
             case when c.r_provider < 640 then $2::int when c.r_provider < 860 then $3::int else $4::int end, true,
             'Personlige forhold gør det aktuelt ikke muligt at deltage i andre ret og pligt-tilbud.', c.start_date - 7, now(), now()
           from courses c returning id
         ),
         offered as (
           insert into offers (municipality_id, citizen_id, type, start_date, end_date)
           select $1, citizen_id, case when r_offer < 300 then 'vejledning_opkvalificering' else 'virksomhedspraktik' end, horizon - 30, horizon + 60
           from linked where treated and r_offer < 360 returning citizen_id
         )
         select (select count(*) from people)::int as citizens, (select count(*) from granted)::int as courses,
           (select count(*) from spells) + (select count(*) from on_benefit) + (select count(*) from at_horizon) + (select count(*) from offered) as written`,
        [input.municipalityId, input.externalMentorId, input.internalMentorId, input.centreMentorId],
      );
      return { citizens: row!.citizens, courses: row!.courses };
    },
  };
}
