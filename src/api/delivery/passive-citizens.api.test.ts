import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedTestGrant, registerAktivitetsparatCitizen, registerTestMentor } from '../test-factories.ts';
import { openTestApp, type TestApp } from '../test-app.ts';

describe('passive citizens (STAR 2017 measure)', () => {
  let t: TestApp;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await openTestApp();
    const mentorId = await registerTestMentor(t);
    // Five aktivitetsparat citizens on 1 Jan 2016. Anna had a mentor in spring 2015, Bent an offer in
    // autumn 2015, Cecilie a mentor in 2013 (outside the 12 months), Dorte and Erik nothing.
    const people: [string, string][] = [
      ['Anna', '0101851111'],
      ['Bent', '0201751112'],
      ['Cecilie', '0301951113'],
      ['Dorte', '0401651114'],
      ['Erik', '0501901115'],
    ];
    for (const [name, cpr] of people) ids[name] = await registerAktivitetsparatCitizen(t, { cpr, name }, '2014-01-01');
    await approvedTestGrant(t, {
      citizenId: ids.Anna!,
      type: 'RET_OG_PLIGT',
      agreedOn: '2015-03-01',
      startDate: '2015-03-02',
      endDate: '2015-09-01',
      mentorId,
    });
    await t
      .as('cw')
      .post(`/api/citizens/${ids.Bent}/offers`, { type: 'virksomhedspraktik', startDate: '2015-10-01', endDate: '2015-11-30' });
    await t.as('cw').post(`/api/citizens/${ids.Cecilie}/offers`, { type: 'nytteindsats', startDate: '2013-01-07', endDate: '2013-03-29' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists citizens with neither offer nor mentor in the preceding 12 months, with counts and shares', async () => {
    const report = (await t.as('cw').get('/api/reports/passive-citizens?date=2016-01-01')).json();
    expect(report.windowStart).toBe('2015-01-02');
    expect(report.citizens.map((c: { name: string }) => c.name)).toEqual(['Cecilie', 'Dorte', 'Erik']);
    expect(report.total).toMatchObject({ total: 5, passive: 3, sharePassive: 0.6, shareWithEffort: 0.4 });
    const kh = report.byGroup.find((g: { key: string }) => g.key === 'kontanthjaelp_aktivitetsparat');
    expect(kh).toMatchObject({ total: 5, passive: 3 });
  });

  it('gives a manager aggregates only, with small cells suppressed (R-STAT-1)', async () => {
    const report = (await t.as('boss').get('/api/reports/passive-citizens?date=2016-01-01')).json();
    expect(report.citizens).toBeNull();
    // 3 passive of 5: cells below 5 are suppressed.
    expect(report.total).toMatchObject({ passive: null, total: 5, suppressed: true });
    expect(report.total.sharePassive).toBeNull();
  });

  it('answers 400 for a missing or impossible date', async () => {
    expect((await t.as('cw').get('/api/reports/passive-citizens')).statusCode).toBe(400);
    expect((await t.as('cw').get('/api/reports/passive-citizens?date=2016-02-30')).statusCode).toBe(400);
  });
});
