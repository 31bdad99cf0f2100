import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categorical } from '../analytics/design-matrix.ts';
import type { Database } from '../db/database.ts';
import type { RiskSetInput } from '../db/repositories/risk-set-repository.ts';
import { municipalitiesRepository } from '../db/repositories/municipalities-repository.ts';
import { perUnitRiskSetReference, type PerUnitRiskSetRow } from '../db/test-fixtures/per-unit-risk-set-reference.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { riskSetArrays, type RiskSetColumns } from './analyse-risk-set.ts';
import { sharedColumns } from './analyse-risk-set-in-worker.ts';
import { loadRiskSet } from './load-risk-set.ts';

/** The reference rows as the columns the analysis takes (as the old row-object code built them). */
function referenceColumns(rows: PerUnitRiskSetRow[]) {
  const quarters: string[] = [];
  for (const r of rows) if (!quarters.includes(r.quarter)) quarters.push(r.quarter);
  const coded = (name: string, values: string[]) => {
    const c = categorical(name, values);
    return c.kind === 'categorical' ? { codes: c.codes, levels: c.levels } : null;
  };
  return {
    n: rows.length,
    treatment: Uint8Array.from(rows, (r) => (r.treated ? 1 : 0)),
    strata: Int32Array.from(rows, (r) => quarters.indexOf(r.quarter)),
    quarters,
    age: Float64Array.from(rows, (r) => r.age),
    gender: coded(
      'gender',
      rows.map((r) => r.gender),
    ),
    origin: coded(
      'origin',
      rows.map((r) => r.origin),
    ),
    targetGroup: coded(
      'targetGroup',
      rows.map((r) => r.targetGroup),
    ),
    publicWeeks52: Float64Array.from(rows, (r) => r.publicWeeks52),
    publicWeeks156: Float64Array.from(rows, (r) => r.publicWeeks156),
    employedWeeks156: Float64Array.from(rows, (r) => r.employedWeeks156),
    months: {
      employment: Float64Array.from(rows, (r) => r.employedMonths),
      education: Float64Array.from(rows, (r) => r.educationMonths),
      supported: Float64Array.from(rows, (r) => r.supportedMonths),
      observed: Float64Array.from(rows, (r) => r.observedMonths),
    },
    outcomes: {
      employment: Float64Array.from(rows, (r) => r.employment),
      education: Float64Array.from(rows, (r) => r.education),
      self_support: Float64Array.from(rows, (r) => r.selfSupport),
      benefit_weeks_52: Float64Array.from(rows, (r) => r.benefitWeeks52After),
    },
  };
}

const groups = ['kontanthjaelp_aktivitetsparat', 'uddannelseshjaelp_aktivitetsparat'];

describe('the set-based, chunked risk set equals the per-unit reference query (issue 6 point 3)', () => {
  let db: Database;
  let municipalityId: number;
  const id: Record<string, number> = {};
  const input = (): RiskSetInput => ({
    municipalityId,
    from: '2015-01-01',
    to: '2015-06-30',
    type: 'RET_OG_PLIGT',
    horizonMonths: 7,
    targetGroups: groups,
  });

  async function citizen(key: string, birthDate: string, gender: string | null, origin: string | null): Promise<number> {
    const [row] = await db.query<{ id: number }>(
      `insert into citizens (municipality_id, cpr, birth_date, name, gender, origin) values ($1, $2, $3, $4, $5, $6) returning id`,
      [municipalityId, String(1_000_000_000 + Object.keys(id).length), birthDate, key, gender, origin],
    );
    return (id[key] = row!.id);
  }
  const spell = (c: number, group: string, from: string, to: string | null) =>
    db.query(
      `insert into target_group_spells (municipality_id, citizen_id, target_group, from_date, to_date) values ($1, $2, $3, $4, $5)`,
      [municipalityId, c, group, from, to],
    );
  const grant = (c: number, type: string, status: string, start: string) =>
    db.query(
      `insert into grants (municipality_id, citizen_id, type, status, regime_id, refund_class, agreed_on, start_date, end_date, weekly_hours, actual_end_date, end_reason)
       values ($1, $2, $3, $4, 'LAB-2014', 'inside_frame', $5::date - 7, $5::date, $5::date + 182, 1.5, case when $4 = 'ended' then $5::date + 100 end, case when $4 = 'ended' then 'JOB' end)`,
      [municipalityId, c, type, status, start],
    );
  const register = (c: number, category: string, from: string, to: string) =>
    db.query(
      `insert into register_status_spells (municipality_id, citizen_id, category, from_week, to_week) values ($1, $2, $3, week_index($4::date), week_index($5::date))`,
      [municipalityId, c, category, from, to],
    );

  beforeAll(async () => {
    db = await openTestDatabase();
    municipalityId = (await municipalitiesRepository(db).create({ code: 'rs', name: 'Risikoby', settings: {} })).id;
    // 2 Feb 2015: Anna (aktivitetsparat since 2013, on cash benefit 6 Jan 2014 – 15 Feb 2015) starts her first
    // ret-og-pligt mentor course; Q1's index date. She is in a job from 3 Aug 2015, so 7 months on (2 Sep).
    const anna = await citizen('anna', '1985-05-01', 'female', 'danish');
    await spell(anna, groups[0]!, '2013-01-01', null);
    await grant(anna, 'RET_OG_PLIGT', 'approved', '2015-02-02');
    await register(anna, 'CASH_BENEFIT_SAME', '2014-01-06', '2015-02-15');
    await register(anna, 'ORDINARY_EMPLOYMENT', '2015-08-03', '2015-12-28');
    // 16 Mar 2015: Bo starts later in Q1, so on 2 Feb he is also a control (risk-set sampling); in education from Aug.
    const bo = await citizen('bo', '1996-11-30', 'male', null);
    await spell(bo, groups[1]!, '2014-08-01', null);
    await grant(bo, 'RET_OG_PLIGT', 'ended', '2015-03-16');
    await register(bo, 'EDUCATION', '2015-08-10', '2016-06-27');
    // 4 May 2015: Carl starts in Q2 (index date of Q2); a control in Q1. Died in July 2015.
    const carl = await citizen('carl', '1970-01-15', 'male', 'non_western');
    await spell(carl, groups[0]!, '2012-03-01', null);
    await grant(carl, 'RET_OG_PLIGT', 'approved', '2015-05-04');
    await register(carl, 'SICKNESS_BENEFIT', '2011-01-03', '2012-12-31');
    await register(carl, 'CASH_BENEFIT_SAME', '2013-01-07', '2015-07-05');
    await register(carl, 'DEAD', '2015-07-06', '2030-12-30');
    // Dorte had a general mentor from June 2014: never a control. Erik's ret-og-pligt grant is only a draft: a control.
    const dorte = await citizen('dorte', '1980-02-02', 'female', 'western');
    await spell(dorte, groups[0]!, '2013-01-01', null);
    await grant(dorte, 'GENERAL', 'approved', '2014-06-02');
    const erik = await citizen('erik', '1990-07-07', 'male', 'danish');
    await spell(erik, groups[0]!, '2013-01-01', null);
    await grant(erik, 'RET_OG_PLIGT', 'draft', '2015-03-02');
    await register(erik, 'SELF_SUPPORTING_OTHER', '2012-01-02', '2016-12-26');
    // Frida is in a target group outside the analysis; Gustav's spell ends 1 Apr 2015 (control in Q1 only).
    const frida = await citizen('frida', '1988-08-08', 'female', 'danish');
    await spell(frida, 'sygedagpenge', '2013-01-01', null);
    const gustav = await citizen('gustav', '1975-03-03', null, null);
    await spell(gustav, groups[0]!, '2014-01-01', '2015-04-01');
    await register(gustav, 'ORDINARY_EMPLOYMENT', '2009-01-05', '2011-06-27');
    await register(gustav, 'ORDINARY_EMPLOYMENT', '2013-06-03', '2014-03-31');
    await register(gustav, 'UNEMPLOYMENT_INSURANCE', '2014-04-07', '2015-12-28');
    // Hanne moved from kontanthjælp to uddannelseshjælp on 1 Sep 2014 with both spells open: the later one counts.
    const hanne = await citizen('hanne', '1994-04-04', 'female', 'western');
    await spell(hanne, groups[0]!, '2013-01-01', null);
    await spell(hanne, groups[1]!, '2014-09-01', null);
    // Ib's first ret-og-pligt course was in 2014, so his 2015 course does not make him treated nor a control.
    const ib = await citizen('ib', '1982-12-12', 'male', 'danish');
    await spell(ib, groups[0]!, '2013-01-01', null);
    await grant(ib, 'RET_OG_PLIGT', 'ended', '2014-05-05');
    await grant(ib, 'RET_OG_PLIGT', 'approved', '2015-02-16');

    // Another municipality's citizen between them, with a course and a spell in 2015: never part of this risk set.
    const other = (await municipalitiesRepository(db).create({ code: 'rs-other', name: 'Andenby', settings: {} })).id;
    const [olga] = await db.query<{ id: number }>(
      `insert into citizens (municipality_id, cpr, birth_date, name, gender, origin) values ($1, '0101901234', '1990-01-01', 'olga', 'female', 'danish') returning id`,
      [other],
    );
    await db.query(
      `insert into target_group_spells (municipality_id, citizen_id, target_group, from_date) values ($1, $2, $3, '2013-01-01')`,
      [other, olga!.id, groups[0]],
    );
    await db.query(
      `insert into grants (municipality_id, citizen_id, type, status, regime_id, refund_class, agreed_on, start_date, end_date, weekly_hours)
       values ($1, $2, 'RET_OG_PLIGT', 'approved', 'LAB-2014', 'inside_frame', '2015-02-01', '2015-02-09', '2015-08-09', 1.5)`,
      [other, olga!.id],
    );
    id['olga'] = olga!.id;

    // And 240 pseudo-random citizens (md5 of the number, deterministic): spells, courses, register histories.
    await db.query(
      `with people as (
         insert into citizens (municipality_id, cpr, birth_date, name, gender, origin)
         select $1, lpad((2000000 + i)::text, 10, '0'), date '1960-01-01' + (i * 37 % 14000), 'R' || i,
           (array['female', 'male', null])[1 + i % 3], (array['danish', 'western', 'non_western', null])[1 + i % 4]
         from generate_series(1, 240) i returning id
       ), facts as (
         select id, abs(('x' || substr(md5(id::text), 1, 8))::bit(32)::int) as h from people
       ), tg as (
         insert into target_group_spells (municipality_id, citizen_id, target_group, from_date, to_date)
         select $1, id, (array['kontanthjaelp_aktivitetsparat', 'uddannelseshjaelp_aktivitetsparat', 'sygedagpenge'])[1 + h % 3],
           date '2013-06-01' + (h % 700), case when h % 5 = 0 then date '2013-06-01' + (h % 700) + 300 + (h % 200) end from facts returning citizen_id
       ), g as (
         insert into grants (municipality_id, citizen_id, type, status, regime_id, refund_class, agreed_on, start_date, end_date, weekly_hours)
         select $1, id, case when h % 11 = 0 then 'GENERAL' else 'RET_OG_PLIGT' end, case when h % 13 = 0 then 'draft' else 'approved' end,
           'LAB-2014', 'inside_frame', date '2014-10-01' + (h % 300), date '2014-10-08' + (h % 300), date '2015-06-01' + (h % 300), 1.5
         from facts where h % 4 = 0 returning citizen_id
       )
       insert into register_status_spells (municipality_id, citizen_id, category, from_week, to_week)
       select $1, id, (array['CASH_BENEFIT_SAME', 'ORDINARY_EMPLOYMENT', 'EDUCATION', 'SICKNESS_BENEFIT', 'SELF_SUPPORTING_OTHER', 'DEAD', 'FLEXJOB'])[1 + (h / (k + 1)) % 7],
         week_index(date '2011-01-03') + k * 40 + (h % 17), week_index(date '2011-01-03') + k * 40 + (h % 17) + (h / (k + 3)) % 39
       from facts cross join generate_series(0, 6) k where (h / (k + 7)) % 3 > 0`,
      [municipalityId],
    );
  });
  afterAll(async () => {
    await db.close();
  });

  const reference = () => perUnitRiskSetReference(db).riskSet(input());

  it('returns the same units in the same order, with the same covariates and outcomes, in chunks of 7 citizens', async () => {
    const rows = await reference();
    expect(rows.length).toBeGreaterThan(200);
    const columns: RiskSetColumns = await loadRiskSet(db, input(), { chunkCitizens: 7, inFlight: 3 });
    expect(columns).toEqual(referenceColumns(rows));
  });

  it('reads in separate short queries: another request is answered between two chunks (issue 14)', async () => {
    const order: string[] = [];
    let other: Promise<unknown> | null = null;
    await loadRiskSet(db, input(), {
      chunkCitizens: 7,
      inFlight: 1,
      onProgress: () => {
        other ??= db.query('select count(*) from citizens').then(() => order.push('other request'));
      },
    }).then(() => order.push('risk set'));
    await other;
    expect(order).toEqual(['other request', 'risk set']);
  });

  it('gives the same columns whatever the chunk size', async () => {
    const small = await loadRiskSet(db, input(), { chunkCitizens: 3, inFlight: 1 });
    const whole = await loadRiskSet(db, input(), { chunkCitizens: 1_000_000 });
    expect(small).toEqual(whole);
    // On shared memory, so that the estimation threads read them without a copy.
    expect(riskSetArrays(whole).every((array) => array.buffer instanceof SharedArrayBuffer)).toBe(true);
    expect(sharedColumns(whole).age).toBe(whole.age);
  });

  it('computes the story by hand: Anna, Bo (treated and control in Q1), Carl, Gustav and Hanne', async () => {
    const rows = await reference();
    const unit = (key: string, quarter: string, treated: boolean) =>
      rows.find((r) => r.citizenId === id[key] && r.quarter === quarter && r.treated === treated);
    // Anna, index 2 Feb 2015: 52 of the prior 52 weeks on benefit; 56 weeks since 6 Jan 2014; 2 weeks after; in a job on 2 Sep.
    expect(unit('anna', '2015-Q1', true)).toMatchObject({
      age: 29,
      publicWeeks52: 52,
      publicWeeks156: 56,
      benefitWeeks52After: 2,
      employment: 1,
      selfSupport: 1,
    });
    expect(unit('bo', '2015-Q1', true)).toMatchObject({ age: 18, education: 1, selfSupport: 0, targetGroup: groups[1] });
    expect(unit('bo', '2015-Q1', false)).toBeDefined();
    expect(unit('carl', '2015-Q1', false)).toBeDefined();
    // Carl, index 4 May 2015: dead on 4 Dec 2015 — not employed, and death is not self-support.
    expect(unit('carl', '2015-Q2', true)).toMatchObject({ age: 45, employment: 0, selfSupport: 0 });
    // Gustav, 2 Feb 2015: employed 3 Jun 2013 – 31 Mar 2014 (44 weeks, all within 156); the 2009–2011 job ends before the 156 weeks.
    expect(unit('gustav', '2015-Q1', false)).toMatchObject({ employedWeeks156: 44, gender: 'unknown', origin: 'unknown' });
    expect(unit('gustav', '2015-Q2', false)).toBeUndefined();
    expect(unit('hanne', '2015-Q2', false)).toMatchObject({ targetGroup: groups[1] });
    for (const key of ['dorte', 'frida', 'ib', 'olga']) expect(rows.some((r) => r.citizenId === id[key])).toBe(false);
    expect(unit('erik', '2015-Q2', false)).toMatchObject({ selfSupport: 1, publicWeeks156: 0 });
  });
});
