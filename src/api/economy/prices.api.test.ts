import { describe, expect, it } from 'vitest';
import { daysInclusive } from '../../domain/calendar-month.ts';
import { useEconomyTestApp } from './economy-test-factories.ts';

describe('prices and the cost of a grant through the API', () => {
  const app = useEconomyTestApp();

  /** A company mentor's wage cost from 1 January 2026, as the coordinator enters it. */
  const postWageCost = (mentorId: number, lines: { component: string; amountKr: number; per: 'hour' | 'month' }[]) =>
    app.t.as('coord').post(`/api/mentors/${mentorId}/wage-costs`, { validFrom: '2026-01-01', lines });
  const perHour = (component: string, amountKr: number) => ({ component, amountKr, per: 'hour' as const });

  it('a provider’s new price applies from its first day; the cost before keeps the old price', async () => {
    // 5 Jan – 4 Jul 2026, 2 hours a week with Mentorhuset (400 kr.); from 1 July the price is 450 kr.
    const providerId = await app.f.provider({ name: 'Mentorhuset ApS', type: 'external', hourlyRate: 400 });
    const grantId = await app.f.approvedGrant({
      citizenId: await app.f.citizen('kontanthjaelp_aktivitetsparat'),
      mentorId: await app.f.mentor(providerId),
      agreedOn: '2025-12-29',
      startDate: '2026-01-05',
      endDate: '2026-07-04',
    });
    const rate = await app.t.as('coord').post(`/api/providers/${providerId}/rates`, { hourlyRateKr: 450, validFrom: '2026-07-01' });
    expect(rate.statusCode, rate.body).toBe(201);
    const cost = (await app.t.as('cw').get(`/api/grants/${grantId}/cost`)).json();
    const perDayHours = 2 / 7;
    expect(cost.planned.hours).toBeCloseTo(daysInclusive('2026-01-05', '2026-07-04') * perDayHours, 2);
    expect(cost.planned.amountKr).toBeCloseTo(daysInclusive('2026-01-05', '2026-06-30') * perDayHours * 400 + 4 * perDayHours * 450, 2);
    expect(cost.byMonth.map((m: { month: string }) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
    ]);
    expect(cost.byMonth[6].plannedKr).toBeCloseTo(4 * perDayHours * 450, 2);
    expect(cost.delivered).toEqual({ hours: 0, amountKr: 0 });
    // A rate that starts before the latest one would rewrite history.
    const earlier = await app.t.as('coord').post(`/api/providers/${providerId}/rates`, { hourlyRateKr: 500, validFrom: '2026-03-01' });
    expect(earlier.statusCode).toBe(409);
    expect(earlier.json().error.details.field).toBe('validFrom');
  });

  it('the internal cost rate of the municipality’s own mentor wins over the team’s price list', async () => {
    const providerId = await app.f.provider({ name: 'Jobcentrets mentorteam', type: 'internal', hourlyRate: 390 });
    const mentorId = await app.f.mentor(providerId, 'Mads Mentor');
    const rate = await app.t
      .as('boss')
      .post(`/api/mentors/${mentorId}/rates`, { kind: 'internal_cost', hourlyRateKr: 310, validFrom: '2026-01-01' });
    expect(rate.statusCode, rate.body).toBe(201);
    const grantId = await app.f.approvedGrant({
      citizenId: await app.f.citizen('kontanthjaelp_aktivitetsparat'),
      mentorId,
      agreedOn: '2026-02-23',
      startDate: '2026-03-02',
      endDate: '2026-08-31',
      weeklyHours: 7,
    });
    const cost = (await app.t.as('cw').get(`/api/grants/${grantId}/cost`)).json();
    expect(cost.currentRate).toMatchObject({ hourlyRateKr: 310, source: 'mentor_internal_cost' });
    expect(cost.planned.amountKr).toBeCloseTo(daysInclusive('2026-03-02', '2026-08-31') * 310, 2);
  });

  it('R-CMP-2: a company mentor’s wage cost refuses overhead and travel, and prices the grant from the allowed components', async () => {
    const providerId = await app.f.provider({ name: 'Bageriet Solsikken A/S', type: 'company', hourlyRate: 185 });
    const mentorId = await app.f.mentor(providerId, 'Tove Bager');
    const refused = await postWageCost(mentorId, [
      perHour('wage', 165),
      perHour('overhead', 30),
      { component: 'travel', amountKr: 400, per: 'month' },
    ]);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.findings.map((x: { rule: string }) => x.rule)).toEqual(['R-CMP-2', 'R-CMP-2']);
    const accepted = await postWageCost(mentorId, [
      perHour('wage', 165),
      perHour('holiday_pay', 20.63),
      perHour('pension', 19.8),
      perHour('employer_contributions', 0.57),
    ]);
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({ hourlyCostKr: 206, validFrom: '2026-01-01', validTo: null });
    const grantId = await app.f.approvedGrant({
      citizenId: await app.f.citizen('fleksjob_ledighedsydelse'),
      mentorId,
      type: 'COMPANY',
      justification: 'Oplæringen går ud over virksomhedens sædvanlige introduktion og er afgørende for fastholdelsen.',
      agreedOn: '2026-02-23',
      startDate: '2026-03-02',
      endDate: '2026-08-31',
      weeklyHours: 7,
    });
    const cost = (await app.t.as('cw').get(`/api/grants/${grantId}/cost`)).json();
    expect(cost.currentRate).toMatchObject({ hourlyRateKr: 206, source: 'company_wage_cost' });
    expect(cost.planned.amountKr).toBeCloseTo(daysInclusive('2026-03-02', '2026-08-31') * 206, 2);
  });

  it('R-CMP-2: a wage cost is only for company and education-institution mentors', async () => {
    const providerId = await app.f.provider({ name: 'Mentorhuset Vest', type: 'external', hourlyRate: 425 });
    const mentorId = await app.f.mentor(providerId);
    const response = await postWageCost(mentorId, [perHour('wage', 165)]);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.field).toBe('mentorId');
  });

  it('R-CMP-3: a pladsmentor shares 6 hours a week among the two trainees linked to the place', async () => {
    // 2 Mar 2026: Erhvervsskolen Syd has one mentor for a place with two students, 6 hours a week for the place.
    const providerId = await app.f.provider({ name: 'Erhvervsskolen Syd', type: 'education', hourlyRate: 220 });
    const mentorId = await app.f.mentor(providerId, 'Ole Studievejleder');
    const grant = () =>
      app.f.citizen('uddannelseshjaelp_uddannelsesparat').then((citizenId) =>
        app.f.approvedGrant({
          citizenId,
          mentorId,
          type: 'EDUCATION_INST',
          justification: 'Støtten ligger ud over skolens sædvanlige vejledning og er afgørende for gennemførelsen.',
          agreedOn: '2026-02-23',
          startDate: '2026-03-02',
          endDate: '2026-08-31',
          weeklyHours: 6,
        }),
      );
    const grantIds = [await grant(), await grant()];
    const place = await app.t.as('coord').post('/api/place-mentors', {
      name: 'Pladsmentor, tømrerlinjen',
      providerId,
      mentorId,
      weeklyHours: 6,
      startDate: '2026-03-02',
      endDate: '2026-08-31',
      grantIds,
    });
    expect(place.statusCode, place.body).toBe(201);
    expect(place.json()).toMatchObject({ weeklyHours: 6, grantIds });
    const cost = (await app.t.as('cw').get(`/api/grants/${grantIds[0]}/cost`)).json();
    expect(cost.weeklyHours).toBe(3);
    expect(cost.planned.amountKr).toBeCloseTo((daysInclusive('2026-03-02', '2026-08-31') * 3 * 220) / 7, 2);
    // A grant belongs to one place only.
    const again = await app.t.as('coord').post('/api/place-mentors', {
      name: 'Anden plads',
      providerId,
      weeklyHours: 2,
      startDate: '2026-03-02',
      endDate: '2026-08-31',
      grantIds: [grantIds[0]],
    });
    expect(again.statusCode).toBe(409);
  });

  it('R-CMP-3: a place needs linked persons whose grants are company or institution mentors', async () => {
    const providerId = await app.f.provider({ name: 'Virksomheden Nord', type: 'company', hourlyRate: 200 });
    const empty = await app.t.as('coord').post('/api/place-mentors', {
      name: 'Tom plads',
      providerId,
      weeklyHours: 4,
      startDate: '2026-03-02',
      endDate: '2026-08-31',
      grantIds: [],
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.details.findings[0].rule).toBe('R-CMP-3');
    const generalGrant = await app.f.approvedGrant({
      citizenId: await app.f.citizen('kontanthjaelp_aktivitetsparat'),
      mentorId: await app.f.mentor(providerId),
      agreedOn: '2026-02-23',
      startDate: '2026-03-02',
      endDate: '2026-08-31',
    });
    const wrongType = await app.t.as('coord').post('/api/place-mentors', {
      name: 'Forkert plads',
      providerId,
      weeklyHours: 4,
      startDate: '2026-03-02',
      endDate: '2026-08-31',
      grantIds: [generalGrant],
    });
    expect(wrongType.statusCode).toBe(422);
    const places = await app.t.db.query('select id from place_mentors where name in ($1, $2)', ['Tom plads', 'Forkert plads']);
    expect(places).toEqual([]);
  });
});
