import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../test-app.ts';

/** Issue 14: the admin's settings page reads and writes every municipal and economy setting, validated per field. */
describe('municipal settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the norms and the economy settings with their defaults', async () => {
    const settings = (await t.as('admin').get('/api/municipality/settings')).json();
    expect(settings).toMatchObject({
      suppressionThreshold: 5,
      auditRetentionMonths: 6,
      hoursShortfallTolerance: 0.2,
      invoiceToleranceHours: 0.5,
      invoiceToleranceShare: 0.1,
      forecastLookbackMonths: 3,
    });
  });

  it('stores valid changes of both kinds, and the economy reads them', async () => {
    // 1 Dec 2026: the municipality tightens the invoice tolerance and keeps the access log 12 months.
    const response = await t.as('admin').put('/api/municipality/settings', {
      invoiceToleranceHours: 0.25,
      invoiceToleranceShare: 0.05,
      auditRetentionMonths: 12,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      invoiceToleranceHours: 0.25,
      invoiceToleranceShare: 0.05,
      auditRetentionMonths: 12,
      suppressionThreshold: 5,
    });
    expect((await t.as('boss').get('/api/municipality/settings')).json()).toMatchObject({
      invoiceToleranceHours: 0.25,
      auditRetentionMonths: 12,
    });
    const audit = (await t.as('admin').get('/api/audit?action=update')).json().entries as { entity: string; criterion: string }[];
    expect(audit[0]).toMatchObject({
      entity: 'municipal_settings',
      criterion: 'auditRetentionMonths,invoiceToleranceHours,invoiceToleranceShare',
    });
  });

  it('refuses invalid values with one problem per field and stores nothing', async () => {
    const response = await t.as('admin').put('/api/municipality/settings', {
      suppressionThreshold: 0,
      invoiceToleranceShare: 1.5,
      auditRetentionMonths: 2.5,
      monthConvention: 'lunar',
      retOgPligtGraceDays: '14',
      colour: 'blue',
    });
    expect(response.statusCode).toBe(400);
    const { code, details } = response.json().error;
    expect(code).toBe('INVALID_INPUT');
    expect(details.fields).toEqual([
      { field: 'colour', reason: 'UNKNOWN_SETTING' },
      { field: 'monthConvention', reason: 'NOT_ONE_OF', values: ['calendar', 'weeks26'] },
      { field: 'retOgPligtGraceDays', reason: 'NOT_WHOLE_NUMBER_IN_RANGE', min: 0, max: 90 },
      { field: 'suppressionThreshold', reason: 'NOT_WHOLE_NUMBER_IN_RANGE', min: 1, max: 100 },
      { field: 'auditRetentionMonths', reason: 'NOT_WHOLE_NUMBER_IN_RANGE', min: 1, max: 120 },
      { field: 'invoiceToleranceShare', reason: 'NOT_NUMBER_IN_RANGE', min: 0, max: 1 },
    ]);
    expect(details.errors).toContain('suppressionThreshold must be a whole number from 1 to 100');
    const after = (await t.as('admin').get('/api/municipality/settings')).json();
    expect(after).toMatchObject({
      suppressionThreshold: 5,
      invoiceToleranceShare: 0.05,
      auditRetentionMonths: 12,
      monthConvention: 'calendar',
    });
    expect(after.colour).toBeUndefined();
  });

  it('is changed by the admin only', async () => {
    expect((await t.as('coord').put('/api/municipality/settings', { suppressionThreshold: 3 })).statusCode).toBe(403);
    expect((await t.as('admin').get('/api/municipality/settings')).json().suppressionThreshold).toBe(5);
  });
});
