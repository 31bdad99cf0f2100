import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { getGrantProgression } from '../use-cases/get-grant-progression.ts';
import { getWorklist } from '../use-cases/get-worklist.ts';
import { prepareDatabase } from '../use-cases/prepare-database.ts';
import { demoMunicipality } from './load-demo-municipality.ts';
import { demoUserContext } from './test-demo-user.ts';
import { reportAttendance } from '../use-cases/report-attendance.ts';
import type { UseCaseContext } from '../use-cases/use-case-context.ts';

// 24 Nov 2026: the demo municipality as loaded at first start.
describe('the demo follow-up data', () => {
  let db: Database;
  let ctxOf: (username: string) => Promise<UseCaseContext>;
  const now = new Date('2026-11-24T09:00:00Z');

  beforeAll(async () => {
    db = await openTestDatabase();
    await prepareDatabase(db, { demo: { when: 'always', loader: demoMunicipality }, adminPassword: null, log: () => {}, now });
    ctxOf = (username) => demoUserContext(db, username, now);
  });
  afterAll(async () => {
    await db.close();
  });

  it('seeds the default instrument once and measurements, surveys and no-shows', async () => {
    const instruments = await db.query<{ key: string }>('select key from instruments');
    expect(instruments).toEqual([{ key: 'bip-inspireret' }]);
    const [counts] = await db.query<{ measurements: number; responses: number; noShows: number }>(
      `select (select count(*) from measurements) as measurements, (select count(*) from survey_responses) as responses,
         (select count(*) from contacts where not attended) as "noShows"`,
    );
    expect(counts!.measurements).toBeGreaterThan(10);
    expect(counts!.responses).toBeGreaterThan(2);
    expect(counts!.noShows).toBeGreaterThan(2);
  });

  it('shows a flagged disagreement on an active course and a measurement due on the worklist', async () => {
    const sara = await ctxOf('sara');
    const items = (await getWorklist(sara)).items.filter((i) => i.kind === 'measurement_due');
    expect(items.length).toBeGreaterThan(0);
    const [amira] = await db.query<{ id: number }>(
      "select g.id from grants g join citizens c on c.id = g.citizen_id where c.name = 'Amira Hassan' and g.status = 'approved'",
    );
    const progression = await getGrantProgression(sara, amira!.id);
    expect(progression.instruments[0]!.disagreements.some((d) => d.flagged)).toBe(true);
    expect(progression.instruments[0]!.progress.some((p) => p.distanceTravelled !== null)).toBe(true);
  });

  it('has an attendance figure below 100 % for the demo courses', async () => {
    const report = await reportAttendance(await ctxOf('lars'), { firstStartFrom: '2015-01-01', firstStartTo: '2026-12-31', type: null });
    expect(report.total.share).not.toBeNull();
    expect(report.total.share!).toBeLessThan(1);
  });
});
