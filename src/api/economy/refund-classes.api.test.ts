import { beforeAll, describe, expect, it } from 'vitest';
import { useEconomyTestApp } from './economy-test-factories.ts';

/**
 * R-FIN-1 / R-FIN-2 / R-FIN-4 at the regime boundaries, through the grant check the caseworker's wizard
 * calls: the refund class follows the citizen's target group on the agreement date under the regime of
 * that date (domain spec §1.5).
 */
describe('refund class by regime and target group at the boundaries', () => {
  const app = useEconomyTestApp();
  let mentorId: number;
  const citizens = new Map<string, number>();

  async function check(group: string, agreedOn: string): Promise<{ regime: string; refundClass: string }> {
    if (!citizens.has(group)) citizens.set(group, await app.f.citizen(group, '2014-01-01'));
    const response = await app.t.as('cw').post('/api/grants/check', {
      citizenId: citizens.get(group),
      type: 'GENERAL',
      agreedOn,
      startDate: agreedOn,
      endDate: agreedOn,
      weeklyHours: 2,
      goal: 'Fastholdelse',
      tasks: ['Samtaler'],
      mentorId,
      complaintGuidance: true,
      needAssessment: 'Behov vurderet',
      citizenConsent: true,
    });
    expect(response.statusCode, response.body).toBe(200);
    const { regime, refundClass } = response.json();
    return { regime, refundClass };
  }

  beforeAll(async () => {
    mentorId = await app.f.mentor(await app.f.provider({ name: 'Mentorhuset ApS', type: 'external', hourlyRate: 400 }));
  });

  it('2015-12-31 → 2016-01-01: LAB-2014 to LAB-2016, refund classes unchanged (§ 121 a → § 118)', async () => {
    expect(await check('kontanthjaelp_aktivitetsparat', '2015-12-31')).toEqual({ regime: 'LAB-2014', refundClass: 'inside_frame' });
    expect(await check('kontanthjaelp_aktivitetsparat', '2016-01-01')).toEqual({ regime: 'LAB-2016', refundClass: 'inside_frame' });
    expect(await check('ressourceforloeb', '2015-12-31')).toEqual({ regime: 'LAB-2014', refundClass: 'outside_frame' });
    expect(await check('ressourceforloeb', '2016-01-01')).toEqual({ regime: 'LAB-2016', refundClass: 'outside_frame' });
    expect(await check('dagpenge', '2015-12-31')).toEqual({ regime: 'LAB-2014', refundClass: 'none' });
    expect(await check('kontanthjaelp_jobparat', '2016-01-01')).toEqual({ regime: 'LAB-2016', refundClass: 'none' });
  });

  it('2015-12-31 → 2016-01-01: non-refundable costs move from function 5.68.98.019 to 5.68.90.018 (E9)', async () => {
    const regimes = (await app.t.as('coord').get('/api/regimes')).json().regimes as {
      id: string;
      parameters: { accountingFunctionNonRefundable: string };
    }[];
    const functionOf = (id: string) => regimes.find((r) => r.id === id)!.parameters.accountingFunctionNonRefundable;
    expect(functionOf('LAB-2014')).toBe('5.68.98.019');
    expect(functionOf('LAB-2016')).toBe('5.68.90.018');
  });

  it('2018-12-31 → 2019-01-01: the direct refund ends for aktivitetsparat citizens and ressourceforløb (R-FIN-4, R-FIN-6)', async () => {
    expect(await check('kontanthjaelp_aktivitetsparat', '2018-12-31')).toEqual({ regime: 'LAB-2016', refundClass: 'inside_frame' });
    expect(await check('kontanthjaelp_aktivitetsparat', '2019-01-01')).toEqual({ regime: 'LAB-2019', refundClass: 'none' });
    expect(await check('uddannelseshjaelp_aktivitetsparat', '2018-12-31')).toEqual({ regime: 'LAB-2016', refundClass: 'inside_frame' });
    expect(await check('uddannelseshjaelp_aktivitetsparat', '2019-01-01')).toEqual({ regime: 'LAB-2019', refundClass: 'none' });
    expect(await check('ressourceforloeb', '2019-01-01')).toEqual({ regime: 'LAB-2019', refundClass: 'none' });
  });

  it('2019-06-30 → 2019-07-01: sygedagpenge keep the refund until 30 June; dagpenge keep 50 % within the rådighedsbeløb on both sides (R-FIN-6)', async () => {
    expect(await check('sygedagpenge', '2019-06-30')).toEqual({ regime: 'LAB-2019', refundClass: 'inside_frame' });
    expect(await check('sygedagpenge', '2019-07-01')).toEqual({ regime: 'LAB-2019', refundClass: 'none' });
    expect(await check('dagpenge', '2019-06-30')).toEqual({ regime: 'LAB-2019', refundClass: 'inside_frame' });
    expect(await check('dagpenge', '2019-07-01')).toEqual({ regime: 'LAB-2019', refundClass: 'inside_frame' });
  });

  it('2026: a general mentor for an aktivitetsparat cash-benefit recipient has refund class none; for a dagpenge recipient 50 % (R-FIN-6)', async () => {
    expect(await check('kontanthjaelp_aktivitetsparat', '2026-12-04')).toEqual({ regime: 'REFORM-2026a', refundClass: 'none' });
    expect(await check('dagpenge', '2026-12-04')).toEqual({ regime: 'REFORM-2026a', refundClass: 'inside_frame' });
  });
});
