import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../test-app.ts';
import { followUpFactories } from './follow-up-test-factories.ts';

// Today in the test app is 24 Nov 2026.
describe('progression measurements on a course', () => {
  let t: TestApp;
  let mieId: number;
  let grantId: number;
  let othersGrantId: number;
  const count = async (table: string) => (await t.db.query<{ n: number }>(`select count(*) as n from ${table}`))[0]!.n;

  beforeAll(async () => {
    t = await openTestApp();
    const f = followUpFactories(t);
    mieId = await f.mentor('Mie Mentor', 'mie');
    const otherId = await f.mentor('Ole Mentor', 'ole');
    // 4 May 2026: a ret-og-pligt course with Mie until 3 Nov; another with Ole.
    grantId = await f.course({ mentorId: mieId, start: '2026-05-04', end: '2026-11-03' });
    othersGrantId = await f.course({ mentorId: otherId, start: '2026-06-01', end: '2026-11-30' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('has the default BIP-inspired instrument with its own wording and a licence note (§5.1, §5.4)', async () => {
    const { instruments } = (await t.as('boss').get('/api/instruments')).json();
    expect(instruments).toHaveLength(1);
    const [bip] = instruments;
    expect(bip).toMatchObject({ key: 'bip-inspireret', version: 1, cadenceMonths: 3, disagreementThreshold: 2, isDefault: true });
    expect(bip.name).toContain('BIP-inspireret, egen formulering');
    expect(bip.licenceNote).toContain('Outcomes Star');
    expect(bip.indicators.filter((x: { respondents: string[] }) => x.respondents.includes('citizen'))).toHaveLength(7);
    expect(bip.indicators.find((x: { code: string }) => x.code === 'caseworker_job_belief').respondents).toEqual(['caseworker']);
  });

  it('refuses a value outside the scale with 400 INVALID_INPUT and stores nothing', async () => {
    const response = await t.as('mie').post(`/api/grants/${grantId}/measurements`, {
      measuredOn: '2026-05-04',
      respondent: 'citizen',
      entryMode: 'in_person',
      values: { job_search: 2, cooperation: 9 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'values.cooperation' } });
    expect(await count('measurements')).toBe(0);
    expect(await count('measurement_values')).toBe(0);
  });

  it("does not let a mentor measure on another mentor's course (404) nor a manager at all (403)", async () => {
    const body = { measuredOn: '2026-06-02', respondent: 'citizen', entryMode: 'paper', values: { job_search: 2 } };
    expect((await t.as('mie').post(`/api/grants/${othersGrantId}/measurements`, body)).statusCode).toBe(404);
    expect((await t.as('mie').get(`/api/grants/${othersGrantId}/progression`)).statusCode).toBe(404);
    expect((await t.as('boss').post(`/api/grants/${othersGrantId}/measurements`, body)).statusCode).toBe(403);
    expect((await t.as('boss').get(`/api/grants/${othersGrantId}/progression`)).statusCode).toBe(403);
  });

  it("does not let a mentor enter the caseworker's answers", async () => {
    const response = await t.as('mie').post(`/api/grants/${grantId}/measurements`, {
      measuredOn: '2026-05-04',
      respondent: 'caseworker',
      entryMode: 'self',
      values: { caseworker_job_belief: 2 },
    });
    expect(response.statusCode).toBe(403);
  });

  it('shows first vs latest, distance travelled and flagged disagreement', async () => {
    const mie = t.as('mie');
    // 4 May: the citizen answers on paper, job search 2 and health 5; Mie sees health at 2 (−3 → flagged).
    expect(
      (
        await mie.post(`/api/grants/${grantId}/measurements`, {
          measuredOn: '2026-05-04',
          respondent: 'citizen',
          entryMode: 'paper',
          values: { job_search: 2, health_coping: 5 },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await mie.post(`/api/grants/${grantId}/measurements`, {
          measuredOn: '2026-05-05',
          respondent: 'mentor',
          entryMode: 'self',
          values: { job_search: 2, health_coping: 2 },
        })
      ).statusCode,
    ).toBe(201);
    // 3 Aug (round 1): job search 4 and health 4 by the citizen, Mie says job search 3.
    expect(
      (
        await mie.post(`/api/grants/${grantId}/measurements`, {
          measuredOn: '2026-08-03',
          respondent: 'citizen',
          entryMode: 'in_person',
          values: { job_search: 4, health_coping: 4 },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await mie.post(`/api/grants/${grantId}/measurements`, {
          measuredOn: '2026-08-03',
          respondent: 'mentor',
          entryMode: 'self',
          values: { job_search: 3 },
        })
      ).statusCode,
    ).toBe(201);

    const progression = (await t.as('cw').get(`/api/grants/${grantId}/progression`)).json();
    const [bip] = progression.instruments;
    expect(bip.measurements).toHaveLength(4);
    expect(bip.measurements[0]).toMatchObject({
      respondent: 'citizen',
      entryMode: 'paper',
      enteredByName: 'mie',
      enteredByRole: 'mentor',
      round: 0,
    });
    const citizenJobSearch = bip.progress.find(
      (p: { code: string; respondent: string }) => p.code === 'job_search' && p.respondent === 'citizen',
    );
    expect(citizenJobSearch).toMatchObject({ first: { value: 2 }, latest: { value: 4 }, distanceTravelled: 2 });
    const health = bip.progress.find((p: { code: string; respondent: string }) => p.code === 'health_coping' && p.respondent === 'citizen');
    expect(health.distanceTravelled).toBe(-1);
    expect(bip.disagreements).toEqual([
      { round: 0, code: 'job_search', citizen: 2, mentor: 2, difference: 0, flagged: false },
      { round: 0, code: 'health_coping', citizen: 5, mentor: 2, difference: -3, flagged: true },
      { round: 1, code: 'job_search', citizen: 4, mentor: 3, difference: -1, flagged: false },
    ]);
    expect(bip.due).toBeNull();
    const audit = await t.db.query<{ n: number }>(
      "select count(*) as n from audit_log where entity = 'measurement' and action = 'read' and username = 'cw'",
    );
    expect(audit[0]!.n).toBeGreaterThan(0);
  });

  it('lists "måling forfalden" for the mentor of an active course without a measurement this round', async () => {
    const f = followUpFactories(t);
    // 10 Aug 2026: an active course; round 1 was due on 10 Nov and nothing has been measured.
    const active = await f.course({ mentorId: mieId, start: '2026-08-10', end: '2027-02-09' });
    const items = (await t.as('mie').get('/api/worklist')).json().items as { kind: string; grantId: number; dueDate: string }[];
    expect(items.find((i) => i.kind === 'measurement_due' && i.grantId === active)).toMatchObject({ dueDate: '2026-11-10' });
    await t.as('mie').post(`/api/grants/${active}/measurements`, {
      measuredOn: '2026-11-20',
      respondent: 'citizen',
      entryMode: 'in_person',
      values: { goal_orientation: 3 },
    });
    const after = (await t.as('mie').get('/api/worklist')).json().items as { kind: string; grantId: number }[];
    expect(after.some((i) => i.kind === 'measurement_due' && i.grantId === active)).toBe(false);
  });
});

describe('instrument versions', () => {
  let t: TestApp;
  let grantId: number;
  const definition = {
    name: 'Hverdagsskala',
    licenceNote: 'Kommunens egen',
    cadenceMonths: 2,
    disagreementThreshold: 3,
    indicators: [
      {
        code: 'structure',
        labelDa: 'Struktur i hverdagen',
        labelEn: 'Structure in everyday life',
        respondents: ['citizen', 'mentor'],
        scaleMin: 0,
        scaleMax: 10,
        anchors: [
          { value: 0, da: 'Ingen', en: 'None' },
          { value: 10, da: 'Fuld', en: 'Full' },
        ],
      },
    ],
  };

  beforeAll(async () => {
    t = await openTestApp();
    const f = followUpFactories(t);
    const mentorId = await f.mentor('Mie Mentor', 'mie');
    grantId = await f.course({ mentorId, start: '2026-09-01', end: '2027-02-28' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('validates a new instrument: min < max, unique codes, labels present', async () => {
    const bad = {
      ...definition,
      indicators: [
        { ...definition.indicators[0], scaleMin: 10, scaleMax: 0, anchors: [] },
        { ...definition.indicators[0], labelDa: '', anchors: [] },
      ],
    };
    const response = await t.as('coord').post('/api/instruments', bad);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.problems.map((p: { field: string }) => p.field)).toEqual([
      'indicators[0].scaleMin',
      'indicators[1].code',
      'indicators[1].labelDa',
    ]);
    expect((await t.as('cw').post('/api/instruments', definition)).statusCode).toBe(403);
  });

  it('edits an unused version in place, but a used version only through a new version', async () => {
    const created = (await t.as('coord').post('/api/instruments', definition)).json();
    expect(created).toMatchObject({ key: 'hverdagsskala', version: 1, measurementCount: 0 });
    const edited = await t.as('coord').put(`/api/instruments/${created.id}`, { ...definition, cadenceMonths: 3 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().cadenceMonths).toBe(3);

    expect(
      (
        await t.as('cw').post(`/api/grants/${grantId}/measurements`, {
          measuredOn: '2026-09-01',
          respondent: 'citizen',
          entryMode: 'in_person',
          instrumentId: created.id,
          values: { structure: 4 },
        })
      ).statusCode,
    ).toBe(201);
    const refused = await t.as('coord').put(`/api/instruments/${created.id}`, { ...definition, cadenceMonths: 6 });
    expect(refused.statusCode).toBe(409);
    // The database refuses it too, whoever asks.
    await expect(t.db.query('update instruments set cadence_months = 6 where id = $1', [created.id])).rejects.toThrow(/immutable/);
    await expect(t.db.query("update instrument_indicators set label_da = 'x' where instrument_id = $1", [created.id])).rejects.toThrow(
      /immutable/,
    );

    const v2 = await t.as('admin').post('/api/instruments', { ...definition, cadenceMonths: 6, basedOn: created.id });
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ key: 'hverdagsskala', version: 2, cadenceMonths: 6 });
    const old = await t.as('cw').post(`/api/grants/${grantId}/measurements`, {
      measuredOn: '2026-11-02',
      respondent: 'citizen',
      entryMode: 'in_person',
      instrumentId: created.id,
      values: { structure: 6 },
    });
    expect(old.statusCode).toBe(409);
    expect(
      (
        await t.as('cw').post(`/api/grants/${grantId}/measurements`, {
          measuredOn: '2026-11-02',
          respondent: 'citizen',
          entryMode: 'in_person',
          instrumentId: v2.json().id,
          values: { structure: 6 },
        })
      ).statusCode,
    ).toBe(201);
    // Distance travelled follows the indicator code across versions: 4 → 6.
    const progression = (await t.as('cw').get(`/api/grants/${grantId}/progression`)).json();
    const own = progression.instruments.find((i: { instrument: { key: string } }) => i.instrument.key === 'hverdagsskala');
    expect(own.instrument.version).toBe(2);
    expect(
      own.progress.find((p: { code: string; respondent: string }) => p.code === 'structure' && p.respondent === 'citizen')
        .distanceTravelled,
    ).toBe(2);
  });
});
