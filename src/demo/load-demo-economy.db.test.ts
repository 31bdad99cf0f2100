import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { getEconomyOverview } from '../use-cases/get-economy-overview.ts';
import { prepareDatabase } from '../use-cases/prepare-database.ts';
import { demoMunicipality } from './load-demo-municipality.ts';
import { demoUserContext } from './test-demo-user.ts';
import type { UseCaseContext } from '../use-cases/use-case-context.ts';

describe('the demo economy', () => {
  let db: Database;
  let manager: UseCaseContext;
  const now = new Date('2026-11-24T09:00:00Z');

  beforeAll(async () => {
    db = await openTestDatabase();
    await prepareDatabase(db, { demo: { when: 'always', loader: demoMunicipality }, adminPassword: null, log: () => {}, now });
    manager = await demoUserContext(db, 'lars', now);
  });
  afterAll(async () => {
    await db.close();
  });

  it('has frames and budgets for 2015, 2025 and 2026, and invoices approved by two people and on the worklist', async () => {
    const frames = await db.query<{ year: number }>('select year from refund_frames order by year');
    expect(frames.map((f) => f.year)).toEqual([2015, 2025, 2026]);
    const invoices = await db.query<{ status: string; attested_by: number | null; approved_by: number | null }>(
      'select status, attested_by, approved_by from invoices order by period_from',
    );
    expect(invoices.map((i) => i.status)).toEqual(['approved', 'received']);
    expect(invoices[0]!.attested_by).not.toBe(invoices[0]!.approved_by);
  });

  it('shows a non-empty 2026 overview and Cabi’s 10 % in 2015', async () => {
    const overview = await getEconomyOverview(manager, { year: 2026 });
    expect(overview.spend).toBeGreaterThan(0);
    expect(overview.forecast.expected).toBeGreaterThanOrEqual(overview.spend);
    expect(overview.byProviderType.length).toBeGreaterThan(2);
    expect(overview.budgetCeiling?.fullTimePersons).toBe(2350);
    expect((await getEconomyOverview(manager, { year: 2015 })).overFramePercent).toBe(10);
  });
});
