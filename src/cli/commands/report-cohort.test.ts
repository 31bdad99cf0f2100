import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDataDir } from '../../db/test-database.ts';
import { prepareDatabase } from '../../use-cases/prepare-database.ts';
import { runCli, runCliProcess } from '../test-run-cli.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'report-cli-'));

/** In this process (src/cli/test-run-cli.ts); `cliProcess` runs the same as `node bin/mentorspor.js report …`. */
const cli = (args: string[]) =>
  runCli(['report', ...args], { MENTORSPOR_DATA_DIR: dataDir, MENTORSPOR_DEMO: '0', DATABASE_URL: undefined });
const cliProcess = (args: string[]) =>
  runCliProcess(['report', ...args], { MENTORSPOR_DATA_DIR: dataDir, MENTORSPOR_DEMO: '0', DATABASE_URL: undefined });

describe('mentorspor report (CLI)', () => {
  beforeAll(async () => {
    // An embedded database as `npm start` leaves it, with six citizens under 30 whose first ret-og-pligt
    // course began on 2 Mar 2015: five still on cash benefit 7 months later, one in education.
    const db = await openTestDataDir(join(dataDir, 'pglite'));
    await prepareDatabase(db, { demo: 'never', adminPassword: 'admin-password-1', log: () => {}, now: new Date('2026-12-01T10:00:00Z') });
    const [m] = await db.query<{ id: number }>('select id from municipalities limit 1');
    await db.query(
      `with people as (
         insert into citizens (municipality_id, cpr, birth_date, name) select $1, '01019' || (0 + i) || '1234', date '1990-01-01', 'Borger ' || i
         from generate_series(1, 6) as i returning id
       ), courses as (
         insert into grants (municipality_id, citizen_id, type, status, regime_id, refund_class, agreed_on, start_date, end_date, weekly_hours, goal, complaint_guidance, approved_at)
         select $1, id, 'RET_OG_PLIGT', 'approved', 'LAB-2014', 'inside_frame', '2015-02-23', '2015-03-02', '2015-08-30', 1.5, 'Mål', true, now() from people returning citizen_id
       )
       insert into register_status_spells (municipality_id, citizen_id, category, from_week, to_week)
       select $1, citizen_id, case when citizen_id = (select min(citizen_id) from courses) then 'EDUCATION' else 'CASH_BENEFIT_SAME' end,
              week_index('2015-01-05'), week_index('2016-06-27') from courses`,
      [m!.id],
    );
    await db.query(`update municipalities set settings = settings || '{"suppressionThreshold": 1}'::jsonb`);
    await db.close();
  });

  it('prints the outcome-status JSON of the API', async () => {
    const out = await cli([
      'outcome-status',
      '--first-start-from',
      '2015-01-01',
      '--first-start-to',
      '2015-12-31',
      '--type',
      'RET_OG_PLIGT',
      '--json',
    ]);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout);
    const under30 = report.groups.find((g: { key: string }) => g.key === 'under30');
    expect(under30.total).toBe(6);
    expect(under30.categories).toMatchObject({ kontanthjaelp: 5, uddannelse: 1, beskaeftigelse: 0 });
  });

  it('prints any report as a readable table', async () => {
    const out = await cli(['mentor-duration', '--first-start-from', '2015-01-01', '--first-start-to', '2015-12-31', '--target-groups', '']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Samlet varighed af mentorforløb pr. borger');
    expect(out.stdout).toMatch(/3–6 mdr\.\s+6 \(100 %\)/);
  });

  it('exits 2 with a clear message for an unknown report or a bad date', async () => {
    const unknown = cliProcess(['nonsense', '--first-start-from', '2015-01-01', '--first-start-to', '2015-12-31']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("INVALID_INPUT: unknown report 'nonsense'");
    const bad = await cli(['age', '--first-start-from', '2015-02-30', '--first-start-to', '2015-12-31']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('INVALID_INPUT: --first-start-from and --first-start-to must be dates');
    const group = await cli([
      'age',
      '--first-start-from',
      '2015-01-01',
      '--first-start-to',
      '2015-12-31',
      '--target-groups',
      'kontanthjaelp_aktivitetsparat,nonsense',
    ]);
    expect(group.code).toBe(2);
    expect(group.stderr).toContain("unknown target group 'nonsense'");
  });
});
