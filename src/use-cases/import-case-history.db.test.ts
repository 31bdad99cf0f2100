import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { municipalitiesRepository } from '../db/repositories/municipalities-repository.ts';
import { regimesRepository } from '../db/repositories/regimes-repository.ts';
import { usersRepository } from '../db/repositories/users-repository.ts';
import type { CaseHistoryKind } from '../domain/case-history-csv.ts';
import { defaultLegalRegimes } from '../domain/legal-regime.ts';
import { importCaseHistory } from './import-case-history.ts';
import { sourceThatBreaksOff } from './test-broken-source.ts';
import type { UseCaseContext } from './use-case-context.ts';

describe('case-system history import (issue 5 point 1)', () => {
  let db: Database;
  let coordinator: UseCaseContext;
  let caseworker: UseCaseContext;

  const run = (kind: CaseHistoryKind, csv: string, ctx = coordinator) => importCaseHistory(ctx, { kind, source: Readable.from([csv]) });
  const rowsOf = (sql: string) => db.query<Record<string, unknown>>(sql);
  async function snapshot() {
    return {
      citizens: await rowsOf('select cpr, name, gender, origin, birth_date from citizens order by cpr'),
      spells: await rowsOf(
        'select citizen_id, external_id, target_group, visitation, from_date, to_date from target_group_spells order by id',
      ),
      grants: await rowsOf(
        'select external_id, citizen_id, type, status, regime_id, refund_class, start_date, end_date from grants order by id',
      ),
      offers: await rowsOf('select citizen_id, external_id, type, start_date, end_date from offers order by id'),
      audit: await rowsOf('select count(*) as n from audit_log'),
    };
  }

  const citizensCsv =
    '\uFEFFcpr;name;gender;origin\r\n030385-1234;Anna Jensen;kvinde;dansk\r\n1207904321;Bo Hansen;male;non_western\r\n0101014455;Carl Ny;;\r\n';
  const targetGroupsCsv = [
    'fromDate,toDate,cpr,targetGroup,visitation,externalId',
    '2014-06-01,2016-12-31,0303851234,kontanthjaelp_aktivitetsparat,aktivitetsparat,KMD-77',
    '2019-11-01,,1207904321,dagpenge,jobparat,',
    '2017-01-01,2017-06-30,0303851234,sygedagpenge,,',
  ].join('\n');
  const grantsCsv = [
    'externalId;cpr;type;agreedOn;startDate;endDate;weeklyHours;status;actualEndDate;endReason;goal',
    'G-1;0303851234;RET_OG_PLIGT;2015-03-03;2015-03-09;2015-09-08;"7,5";ended;2015-08-14;JOB;"Job; gerne i detailhandlen"',
    'G-2;1207904321;GENERAL;2020-02-01;2020-02-03;2020-07-31;3;approved;;;',
  ].join('\n');
  const offersCsv =
    'cpr;type;startDate;endDate\n0303851234;virksomhedspraktik;2015-09-01;2015-11-30\n0303851234;nytteindsats;2016-01-04;\n';

  beforeAll(async () => {
    db = await openTestDatabase();
    const m = await municipalitiesRepository(db).create({ code: 't', name: 'Test', settings: {} });
    for (const regime of defaultLegalRegimes) await regimesRepository(db).insert(m.id, regime);
    const ctx = async (username: string, role: 'coordinator' | 'caseworker'): Promise<UseCaseContext> => {
      const userId = (await usersRepository(db).create({ municipalityId: m.id, username, name: username, role, passwordHash: 'x' })).id;
      return {
        db,
        purpose: 'test',
        now: () => new Date('2026-12-01T09:00:00Z'),
        actor: { userId, username, name: username, role, municipalityId: m.id, municipalityName: 'Test', mentorId: null },
      };
    };
    coordinator = await ctx('coord', 'coordinator');
    caseworker = await ctx('cw', 'caseworker');
  });
  afterAll(async () => {
    await db.close();
  });

  it('citizens: upserts by CPR with the birth date from the CPR; a re-import changes nothing', async () => {
    // 1 Dec 2026: the jobcenter moves to Mentorspor and loads its citizens from the old case system
    // (UTF-8 with BOM, semicolons, CRLF, Danish gender and origin words).
    expect(await run('citizens', citizensCsv)).toEqual({ lines: 4, rows: 3, created: 3, updated: 0, unchanged: 0 });
    expect((await snapshot()).citizens).toEqual([
      { cpr: '0101014455', name: 'Carl Ny', gender: null, origin: null, birth_date: '2001-01-01' },
      { cpr: '0303851234', name: 'Anna Jensen', gender: 'female', origin: 'danish', birth_date: '1985-03-03' },
      { cpr: '1207904321', name: 'Bo Hansen', gender: 'male', origin: 'non_western', birth_date: '1990-07-12' },
    ]);
    const before = await snapshot();
    expect(await run('citizens', citizensCsv)).toEqual({ lines: 4, rows: 3, created: 0, updated: 0, unchanged: 3 });
    expect((await snapshot()).citizens).toEqual(before.citizens);
    // A corrected name in the next export updates that one citizen; an empty gender keeps the stored one.
    expect(await run('citizens', 'cpr;name;gender\n0303851234;Anna Jensen Berg;\n')).toMatchObject({ created: 0, updated: 1 });
    expect((await snapshot()).citizens[1]).toMatchObject({ name: 'Anna Jensen Berg', gender: 'female' });
  });

  it('target groups: column order free, comma separated, keyed by externalId or group + from date; idempotent', async () => {
    expect(await run('target-groups', targetGroupsCsv)).toEqual({ lines: 4, rows: 3, created: 3, updated: 0, unchanged: 0 });
    const spells = (await snapshot()).spells;
    expect(spells.map((s) => [s.external_id, s.target_group, s.visitation, s.from_date, s.to_date])).toEqual([
      ['KMD-77', 'kontanthjaelp_aktivitetsparat', 'aktivitetsparat', '2014-06-01', '2016-12-31'],
      ['dagpenge@2019-11-01', 'dagpenge', 'jobparat', '2019-11-01', null],
      ['sygedagpenge@2017-01-01', 'sygedagpenge', null, '2017-01-01', '2017-06-30'],
    ]);
    expect(await run('target-groups', targetGroupsCsv)).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect((await snapshot()).spells).toEqual(spells);
  });

  it('grants: regime and refund class from the agreement date and target group; idempotent', async () => {
    // 3 Mar 2015: aktivitetsparat cash-benefit recipient, ret-og-pligt mentor 7.5 h/week, ended 14 Aug on a job
    // → LAB-2014, inside the refund frame. 1 Feb 2020: dagpenge recipient, general mentor → LAB-2020, no refund.
    expect(await run('grants', grantsCsv)).toEqual({ lines: 3, rows: 2, created: 2, updated: 0, unchanged: 0 });
    const grants = await rowsOf(
      'select external_id, type, status, regime_id, refund_class, weekly_hours, actual_end_date, end_reason, goal, approved_at is not null as approved from grants order by external_id',
    );
    expect(grants).toEqual([
      {
        external_id: 'G-1',
        type: 'RET_OG_PLIGT',
        status: 'ended',
        regime_id: 'LAB-2014',
        refund_class: 'inside_frame',
        weekly_hours: 7.5,
        actual_end_date: '2015-08-14',
        end_reason: 'JOB',
        goal: 'Job; gerne i detailhandlen',
        approved: true,
      },
      {
        external_id: 'G-2',
        type: 'GENERAL',
        status: 'approved',
        regime_id: 'LAB-2020',
        // R-FIN-6: a dagpenge recipient keeps 50 % within the rådighedsbeløb from 2019.
        refund_class: 'inside_frame',
        weekly_hours: 3,
        actual_end_date: null,
        end_reason: null,
        goal: '',
        approved: true,
      },
    ]);
    expect(await run('grants', grantsCsv)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect((await snapshot()).grants).toHaveLength(2);
  });

  it('offers: keyed by type + start date when the export has no id; idempotent', async () => {
    // Sep 2015: after the mentor, a company internship; Jan 2016: a utility job (nytteindsats), still open.
    expect(await run('offers', offersCsv)).toEqual({ lines: 3, rows: 2, created: 2, updated: 0, unchanged: 0 });
    const offers = (await snapshot()).offers;
    expect(offers.map((o) => [o.type, o.start_date, o.end_date])).toEqual([
      ['virksomhedspraktik', '2015-09-01', '2015-11-30'],
      ['nytteindsats', '2016-01-04', null],
    ]);
    expect(await run('offers', offersCsv)).toMatchObject({ created: 0, unchanged: 2 });
    expect((await snapshot()).offers).toEqual(offers);
  });

  it('writes one audit row per import with the counts (R-PRV-1)', async () => {
    await run('offers', offersCsv);
    const [row] = await rowsOf(
      `select entity, action, criterion, username from audit_log where entity = 'case_history_offers' order by id desc limit 1`,
    );
    expect(row).toEqual({
      entity: 'case_history_offers',
      action: 'create',
      criterion: 'import:offers:2 rows, 0 created, 0 updated, 2 unchanged',
      username: 'coord',
    });
  });

  it('reports every bad line by its number, with the CPR masked, and leaves every table unchanged', async () => {
    const before = await snapshot();
    const csv = [
      'externalId;cpr;type;agreedOn;startDate;endDate;weeklyHours;status;actualEndDate;endReason;goal',
      'G-3;0303851234;GENERAL;2016-02-01;2016-02-01;2016-07-31;4;approved;;;',
      'G-4;0303851234;GENERAL;2016-09-01;2016-09-01;2016-08-01;4;approved;;;',
      'G-5;2802991234;GENERAL;2016-09-01;2016-09-01;2016-12-01;4;approved;;;',
      'G-6;1207904321;MAGIC;2016-09-01;2016-09-01;2016-12-01;4;ended;2016-10-01;;',
      'G-3;1207904321;GENERAL;2016-02-01;2016-02-01;2016-07-31;4;approved;;;',
      'G-7;1207904321;GENERAL;2013-05-01;2013-05-01;2013-07-31;4,5;approved;;;',
    ].join('\n');
    const error = await run('grants', csv).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: '5 bad line(s); nothing was imported' });
    const lines = (error as { details: { errors: { line: number; message: string }[] } }).details.errors;
    expect(lines).toEqual([
      { line: 3, message: 'endDate 2016-08-01 is before startDate 2016-09-01' },
      { line: 4, message: 'unknown CPR 280299-XXXX: the citizen is not in the case system (import the citizens file first)' },
      {
        line: 5,
        message:
          "unknown type 'MAGIC' (GENERAL, RET_OG_PLIGT, PSYCH_DISCHARGE, PRISON_RELEASE, COMPANY, EDUCATION_INST, YOUTH_EDUCATION); an ended grant needs endReason",
      },
      { line: 6, message: 'the same row key as line 2 (externalId)' },
      { line: 7, message: 'no legal regime covers the agreement date 2013-05-01' },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/\d{10}|\d{6}-\d{4}/);
    expect(await snapshot()).toEqual(before);
  });

  it('rolls back rows already written in earlier batches when a later line is bad', async () => {
    // A 1,500-citizen export with one impossible birth date at line 1,203: not one citizen is kept.
    const before = await snapshot();
    const lines = ['cpr;name'];
    for (let i = 0; i < 1500; i += 1)
      lines.push(`0101${String(50 + (i % 40)).padStart(2, '0')}${String(1000 + i).padStart(4, '0')};Borger ${i}`);
    lines[1202] = '3102851234;Umulig Dato';
    const error = await run('citizens', lines.join('\n')).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      details: { errors: [{ line: 1203, message: 'CPR 310285… has no valid birth date' }] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('fails as a whole, naming the line, when the file breaks off midway instead of waiting for ever', async () => {
    // 1,200 citizens arrive (the first batch of 1,000 is written), then the source is closed without an
    // error, as a broken upload or pipe is: Node 20's line reader alone would wait for the rest for ever.
    const before = await snapshot();
    const lines = ['cpr;name'];
    for (let i = 0; i < 1200; i += 1)
      lines.push(`0101${String(50 + (i % 40)).padStart(2, '0')}${String(1000 + i).padStart(4, '0')};Borger ${i}`);
    const source = sourceThatBreaksOff(`${lines.join('\n')}\n`);
    const error = await importCaseHistory(coordinator, { kind: 'citizens', source }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      details: { errors: [{ line: 1202, message: 'the file broke off after line 1201: it was not read to its end' }] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('lists the first 100 bad lines and counts them all', async () => {
    // An export where every offer has a Danish date format: 150 bad lines, 100 of them listed.
    const lines = ['cpr;type;startDate'];
    for (let i = 0; i < 150; i += 1) lines.push(`0303851234;nytteindsats;01-0${1 + (i % 9)}-2016`);
    const error = (await run('offers', lines.join('\n')).catch((e: unknown) => e)) as {
      message: string;
      details: { errors: { line: number }[]; errorCount: number };
    };
    expect(error.message).toBe('150 bad line(s) (the first 100 listed); nothing was imported');
    expect(error.details.errorCount).toBe(150);
    expect(error.details.errors.map((e) => e.line)).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
  });

  it('refuses a header with an unknown or missing column, as line 1', async () => {
    await expect(run('offers', 'cpr;type;start;endDate\n')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: {
        errors: [
          {
            line: 1,
            message:
              "unknown column 'start'; missing column 'startDate' (the offers file has the columns cpr;type;startDate;endDate;externalId)",
          },
        ],
      },
    });
  });

  it('is refused to a caseworker', async () => {
    await expect(run('citizens', citizensCsv, caseworker)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
