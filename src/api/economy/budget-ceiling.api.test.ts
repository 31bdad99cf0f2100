import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../documents/test-pdf-text.ts';
import { openTestApp, type TestApp } from '../test-app.ts';

/** Issue 13: the 2026 economy overview against the LAB § 203 a ceiling (R-FIN-5), the draft rate unverified. */
describe('the LAB § 203 a ceiling on the 2026 economy overview', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the ceiling from the municipality’s full-time persons × the draft rate, marked unverified', async () => {
    // 4 Dec 2026: the manager enters 2,350 full-time persons in § 6 nr. 1–10 and 14.8 M kr. of other guidance.
    const put = await t
      .as('boss')
      .put('/api/municipality/frames/2026', { refundFrame: 0, budget: 10_200_000, fullTimePersons: 2350, otherGuidanceSpend: 14_800_000 });
    expect(put.statusCode, put.body).toBe(200);
    const overview = (await t.as('boss').get('/api/economy/2026?asOf=2026-12-04')).json();
    expect(overview.budgetCeiling).toMatchObject({
      fullTimePersons: 2350,
      ratePerFteKr: 10_602,
      ceilingKr: 24_914_700,
      otherGuidanceSpendKr: 14_800_000,
      rateVerified: false,
      rateSourceNote: null,
    });
    // The PDF for the city council carries the same figures, the rate marked as not confirmed.
    const pdf = await pdfText((await t.as('boss').get('/api/economy/2026.pdf?asOf=2026-12-04')).rawPayload);
    expect(pdf).toContain('Loft efter LAB § 203 a (2.350 fuldtidspersoner × 10.602,00 kr., sats ikke bekræftet) 24.914.700,00 kr.');
  });

  it('lets an admin confirm the rate only with a source note, audited; then the overview shows it as verified', async () => {
    const regime = (await t.as('admin').get('/api/regimes')).json().regimes.find((r: { id: string }) => r.id === 'REFORM-2026a');
    const put = (parameters: Record<string, unknown>) =>
      t.as('admin').put('/api/regimes/REFORM-2026a', {
        validFrom: regime.validFrom,
        validTo: regime.validTo,
        parameters: { ...regime.parameters, ...parameters },
      });
    const noSource = await put({ budgetCeilingRateVerified: true });
    expect(noSource.statusCode).toBe(400);
    expect(noSource.json().error.details.errors.join()).toContain('budgetCeilingRateSourceNote');
    const confirmed = await put({
      budgetCeilingRatePerFte: 10_800,
      budgetCeilingRateVerified: true,
      budgetCeilingRateSourceNote: 'STAR: udmeldt sats 2026, brev af 1. december 2026',
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const audit = await t.db.query<{ username: string; criterion: string }>(
      `select username, criterion from audit_log where entity = 'legal_regime' order by id`,
    );
    expect(audit.at(-1)).toEqual({
      username: 'admin',
      criterion: 'regime:REFORM-2026a; R-FIN-5 rate 10800 confirmed: STAR: udmeldt sats 2026, brev af 1. december 2026',
    });
    const overview = (await t.as('boss').get('/api/economy/2026?asOf=2026-12-04')).json();
    expect(overview.budgetCeiling).toMatchObject({
      ratePerFteKr: 10_800,
      ceilingKr: 25_380_000,
      rateVerified: true,
      rateSourceNote: 'STAR: udmeldt sats 2026, brev af 1. december 2026',
    });
  });

  it('has no ceiling before 2026', async () => {
    await t.as('boss').put('/api/municipality/frames/2025', { refundFrame: 0, budget: 1, fullTimePersons: 2350 });
    expect((await t.as('boss').get('/api/economy/2025?asOf=2025-12-31')).json().budgetCeiling).toBeNull();
  });
});
