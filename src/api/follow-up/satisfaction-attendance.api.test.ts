import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../test-app.ts';
import { followUpFactories } from './follow-up-test-factories.ts';

// Today in the test app is 24 Nov 2026.
describe('end-of-course surveys and attendance on a course', () => {
  let t: TestApp;
  let grantId: number;
  let othersGrantId: number;

  beforeAll(async () => {
    t = await openTestApp();
    const f = followUpFactories(t);
    const mie = await f.mentor('Mie Mentor', 'mie');
    const ole = await f.mentor('Ole Mentor', 'ole');
    grantId = await f.course({ mentorId: mie, start: '2026-05-04', end: '2026-11-03' });
    othersGrantId = await f.course({ mentorId: ole, start: '2026-05-04', end: '2026-11-03' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('has default questions and lets a coordinator change them as a new version', async () => {
    const survey = (await t.as('mie').get('/api/surveys/citizen_end')).json();
    expect(survey.version).toBe(0);
    expect(survey.questions.map((q: { answerType: string }) => q.answerType)).toEqual(['scale', 'scale', 'scale', 'yes_no', 'free_text']);
    const bad = await t
      .as('coord')
      .put('/api/surveys/mentor_end', { questions: [{ code: 'x', textDa: 'Spørgsmål', textEn: 'Question', answerType: 'scale' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe('questions[0].scaleMin');
    expect((await t.as('cw').put('/api/surveys/mentor_end', { questions: survey.questions })).statusCode).toBe(403);
  });

  it('takes one citizen survey per course; a second is 409 CONFLICT', async () => {
    // 3 Nov 2026: the course ends; Mie enters the citizen's paper answers.
    const body = {
      kind: 'citizen_end',
      respondedOn: '2026-11-03',
      entryMode: 'paper',
      answers: { overall: 4, recommend: true, comment: 'Godt forløb' },
    };
    const first = await t.as('mie').post(`/api/grants/${grantId}/survey-responses`, body);
    expect(first.statusCode, first.body).toBe(201);
    const second = await t.as('cw').post(`/api/grants/${grantId}/survey-responses`, body);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('CONFLICT');
    // The mentor's assessment is a kind of its own.
    expect(
      (
        await t.as('mie').post(`/api/grants/${grantId}/survey-responses`, {
          kind: 'mentor_end',
          respondedOn: '2026-11-03',
          entryMode: 'self',
          answers: { goal_reached: 3 },
        })
      ).statusCode,
    ).toBe(201);
    const { responses } = (await t.as('cw').get(`/api/grants/${grantId}/survey-responses`)).json();
    expect(responses.map((r: { kind: string }) => r.kind).sort()).toEqual(['citizen_end', 'mentor_end']);
  });

  it('refuses an answer outside the scale (400) and a response on another mentor’s course (404)', async () => {
    const body = { kind: 'citizen_end', respondedOn: '2026-11-03', entryMode: 'paper', answers: { overall: 6 } };
    const outside = await t.as('cw').post(`/api/grants/${othersGrantId}/survey-responses`, body);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.field).toBe('answers.overall');
    expect((await t.as('mie').post(`/api/grants/${othersGrantId}/survey-responses`, { ...body, answers: { overall: 3 } })).statusCode).toBe(
      404,
    );
    expect((await t.db.query<{ n: number }>('select count(*) as n from survey_responses where grant_id = $1', [othersGrantId]))[0]!.n).toBe(
      0,
    );
  });

  it('computes attendance as attended ÷ planned logged contacts', async () => {
    // Five weekly meetings from 5 May; the citizen did not turn up on 19 May.
    const days = ['2026-05-05', '2026-05-12', '2026-05-19', '2026-05-26', '2026-06-02'];
    for (const day of days) {
      const r = await t
        .as('mie')
        .post(`/api/grants/${grantId}/contacts`, { at: `${day}T09:00:00Z`, minutes: 60, form: 'physical', attended: day !== '2026-05-19' });
      expect(r.statusCode, r.body).toBe(201);
    }
    const attendance = (await t.as('mie').get(`/api/grants/${grantId}/attendance`)).json();
    expect(attendance).toEqual({ grantId, planned: 5, attended: 4, missed: 1, share: 0.8 });
    expect((await t.as('mie').get(`/api/grants/${othersGrantId}/attendance`)).statusCode).toBe(404);
    expect((await t.as('boss').get(`/api/grants/${grantId}/attendance`)).statusCode).toBe(403);
  });
});
