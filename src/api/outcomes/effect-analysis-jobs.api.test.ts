import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectAnalysesRepository } from '../../db/repositories/effect-analyses-repository.ts';
import { municipalitiesRepository } from '../../db/repositories/municipalities-repository.ts';
import { failInterruptedEffectAnalyses } from '../../use-cases/fail-interrupted-effect-analyses.ts';
import { openTestApp, type TestApp } from '../test-app.ts';

/**
 * Issue 6 point 5: analysis jobs are rows in `effect_analyses`, so they outlive the server process.
 * 1 Dec 2026: the server stops while an analysis is at 40 % (loading 2015-Q1); another finished earlier.
 * At the next start (`failInterruptedEffectAnalyses`, run by start-mentorspor.ts) the first shows as
 * failed with the reason, the finished one keeps its results.
 */
describe('effect-analysis jobs kept in the database', () => {
  let t: TestApp;
  const running = '0b6c1a52-5d8f-4c1e-9a55-1f2e3d4c5b6a';
  const finished = '7d2e4f60-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
  const elsewhere = '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a';
  beforeAll(async () => {
    t = await openTestApp();
    const [boss] = await t.db.query<{ id: number }>(`select id from users where username = 'boss'`);
    const jobs = effectAnalysesRepository(t.db);
    await jobs.create({ id: running, municipalityId: t.municipalityId, parameters: { type: 'RET_OG_PLIGT' }, createdBy: boss!.id });
    await jobs.updateProgress({ id: running, phase: 'loading 2015-Q1', progress: 0.4 });
    await jobs.create({ id: finished, municipalityId: t.municipalityId, parameters: { type: 'RET_OG_PLIGT' }, createdBy: boss!.id });
    await jobs.finish({ id: finished, results: [{ outcome: 'employment', estimate: 0.021 }] });
    const other = await municipalitiesRepository(t.db).create({ code: 'other', name: 'Anden Kommune', settings: {} });
    await jobs.create({ id: elsewhere, municipalityId: other.id, parameters: {}, createdBy: null });
  });
  afterAll(async () => {
    await t.close();
  });

  it('marks the interrupted job failed with a clear reason at start-up and keeps the finished one', async () => {
    expect(await failInterruptedEffectAnalyses(t.db)).toBe(2);
    expect((await t.as('boss').get(`/api/analyses/${running}`)).json()).toMatchObject({
      status: 'failed',
      errorCode: 'INTERRUPTED',
      progress: 0.4,
      phase: null,
      error: expect.stringMatching(/server stopped/),
    });
    expect((await t.as('boss').get(`/api/analyses/${finished}`)).json()).toMatchObject({
      status: 'done',
      progress: 1,
      results: [{ outcome: 'employment', estimate: 0.021 }],
    });
  });

  it("lists the municipality's analyses, newest first, and hides another municipality's", async () => {
    const list = (await t.as('boss').get('/api/analyses')).json() as { id: string; results: unknown[] }[];
    expect(list.map((a) => a.id)).toEqual([finished, running]);
    expect(list.every((a) => a.results.length === 0)).toBe(true);
    expect((await t.as('boss').get(`/api/analyses/${elsewhere}`)).statusCode).toBe(404);
  });

  it('stores a failed run with its reason when there is nobody to compare (no first courses in the period)', async () => {
    const started = await t
      .as('boss')
      .post('/api/analyses/effect', { type: 'RET_OG_PLIGT', firstStartFrom: '2016-01-01', firstStartTo: '2016-03-31', horizonMonths: 7 });
    expect(started.statusCode).toBe(202);
    let analysis = (await t.as('boss').get(`/api/analyses/${started.json().id}`)).json();
    for (let i = 0; i < 100 && analysis.status === 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      analysis = (await t.as('boss').get(`/api/analyses/${started.json().id}`)).json();
    }
    expect(analysis).toMatchObject({
      status: 'failed',
      errorCode: 'FAILED',
      error: expect.stringMatching(/no treated/),
      parameters: { firstStartFrom: '2016-01-01' },
    });
  });

  it('refuses a period that ends before it starts and a mentor asking for analyses', async () => {
    const backwards = await t
      .as('boss')
      .post('/api/analyses/effect', { type: 'RET_OG_PLIGT', firstStartFrom: '2016-03-31', firstStartTo: '2016-01-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details).toEqual({ field: 'firstStartTo' });
    await t.createUser('mentor1', 'mentor');
    expect((await t.as('mentor1').get(`/api/analyses/${finished}`)).statusCode).toBe(403);
  });
});
