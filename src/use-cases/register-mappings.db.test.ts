import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { municipalitiesRepository } from '../db/repositories/municipalities-repository.ts';
import { usersRepository } from '../db/repositories/users-repository.ts';
import { parseIsoWeek } from '../domain/register-week.ts';
import { importRegisterStatuses } from './import-register-statuses.ts';
import { listRegisterMappings } from './list-register-mappings.ts';
import { registerCitizen } from './register-citizen.ts';
import { uploadRegisterMapping } from './upload-register-mapping.ts';
import type { UseCaseContext } from './use-case-context.ts';

describe('register mappings and spell merging (issue 5 point 1)', () => {
  let db: Database;
  let admin: UseCaseContext;
  let manager: UseCaseContext;
  const w = (text: string) => parseIsoWeek(text)!;

  async function spellsOf(cpr: string) {
    return db.query<{ category: string; code: string; fromWeek: number; toWeek: number }>(
      `select s.category, s.source_code as code, s.from_week as "fromWeek", s.to_week as "toWeek"
       from register_status_spells s join citizens c on c.id = s.citizen_id where c.cpr = $1 order by s.category, s.from_week`,
      [cpr],
    );
  }
  async function rowCounts() {
    const [row] = await db.query<{ spells: number; mappings: number; codes: number; audit: number }>(
      `select (select count(*)::int from register_status_spells) as spells, (select count(*)::int from register_mappings) as mappings,
              (select count(*)::int from register_mapping_codes) as codes, (select count(*)::int from audit_log) as audit`,
    );
    return row!;
  }
  const csv = (text: string) => Readable.from([text]);

  beforeAll(async () => {
    db = await openTestDatabase();
    const m = await municipalitiesRepository(db).create({ code: 't', name: 'Test', settings: {} });
    const ctx = async (username: string, role: 'admin' | 'manager' | 'caseworker'): Promise<UseCaseContext> => {
      const userId = (await usersRepository(db).create({ municipalityId: m.id, username, name: username, role, passwordHash: 'x' })).id;
      return {
        db,
        purpose: 'test',
        now: () => new Date('2026-12-01T10:00:00Z'),
        actor: { userId, username, name: username, role, municipalityId: m.id, municipalityName: 'Test', mentorId: null },
      };
    };
    admin = await ctx('adm', 'admin');
    manager = await ctx('boss', 'manager');
    const caseworker = await ctx('cw', 'caseworker');
    for (const cpr of ['0101851234', '0202901234', '0303921234', '0404931234']) await registerCitizen(caseworker, { cpr, name: cpr });
  });
  afterAll(async () => {
    await db.close();
  });

  it('lists the verified DST mapping and the unverified DREAM template for the municipality', async () => {
    const mappings = await listRegisterMappings(manager);
    expect(mappings.map((m) => [m.key, m.verified])).toEqual([
      ['dream', false],
      ['dst', true],
    ]);
    expect(mappings.find((m) => m.key === 'dst')!.codeCount).toBeGreaterThan(30);
  });

  it('imports with the DREAM template but warns that it is not verified', async () => {
    // 2016: DREAM 891 (sickness benefit, §4.4 [U]) weeks 1–2, then 783 (disability pension) week 3.
    const result = await importRegisterStatuses(admin, {
      source: csv('cpr;2016-W01;2016-W02;2016-W03\n0101851234;891;891;783\n'),
      layout: 'wide',
      mapping: 'dream',
    });
    expect(result.mapping).toMatchObject({ name: 'dream', verified: false });
    expect(result.warnings).toEqual([expect.stringMatching(/'dream' is not verified/)]);
    expect(await spellsOf('0101851234')).toEqual([
      { category: 'DISABILITY_PENSION', code: '783', fromWeek: w('2016-W03'), toWeek: w('2016-W03') },
      { category: 'SICKNESS_BENEFIT', code: '891', fromWeek: w('2016-W01'), toWeek: w('2016-W02') },
    ]);
  });

  it('imports with the DST mapping without a warning', async () => {
    const result = await importRegisterStatuses(admin, {
      source: csv('cpr;week;code\n0404931234;2016-W01;511\n'),
      layout: 'long',
      mapping: 'dst',
    });
    expect(result.warnings).toEqual([]);
  });

  it('refuses a custom mapping with an unknown category or a duplicate code, naming the lines, and stores nothing', async () => {
    const before = await rowCounts();
    await expect(
      uploadRegisterMapping(admin, { name: 'Kommunens koder', csv: 'code;category\nK1;CASH_BENEFIT_SAME\nK2;WORKING\nK1;EDUCATION\n' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: {
        errors: [
          { line: 3, message: expect.stringMatching(/^unknown category 'WORKING'/) },
          { line: 4, message: "duplicate code 'K1' (first on line 2)" },
        ],
      },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it('imports with an uploaded custom mapping by its id', async () => {
    const mapping = await uploadRegisterMapping(admin, { name: 'Kommunens koder', csv: 'K1;CASH_BENEFIT_SAME\nK2;ORDINARY_EMPLOYMENT\n' });
    expect(mapping).toMatchObject({ key: null, verified: false, codeCount: 2 });
    const result = await importRegisterStatuses(admin, {
      source: csv('cpr,2017-W01,2017-W02,2017-W03\n0202901234,K1,K1,K2\n'),
      layout: 'wide',
      mapping: String(mapping.id),
    });
    expect(result).toMatchObject({ spells: 2, mapping: { id: mapping.id, name: 'Kommunens koder' } });
    expect(await spellsOf('0202901234')).toEqual([
      { category: 'CASH_BENEFIT_SAME', code: 'K1', fromWeek: w('2017-W01'), toWeek: w('2017-W02') },
      { category: 'ORDINARY_EMPLOYMENT', code: 'K2', fromWeek: w('2017-W03'), toWeek: w('2017-W03') },
    ]);
  });

  it('refuses an unknown mapping with INVALID_INPUT', async () => {
    for (const mapping of ['dreams', '999999', 'drop table']) {
      await expect(importRegisterStatuses(admin, { source: csv('cpr;week;code\n'), layout: 'long', mapping })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { field: 'mapping' },
      });
    }
  });

  it('only an admin uploads a mapping', async () => {
    await expect(uploadRegisterMapping(manager, { name: 'x', csv: 'K9;EDUCATION\n' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('merges an unsorted long file into the same spells as a sorted one', async () => {
    // 2018: cash benefit weeks 1–4 (318/319), employment weeks 5–6, cash benefit again week 8; lines shuffled
    // and split across citizens so no run of consecutive lines covers a whole spell.
    const lines = [
      '0303921234;2018-W03;318',
      '0101851234;2018-W01;318',
      '0303921234;2018-W06;131',
      '0303921234;2018-W01;319',
      '0303921234;2018-W08;318',
      '0303921234;2018-W05;131',
      '0101851234;2018-W02;318',
      '0303921234;2018-W02;318',
      '0303921234;2018-W04;318',
    ];
    const result = await importRegisterStatuses(admin, {
      source: csv(`cpr;week;code\n${lines.join('\n')}\n`),
      layout: 'long',
      mapping: 'dst',
    });
    expect(result.stagedSpells).toBeGreaterThan(result.spells);
    expect((await spellsOf('0303921234')).filter((s) => s.fromWeek >= w('2018-W01'))).toEqual([
      { category: 'CASH_BENEFIT_SAME', code: '318', fromWeek: w('2018-W01'), toWeek: w('2018-W04') },
      { category: 'CASH_BENEFIT_SAME', code: '318', fromWeek: w('2018-W08'), toWeek: w('2018-W08') },
      { category: 'ORDINARY_EMPLOYMENT', code: '131', fromWeek: w('2018-W05'), toWeek: w('2018-W06') },
    ]);
  });

  it('merges a citizen who is on two wide lines, and a wide header whose weeks are not in order', async () => {
    // 2021: weeks 1–2 on one line, weeks 3–4 of the same citizen on another line (same category) → one spell.
    const twoLines = 'cpr;2021-W01;2021-W02;2021-W03;2021-W04\n0101851234;318;318;;\n0202901234;511;;;\n0101851234;;;319;318\n';
    expect(await importRegisterStatuses(admin, { source: csv(twoLines), layout: 'wide', mapping: 'dst' })).toMatchObject({
      stagedSpells: 3,
      spells: 2,
    });
    // 2022: columns W03, W01, W02 all 317 → one spell W01–W03.
    const unordered = 'cpr;2022-W03;2022-W01;2022-W02\n0101851234;317;317;317\n';
    expect(await importRegisterStatuses(admin, { source: csv(unordered), layout: 'wide', mapping: 'dst' })).toMatchObject({
      stagedSpells: 2,
      spells: 1,
    });
    const spells = (await spellsOf('0101851234')).filter((s) => s.fromWeek >= w('2021-W01') && s.toWeek <= w('2022-W52'));
    expect(spells).toEqual([
      { category: 'CASH_BENEFIT_SAME', code: '318', fromWeek: w('2021-W01'), toWeek: w('2021-W04') },
      { category: 'SICKNESS_BENEFIT', code: '317', fromWeek: w('2022-W01'), toWeek: w('2022-W03') },
    ]);
  });

  it('the bulk path (keys checked set-based) stores the same spells and keeps the foreign keys', async () => {
    // 2020: the same extract as a small import, but with the national-size path forced on.
    const extract = 'cpr;2020-W01;2020-W02;2020-W03;2020-W04\n0404931234;317;317;;131\n';
    const result = await importRegisterStatuses(admin, { source: csv(extract), layout: 'wide', mapping: 'dst', bulkFromBytes: 1 });
    expect(result.spells).toBe(2);
    expect((await spellsOf('0404931234')).filter((s) => s.fromWeek >= w('2020-W01'))).toEqual([
      { category: 'ORDINARY_EMPLOYMENT', code: '131', fromWeek: w('2020-W04'), toWeek: w('2020-W04') },
      { category: 'SICKNESS_BENEFIT', code: '317', fromWeek: w('2020-W01'), toWeek: w('2020-W02') },
    ]);
    const keys = await db.query<{ conname: string }>(
      `select conname from pg_constraint where conrelid = 'register_status_spells'::regclass and contype = 'f' order by conname`,
    );
    expect(keys.map((k) => k.conname)).toEqual(['register_status_spells_citizen_id_fkey', 'register_status_spells_municipality_id_fkey']);
    await expect(
      db.query(
        `insert into register_status_spells (municipality_id, citizen_id, category, from_week, to_week) values ($1, 999999, 'EDUCATION', 1, 1)`,
        [admin.actor.municipalityId],
      ),
    ).rejects.toThrow(/foreign key/);
  });

  it('a corrupt line near the end of a wide file leaves every table as it was', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${['0101851234', '0202901234', '0303921234'][i % 3]};318;318;;511`);
    rows[2990] = '0202901234;318;318;;51x';
    const before = await rowCounts();
    await expect(
      importRegisterStatuses(admin, {
        source: csv(`cpr;2019-W01;2019-W02;2019-W03;2019-W04\n${rows.join('\n')}\n`),
        layout: 'wide',
        mapping: 'dst',
        chunkBytes: 2000,
        threads: 2,
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { errors: [{ line: 2992, message: "unknown code '51x' in the dst mapping" }], badLines: 1 },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it('reports the first 100 bad lines and counts the rest', async () => {
    const rows = Array.from({ length: 150 }, () => '0101851234;2019-W60;318');
    const failure = await importRegisterStatuses(admin, {
      source: csv(`cpr;week;code\n${rows.join('\n')}\n`),
      layout: 'long',
      mapping: 'dst',
    }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'INVALID_INPUT', details: { badLines: 150 } });
    const errors = (failure as { details: { errors: { line: number }[] } }).details.errors;
    expect([errors.length, errors[0]!.line, errors[99]!.line]).toEqual([100, 2, 101]);
  });
});
