import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerTestMentor } from '../test-factories.ts';
import { openTestApp, type TestApp } from '../test-app.ts';

/**
 * Copenhagen's table 4 (seed S2): aktivitetsparat citizens whose first ret-og-pligt mentor course began
 * 2014-01-01 … 2015-09-30, status 7 months after the start. 1,352 under 30 and 4,099 aged 30+.
 */
const table4: Record<'under30' | '30plus', Record<string, number>> = {
  under30: {
    kontanthjaelp: 1088,
    anden_offentlig: 42,
    beskaeftigelse: 39,
    uddannelse: 102,
    pension_fleksjob: 3,
    selvforsoergelse_udflyttet: 78,
  },
  '30plus': {
    kontanthjaelp: 3900,
    anden_offentlig: 37,
    beskaeftigelse: 28,
    uddannelse: 8,
    pension_fleksjob: 15,
    selvforsoergelse_udflyttet: 111,
  },
};
// A representative register category per Copenhagen category; "self-supporting" = no register code.
const registerCategory: Record<string, string | null> = {
  kontanthjaelp: 'CASH_BENEFIT_SAME',
  anden_offentlig: 'RESOURCE_OR_CLARIFICATION',
  beskaeftigelse: 'ORDINARY_EMPLOYMENT',
  uddannelse: 'EDUCATION',
  pension_fleksjob: 'DISABILITY_PENSION',
  selvforsoergelse_udflyttet: null,
};

describe('status 7 months after the first mentor course (Copenhagen table 4)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
    const mentorId = await registerTestMentor(t);
    let n = 0;
    for (const [group, counts] of Object.entries(table4)) {
      for (const [category, count] of Object.entries(counts)) {
        // Bulk: `count` citizens, each with one approved ret-og-pligt grant started on a date in the window
        // and (unless self-supporting) a register spell covering the week 7 months later. An earlier
        // register spell of another kind (weeks before the start) must not count.
        await t.db.query(
          `with people as (
             insert into citizens (municipality_id, cpr, birth_date, name)
             select $1, lpad(($2 + i)::text, 10, '0'), case when $3 = 'under30' then date '1992-06-15' else date '1970-06-15' end, 'Borger ' || ($2 + i)
             from generate_series(1, $4) as i
             returning id
           ), courses as (
             insert into grants (municipality_id, citizen_id, type, status, regime_id, refund_class, agreed_on, start_date, end_date, weekly_hours, goal, mentor_id, complaint_guidance, approved_at)
             select $1, id, 'RET_OG_PLIGT', 'approved', 'LAB-2014', 'inside_frame', date '2014-01-01' + (id % 600), date '2014-01-01' + (id % 600),
                    date '2014-01-01' + (id % 600) + 181, 1.5, 'Mål', $6, true, now()
             from people returning citizen_id, start_date
           )
           insert into register_status_spells (municipality_id, citizen_id, category, from_week, to_week)
           select $1, citizen_id, $5, week_index((start_date + interval '7 months')::date) - 2, week_index((start_date + interval '7 months')::date) + 3
           from courses where $5::text is not null`,
          [t.municipalityId, n, group, count, registerCategory[category], mentorId],
        );
        n += count;
      }
    }
    await t.as('admin').put('/api/municipality/settings', { suppressionThreshold: 1 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('returns exactly the published counts and percentages by age group', async () => {
    const response = await t
      .as('boss')
      .get('/api/reports/outcome-status?horizonMonths=7&firstStartFrom=2014-01-01&firstStartTo=2015-09-30&type=RET_OG_PLIGT&groupBy=age30');
    expect(response.statusCode).toBe(200);
    const report = response.json();
    const under30 = report.groups.find((g: { key: string }) => g.key === 'under30');
    const over30 = report.groups.find((g: { key: string }) => g.key === '30plus');
    expect(under30.total).toBe(1352);
    expect(over30.total).toBe(4099);
    expect(under30.categories).toEqual(table4.under30);
    expect(over30.categories).toEqual(table4['30plus']);
    expect(under30.percentages).toMatchObject({
      anden_offentlig: 3.1,
      beskaeftigelse: 2.9,
      uddannelse: 7.5,
      pension_fleksjob: 0.2,
      selvforsoergelse_udflyttet: 5.8,
    });
    // Published as 80 % and 95 % (rounded); 1088/1352 = 80.47 %, 3900/4099 = 95.15 %.
    expect(under30.percentages.kontanthjaelp).toBe(80.5);
    expect(over30.percentages).toMatchObject({
      anden_offentlig: 0.9,
      beskaeftigelse: 0.7,
      uddannelse: 0.2,
      pension_fleksjob: 0.4,
      selvforsoergelse_udflyttet: 2.7,
    });
    expect(over30.percentages.kontanthjaelp).toBe(95.1);
    expect(report.caption).toContain('ikke om det skyldtes mentorstøtten');
  });

  it('with the default threshold of 5, hides the 3 and a second cell so it cannot be derived (R-STAT-1)', async () => {
    await t.as('admin').put('/api/municipality/settings', { suppressionThreshold: 5 });
    const report = (
      await t.as('boss').get('/api/reports/outcome-status?firstStartFrom=2014-01-01&firstStartTo=2015-09-30&groupBy=age30')
    ).json();
    const under30 = report.groups.find((g: { key: string }) => g.key === 'under30');
    expect(under30.categories.pension_fleksjob).toBeNull();
    expect(Object.values(under30.categories).filter((v) => v === null).length).toBeGreaterThanOrEqual(2);
    expect(report.suppressed.length).toBeGreaterThanOrEqual(2);
    await t.as('admin').put('/api/municipality/settings', { suppressionThreshold: 1 });
  });

  it('answers 400 for a bad date and 403 for a mentor', async () => {
    expect((await t.as('boss').get('/api/reports/outcome-status?firstStartFrom=2014-13-01&firstStartTo=2015-09-30')).statusCode).toBe(400);
    await t.createUser('mentorx', 'mentor');
    expect((await t.as('mentorx').get('/api/reports/outcome-status?firstStartFrom=2014-01-01&firstStartTo=2015-09-30')).statusCode).toBe(
      403,
    );
  });
});
