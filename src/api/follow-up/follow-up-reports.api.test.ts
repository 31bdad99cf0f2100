import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../test-app.ts';
import { followUpFactories } from './follow-up-test-factories.ts';

// Today in the test app is 24 Nov 2026. Six general courses started 2–7 May 2026 and ended by
// 30 Oct; three ret-og-pligt courses started in June.
describe('cohort reports: progression, satisfaction and attendance (R-STAT-1)', () => {
  let t: TestApp;
  const general: number[] = [];
  const rop: number[] = [];
  const query = 'firstStartFrom=2026-01-01&firstStartTo=2026-06-30';

  beforeAll(async () => {
    t = await openTestApp();
    const f = followUpFactories(t);
    const mie = await f.mentor('Mie Mentor', 'mie');
    for (let i = 0; i < 6; i += 1)
      general.push(await f.course({ mentorId: mie, type: 'GENERAL', start: `2026-05-0${2 + i}`, end: '2026-10-30' }));
    for (let i = 0; i < 3; i += 1)
      rop.push(
        await f.course({
          mentorId: mie,
          type: 'RET_OG_PLIGT',
          start: `2026-06-0${1 + i}`,
          end: ['2026-11-30', '2026-12-01', '2026-12-02'][i]!,
        }),
      );
    // Goal orientation, citizen: five general courses improve by 2, one is unchanged; start and 3 months on.
    for (const [i, id] of general.entries()) {
      const day = `0${2 + i}`;
      await t.as('mie').post(`/api/grants/${id}/measurements`, {
        measuredOn: `2026-05-${day}`,
        respondent: 'citizen',
        entryMode: 'paper',
        values: { goal_orientation: 2 },
      });
      await t.as('mie').post(`/api/grants/${id}/measurements`, {
        measuredOn: `2026-08-${day}`,
        respondent: 'citizen',
        entryMode: 'paper',
        values: { goal_orientation: i === 5 ? 2 : 4 },
      });
      // Five citizens answer the survey; four would recommend it.
      if (i < 5)
        await t.as('mie').post(`/api/grants/${id}/survey-responses`, {
          kind: 'citizen_end',
          respondedOn: '2026-10-30',
          entryMode: 'in_person',
          answers: { overall: 3 + (i % 2), recommend: i !== 0, comment: `Hemmelig tekst ${i}` },
        });
      // Ten contacts per general course, two no-shows.
      for (let w = 0; w < 10; w += 1) {
        await t.as('mie').post(`/api/grants/${id}/contacts`, {
          at: `2026-06-${String(1 + w * 2).padStart(2, '0')}T09:00:00Z`,
          minutes: 60,
          form: 'physical',
          attended: w >= 2,
        });
      }
    }
    for (const id of rop)
      await t.as('mie').post(`/api/grants/${id}/contacts`, { at: '2026-06-10T09:00:00Z', minutes: 60, form: 'physical', attended: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports mean distance travelled and improved / unchanged / worse, suppressing the small cell and a second one', async () => {
    const report = (await t.as('boss').get(`/api/reports/progression?${query}&type=GENERAL`)).json();
    expect(report.courses).toBe(6);
    expect(report.coursesWithTwoMeasurements).toBe(6);
    const goal = report.rows.find((r: { code: string; respondent: string }) => r.code === 'goal_orientation' && r.respondent === 'citizen');
    expect(goal.courses).toBe(6);
    expect(goal.meanDistance).toBeCloseTo(10 / 6, 2);
    // 5 improved, 1 unchanged: the 1 is below 5 and hidden, and so is the 5 (else 6 − 5 gives it away).
    expect(goal).toMatchObject({ improved: null, unchanged: null, worse: 0 });
    expect(report.suppressed).toEqual(expect.arrayContaining([{ code: 'goal_orientation', respondent: 'citizen', column: 'unchanged' }]));
    expect(report.caption).toContain('ikke om den skyldes mentorstøtten');

    await t.as('admin').put('/api/municipality/settings', { suppressionThreshold: 1 });
    const open = (await t.as('boss').get(`/api/reports/progression?${query}&type=GENERAL`)).json();
    expect(
      open.rows.find((r: { code: string; respondent: string }) => r.code === 'goal_orientation' && r.respondent === 'citizen'),
    ).toMatchObject({ improved: 5, unchanged: 1, worse: 0 });
    await t.as('admin').put('/api/municipality/settings', { suppressionThreshold: 5 });
  });

  it('hides a cohort of three courses entirely', async () => {
    const report = (await t.as('boss').get(`/api/reports/progression?${query}&type=RET_OG_PLIGT`)).json();
    expect(report.courses).toBeNull();
    const attendance = (await t.as('boss').get(`/api/reports/attendance?${query}&type=RET_OG_PLIGT`)).json();
    expect(attendance.total).toMatchObject({ courses: null, planned: null, share: null, suppressed: true });
  });

  it('reports response rate and means per question, never free text', async () => {
    const report = (await t.as('boss').get(`/api/reports/satisfaction?${query}`)).json();
    const citizen = report.groups.find((g: { kind: string }) => g.kind === 'citizen_end');
    // Six ended general courses (the ret-og-pligt ones end 30 Nov – 2 Dec); 5 answered, 1 did not → the 1 hides the 5.
    expect(citizen.endedCourses).toBe(6);
    expect(citizen.responses).toBeNull();
    expect(citizen.responseRate).toBeNull();
    const overall = citizen.questions.find((q: { code: string }) => q.code === 'overall');
    expect(overall).toMatchObject({ answers: 5, mean: 3.4 });
    // 4 of 5 would recommend it: 80 % would reveal the single "no", so the share is hidden.
    expect(citizen.questions.find((q: { code: string }) => q.code === 'recommend')).toMatchObject({ answers: 5, shareYes: null });
    expect(JSON.stringify(report)).not.toContain('Hemmelig');
    await t.as('admin').put('/api/municipality/settings', { suppressionThreshold: 1 });
    const open = (await t.as('boss').get(`/api/reports/satisfaction?${query}`)).json();
    const openCitizen = open.groups.find((g: { kind: string }) => g.kind === 'citizen_end');
    expect(openCitizen).toMatchObject({ responses: 5, responseRate: 0.833 });
    expect(openCitizen.questions.find((q: { code: string }) => q.code === 'recommend').shareYes).toBe(0.8);
    await t.as('admin').put('/api/municipality/settings', { suppressionThreshold: 5 });
  });

  it('reports attendance per type with secondary suppression, and refuses mentors', async () => {
    const report = (await t.as('coord').get(`/api/reports/attendance?${query}`)).json();
    expect(report.total).toMatchObject({ courses: 9, planned: 63, attended: 51 });
    expect(report.total.share).toBeCloseTo(51 / 63, 3);
    // GENERAL alone would reveal RET_OG_PLIGT (3 courses) from the total: both rows hidden.
    expect(report.byType.map((r: { key: string; suppressed: boolean }) => [r.key, r.suppressed])).toEqual([
      ['GENERAL', true],
      ['RET_OG_PLIGT', true],
    ]);
    expect((await t.as('mie').get(`/api/reports/attendance?${query}`)).statusCode).toBe(403);
    expect((await t.as('boss').get('/api/reports/attendance?firstStartFrom=2026-07-01&firstStartTo=2026-01-01')).statusCode).toBe(400);
  });
});
