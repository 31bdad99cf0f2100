import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, sameOrigin } from '../test-app.ts';
import { pdfText } from '../../documents/test-pdf-text.ts';

/**
 * A small municipality in 2015, every report checked by hand. Twelve aktivitetsparate cash-benefit
 * recipients (since 7 Jan 2013) get a first ret-og-pligt course in 2015; three more in the group get none.
 * - Under 30 (born 1990): u1–u6; aged 30+ (born 1970, 1980 and 1960): o1–o6.
 * - First starts: u1–u3 and o1–o3 on Mon 2 Mar 2015, u4–u6 and o4–o6 on Mon 7 Sep 2015; 26 weeks planned.
 * - u1 and o1 get a second 26-week course right after the first (extension: a new course).
 * - u2 ended early after 6 weeks (job) on 12 Apr 2015.
 * - Register: all on cash benefit from 2013-W02 up to the week before their start, except u3 (on
 *   benefit only 8 weeks before the start) and o6 (no register data at all). 7 months after the start:
 *   u2 in employment, u4 in education, o2 in ressourceforløb, the rest still on cash benefit.
 * - Offers on the horizon date (start + 7 months): u1 and o3 vejledning og opkvalificering, o1 virksomhedspraktik.
 * - Courses delivered by an external provider, except those of o4–o6 (the jobcentre's own mentor).
 */
const people = [
  { key: 'u1', birth: '1990-05-01', start: '2015-03-02' },
  { key: 'u2', birth: '1990-05-02', start: '2015-03-02' },
  { key: 'u3', birth: '1990-05-03', start: '2015-03-02' },
  { key: 'u4', birth: '1990-05-04', start: '2015-09-07' },
  { key: 'u5', birth: '1990-05-05', start: '2015-09-07' },
  { key: 'u6', birth: '1990-05-06', start: '2015-09-07' },
  { key: 'o1', birth: '1970-05-01', start: '2015-03-02' },
  { key: 'o2', birth: '1970-05-02', start: '2015-03-02' },
  { key: 'o3', birth: '1980-05-03', start: '2015-03-02' },
  { key: 'o4', birth: '1980-05-04', start: '2015-09-07' },
  { key: 'o5', birth: '1960-05-05', start: '2015-09-07' },
  { key: 'o6', birth: '1960-05-06', start: '2015-09-07' },
];
const period = 'firstStartFrom=2015-01-01&firstStartTo=2015-12-31&type=RET_OG_PLIGT';

describe('cohort reports (issue 5 point 3)', () => {
  let t: TestApp;
  const id: Record<string, number> = {};
  const report = async (name: string, user = 'boss', extra = '') => {
    const response = await t.as(user).get(`/api/reports/cohort/${name}?${period}${extra}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const cell = (table: { rows: { key: string; values: (number | null)[] }[]; columns: { key: string }[] }, row: string, column: string) =>
    table.rows.find((r) => r.key === row)!.values[table.columns.findIndex((c) => c.key === column)];

  beforeAll(async () => {
    t = await openTestApp();
    const external = (await t.as('coord').post('/api/providers', { name: 'Ekstern A/S', type: 'external' })).json();
    const internal = (await t.as('coord').post('/api/providers', { name: 'Jobcentret', type: 'internal' })).json();
    const externalMentor = (
      await t.as('coord').post('/api/mentors', { name: 'Ekstern mentor', providerId: external.id, phone: '1', qualifications: ['x'] })
    ).json().id;
    const internalMentor = (
      await t.as('coord').post('/api/mentors', { name: 'Intern mentor', providerId: internal.id, phone: '2', qualifications: ['x'] })
    ).json().id;
    const all = [
      ...people,
      { key: 'n1', birth: '1991-01-01', start: null },
      { key: 'n2', birth: '1975-01-01', start: null },
      { key: 'n3', birth: '1955-01-01', start: null },
    ];
    for (const [i, p] of all.entries()) {
      const [row] = await t.db.query<{ id: number }>(
        `insert into citizens (municipality_id, cpr, birth_date, name, gender, origin) values ($1, $2, $3, $4, $5, $6) returning id`,
        [
          t.municipalityId,
          `${p.birth.slice(8, 10)}${p.birth.slice(5, 7)}${p.birth.slice(2, 4)}${String(1000 + i)}`,
          p.birth,
          `Borger ${p.key}`,
          i % 2 === 0 ? 'female' : 'male',
          i < 9 ? 'danish' : 'non_western',
        ],
      );
      id[p.key] = row!.id;
      await t.db.query(
        `insert into target_group_spells (municipality_id, citizen_id, target_group, visitation, from_date) values ($1, $2, 'kontanthjaelp_aktivitetsparat', 'aktivitetsparat', '2013-01-07')`,
        [t.municipalityId, row!.id],
      );
    }
    const grant = async (key: string, start: string, end: string, mentorId: number, actualEnd: string | null = null) =>
      t.db.query(
        `insert into grants (municipality_id, citizen_id, type, status, regime_id, refund_class, agreed_on, start_date, end_date, actual_end_date, end_reason, weekly_hours, goal, mentor_id, complaint_guidance, approved_at)
         values ($1, $2, 'RET_OG_PLIGT', $3, 'LAB-2014', 'inside_frame', $4, $4, $5, $6, $7, 1.5, 'Mål', $8, true, now())`,
        [t.municipalityId, id[key], actualEnd ? 'ended' : 'approved', start, end, actualEnd, actualEnd ? 'JOB' : null, mentorId],
      );
    for (const p of people) {
      const mentorId = ['o4', 'o5', 'o6'].includes(p.key) ? internalMentor : externalMentor;
      const end = p.start === '2015-03-02' ? '2015-08-30' : '2016-03-06';
      await grant(p.key, p.start, end, mentorId, p.key === 'u2' ? '2015-04-12' : null);
    }
    await grant('u1', '2015-08-31', '2016-02-28', externalMentor);
    await grant('o1', '2015-08-31', '2016-02-28', externalMentor);
    // A draft is not a course and counts nowhere.
    await t.db.query(
      `insert into grants (municipality_id, citizen_id, type, status, regime_id, refund_class, agreed_on, start_date, end_date, weekly_hours, goal) values ($1, $2, 'RET_OG_PLIGT', 'draft', 'LAB-2014', 'inside_frame', '2015-05-04', '2015-05-04', '2015-11-01', 1, 'Mål')`,
      [t.municipalityId, id.n1],
    );
    const spell = (key: string, category: string, from: string, to: string) =>
      t.db.query(
        `insert into register_status_spells (municipality_id, citizen_id, category, from_week, to_week) values ($1, $2, $3, week_index($4::date), week_index($5::date))`,
        [t.municipalityId, id[key], category, from, to],
      );
    const horizonOutcome: Record<string, string> = { u2: 'ORDINARY_EMPLOYMENT', u4: 'EDUCATION', o2: 'RESOURCE_OR_CLARIFICATION' };
    for (const p of people) {
      if (p.key === 'o6') continue;
      const start = new Date(`${p.start}T00:00:00Z`);
      const weekBefore = new Date(start.getTime() - 7 * 86400_000).toISOString().slice(0, 10);
      const benefitFrom = p.key === 'u3' ? new Date(start.getTime() - 8 * 7 * 86400_000).toISOString().slice(0, 10) : '2013-01-07';
      await spell(p.key, 'CASH_BENEFIT_SAME', benefitFrom, weekBefore);
      const horizon = new Date(start);
      horizon.setUTCMonth(horizon.getUTCMonth() + 7);
      const h = horizon.toISOString().slice(0, 10);
      await spell(p.key, horizonOutcome[p.key] ?? 'CASH_BENEFIT_SAME', p.start, h);
    }
    const offer = (key: string, type: string, from: string, to: string) =>
      t.db.query(`insert into offers (municipality_id, citizen_id, type, start_date, end_date) values ($1, $2, $3, $4, $5)`, [
        t.municipalityId,
        id[key],
        type,
        from,
        to,
      ]);
    await offer('u1', 'vejledning_opkvalificering', '2015-09-01', '2015-12-31');
    await offer('o3', 'vejledning_opkvalificering', '2015-09-01', '2015-12-31');
    await offer('o1', 'virksomhedspraktik', '2015-09-14', '2015-11-06');
    // One offer that ended before the horizon does not count.
    await offer('o2', 'nytteindsats', '2015-04-06', '2015-06-26');
    await t.as('admin').put('/api/municipality/settings', { suppressionThreshold: 1 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts the courses started per month and year; an extension is a new course, a draft none', async () => {
    const table = await report('starts-per-month');
    expect(table.columns.map((c: { key: string }) => c.key)).toEqual(['2015']);
    expect(cell(table, '03', '2015')).toBe(6);
    expect(cell(table, '08', '2015')).toBe(2);
    expect(cell(table, '09', '2015')).toBe(6);
    expect(table.total).toBe(14);
  });

  it('counts persons with a mentor per year once, as a share of the target group (Hvidovre, Jobindsats)', async () => {
    const table = await report('persons-per-year');
    expect(table.rows.map((r: { key: string }) => r.key)).toEqual(['2015']);
    expect(cell(table, '2015', 'kontanthjaelp_aktivitetsparat')).toBe(12);
    const row2015 = table.rows.find((r: { key: string }) => r.key === '2015');
    // Of 15 in the group in 2015, 12 had a mentor: 80 %.
    expect(row2015.percentages[0]).toBe(80);
    expect(row2015.total).toBe(12);
  });

  it('shows age at the first start next to the whole target group (Copenhagen figure 2)', async () => {
    const table = await report('age');
    expect(table.rows.map((r: { values: number[] }) => r.values[0])).toEqual([6, 2, 2, 2]);
    // The whole group in 2015 (15 persons, age on 31 Dec 2015): under 30: u1–u6 and n1; 30–39: o3, o4;
    // 40–49: o1, o2, n2; 50+: o5, o6, n3.
    expect(table.rows.map((r: { values: number[] }) => r.values[1])).toEqual([7, 2, 3, 3]);
    expect(table.rows[0].percentages[0]).toBe(50);
    // "With mentor" and "whole group" are not parts of one whole: no row totals.
    expect(table.rowTotals).toBe(false);
  });

  it('splits gender and origin by age group (Copenhagen figures 3 and 4)', async () => {
    const gender = await report('gender');
    expect(cell(gender, 'female', 'under30')).toBe(3);
    expect(cell(gender, 'male', '30plus')).toBe(3);
    const origin = await report('origin');
    expect(cell(origin, 'danish', 'under30')).toBe(6);
    expect(cell(origin, 'danish', '30plus')).toBe(3);
    expect(cell(origin, 'non_western', '30plus')).toBe(3);
  });

  it('bands the continuous time on cash benefit before the first course (Copenhagen figure 5)', async () => {
    const table = await report('benefit-duration');
    // u3: 8 weeks → 0–3 months; 2 Mar 2015 starters since Jan 2013: about 2 years 2 months → over 1 year;
    // 7 Sep 2015 starters: 2 years 8 months → over 1 year; o6 has no register data.
    expect(cell(table, '0-3', 'under30')).toBe(1);
    expect(cell(table, '1-3y', 'under30')).toBe(5);
    expect(cell(table, '1-3y', '30plus')).toBe(5);
    expect(cell(table, 'none', '30plus')).toBe(1);
  });

  it('adds up each citizen’s courses, counting running ones as planned (Copenhagen figure 6)', async () => {
    const table = await report('mentor-duration');
    // u2: 6 weeks → 0–3; u1 and o1: two 26-week courses → 6–12; the rest one 26-week course → 3–6.
    expect(cell(table, '0-3', 'under30')).toBe(1);
    expect(cell(table, '6-12', 'under30')).toBe(1);
    expect(cell(table, '3-6', 'under30')).toBe(4);
    expect(cell(table, '6-12', '30plus')).toBe(1);
    expect(cell(table, '3-6', '30plus')).toBe(5);
  });

  it('gives the status 7 months after the first start by age group, each citizen once (table 4)', async () => {
    const table = await report('outcome-status');
    expect(cell(table, 'beskaeftigelse', 'under30')).toBe(1);
    expect(cell(table, 'uddannelse', 'under30')).toBe(1);
    expect(cell(table, 'kontanthjaelp', 'under30')).toBe(4);
    expect(cell(table, 'anden_offentlig', '30plus')).toBe(1);
    // o6 has no register code at the horizon: self-supporting etc.
    expect(cell(table, 'selvforsoergelse_udflyttet', '30plus')).toBe(1);
    expect(cell(table, 'kontanthjaelp', '30plus')).toBe(4);
    expect(table.columnTotals).toEqual([6, 6]);
    expect(table.caption).toContain('siger ikke, om det skyldtes mentorstøtten');
  });

  it('splits what is in progress at the horizon into mentor, company placement, guidance and other (figure 7)', async () => {
    const table = await report('offers-at-horizon');
    // Mentor still running 7 months after start: u1 and o1 (second course) and the September starters
    // whose 26 weeks end 6 Mar 2016, before 7 Apr 2016 → no. So: u1, o1.
    expect(cell(table, 'mentor', 'under30')).toBe(1);
    expect(cell(table, 'mentor', '30plus')).toBe(1);
    expect(cell(table, 'guidance', 'under30')).toBe(1);
    expect(cell(table, 'guidance', '30plus')).toBe(1);
    expect(cell(table, 'company', '30plus')).toBe(1);
    expect(cell(table, 'other', '30plus')).toBe(0);
    expect(table.rows.find((r: { key: string }) => r.key === 'company').percentages[1]).toBe(33.3);
  });

  it('splits the courses by who delivers them (Copenhagen figures 9–10)', async () => {
    const table = await report('providers');
    expect(cell(table, 'external', 'under30')).toBe(7);
    expect(cell(table, 'external', '30plus')).toBe(4);
    expect(cell(table, 'internal', '30plus')).toBe(3);
  });

  it('suppresses small cells and a second one in each row and column with the default threshold (R-STAT-1)', async () => {
    await t.as('admin').put('/api/municipality/settings', { suppressionThreshold: 5 });
    const table = await report('outcome-status');
    expect(cell(table, 'beskaeftigelse', 'under30')).toBeNull();
    type Row = { values: (number | null)[]; total: number | null };
    for (const row of table.rows as Row[]) expect([...row.values, row.total].filter((v) => v === null).length).not.toBe(1);
    for (let j = 0; j < 2; j += 1)
      expect([...(table.rows as Row[]).map((r) => r.values[j]), table.columnTotals[j]].filter((v) => v === null).length).not.toBe(1);
    expect(table.caption).toContain('færre end 5');
    await t.as('admin').put('/api/municipality/settings', { suppressionThreshold: 1 });
  });

  it('lets a caseworker open a cell to the citizens behind it, audited; a manager may not (R-PRV-1)', async () => {
    const response = await t.as('cw').get(`/api/reports/cohort/outcome-status/citizens?${period}&row=beskaeftigelse&column=under30`);
    expect(response.statusCode).toBe(200);
    const { citizens } = response.json();
    expect(citizens).toHaveLength(1);
    expect(citizens[0]).toMatchObject({ citizenId: id.u2, name: 'Borger u2' });
    expect(citizens[0].cprMasked).toMatch(/^\d{6}-XXXX$/);
    const audit = await t.db.query<{ criterion: string }>(
      `select criterion from audit_log where entity = 'cohort_report' and citizen_id = $1`,
      [id.u2],
    );
    expect(audit[0]!.criterion).toContain('outcome-status');
    expect(
      (await t.as('boss').get(`/api/reports/cohort/outcome-status/citizens?${period}&row=beskaeftigelse&column=under30`)).statusCode,
    ).toBe(403);
    expect((await t.as('cw').get(`/api/reports/cohort/outcome-status/citizens?${period}&row=nonsense&column=under30`)).statusCode).toBe(
      400,
    );
  });

  it('stores each citizen’s status once per horizon and reads it back until new register data arrives (R-DEL-2)', async () => {
    const stored = await t.db.query<{ n: number }>(`select count(*)::int as n from outcome_statuses where horizon_months = 7`);
    expect(stored[0]!.n).toBe(12);
    // A correction straight in the spells (no import) does not change the stored status …
    await t.db.query(
      `update register_status_spells set category = 'ORDINARY_EMPLOYMENT' where citizen_id = $1 and category = 'EDUCATION'`,
      [id.u4],
    );
    expect(cell(await report('outcome-status'), 'uddannelse', 'under30')).toBe(1);
    // … a register import forgets the stored statuses, and the next report computes them anew.
    const imported = await t.as('admin').post('/api/imports/register?layout=long', undefined);
    expect(imported.statusCode).toBe(400);
    const csv = 'cpr;week;code\n0101011234;2015-W01;318\n';
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/imports/register?layout=long',
      headers: { ...sameOrigin, cookie: await loginCookie(t), 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(accepted.statusCode).toBe(202);
    for (let i = 0; i < 50; i += 1) {
      const status = (await t.as('admin').get(`/api/imports/${accepted.json().id}`)).json().status;
      if (status !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const after = await report('outcome-status');
    expect(cell(after, 'uddannelse', 'under30')).toBe(0);
    expect(cell(after, 'beskaeftigelse', 'under30')).toBe(2);
  });

  it('exports the table as XLSX and PDF, suppressed as on screen', async () => {
    await t.as('admin').put('/api/municipality/settings', { suppressionThreshold: 5 });
    const xlsx = await t.as('boss').get(`/api/reports/cohort/outcome-status.xlsx?${period}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Rapport')!;
    expect(String(sheet.getCell('A1').value)).toContain('Status 7 måneder efter start');
    const values = sheet.getSheetValues().flat().map(String);
    expect(values).toContain('–');
    const pdf = await t.as('boss').get(`/api/reports/cohort/age.pdf?${period}`);
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Alder ved start på første mentorforløb');
    expect(text).toContain('Hele målgruppen');
    expect(text.replace(/\s+/g, ' ')).toContain('siger ikke, om det skyldtes mentorstøtten');
    await t.as('admin').put('/api/municipality/settings', { suppressionThreshold: 1 });
  });

  it('narrows the cohort to the target groups on the day of the first start', async () => {
    // All twelve were aktivitetsparate cash-benefit recipients when they started; none on education benefit.
    expect((await report('outcome-status', 'boss', '&targetGroups=kontanthjaelp_aktivitetsparat')).total).toBe(12);
    const none = await report('mentor-duration', 'boss', '&targetGroups=uddannelseshjaelp_aktivitetsparat');
    expect(none.total).toBe(0);
    expect(
      (
        await report(
          'starts-per-month',
          'boss',
          '&targetGroups=uddannelseshjaelp_aktivitetsparat&targetGroups=kontanthjaelp_aktivitetsparat',
        )
      ).total,
    ).toBe(14);
    const legacy = (
      await t.as('boss').get(`/api/reports/outcome-status?${period}&groupBy=age30&targetGroups=uddannelseshjaelp_aktivitetsparat`)
    ).json();
    expect(legacy.groups.map((g: { total: number }) => g.total)).toEqual([0, 0]);
    expect((await t.as('boss').get(`/api/reports/cohort/age?${period}&targetGroups=nonsense`)).statusCode).toBe(400);
  });

  it('answers 400 for an unknown report or a reversed period and 403 for a mentor', async () => {
    expect((await t.as('boss').get(`/api/reports/cohort/nonsense?${period}`)).statusCode).toBe(400);
    expect((await t.as('boss').get('/api/reports/cohort/age?firstStartFrom=2015-12-31&firstStartTo=2015-01-01')).statusCode).toBe(400);
    await t.createUser('mentor1', 'mentor');
    expect((await t.as('mentor1').get(`/api/reports/cohort/age?${period}`)).statusCode).toBe(403);
  });
});

async function loginCookie(t: TestApp): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: sameOrigin,
    payload: { username: 'admin', password: 'test-password-1' },
  });
  return response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
