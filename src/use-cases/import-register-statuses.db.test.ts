import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { municipalitiesRepository } from '../db/repositories/municipalities-repository.ts';
import { usersRepository } from '../db/repositories/users-repository.ts';
import { parseIsoWeek } from '../domain/register-week.ts';
import { importRegisterStatuses } from './import-register-statuses.ts';
import { sourceThatBreaksOff } from './test-broken-source.ts';
import { registerCitizen } from './register-citizen.ts';
import type { UseCaseContext } from './use-case-context.ts';

describe('register import (issue 5)', () => {
  let db: Database;
  let admin: UseCaseContext;
  let caseworker: UseCaseContext;

  async function spells() {
    return db.query<{ cpr: string; category: string; fromWeek: number; toWeek: number }>(
      `select c.cpr, s.category, s.from_week as "fromWeek", s.to_week as "toWeek" from register_status_spells s join citizens c on c.id = s.citizen_id order by c.cpr, s.from_week`,
    );
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    const m = await municipalitiesRepository(db).create({ code: 't', name: 'Test', settings: {} });
    const user = async (username: string, role: 'admin' | 'caseworker') =>
      (await usersRepository(db).create({ municipalityId: m.id, username, name: username, role, passwordHash: 'x' })).id;
    const ctx = (userId: number, username: string, role: 'admin' | 'caseworker'): UseCaseContext => ({
      db,
      purpose: 'test',
      now: () => new Date('2026-11-24T10:00:00Z'),
      actor: { userId, username, name: username, role, municipalityId: m.id, municipalityName: 'Test', mentorId: null },
    });
    admin = ctx(await user('adm', 'admin'), 'adm', 'admin');
    caseworker = ctx(await user('cw', 'caseworker'), 'cw', 'caseworker');
    await registerCitizen(caseworker, { cpr: '0101851234', name: 'A' });
    await registerCitizen(caseworker, { cpr: '0202901234', name: 'B' });
  });
  afterAll(async () => {
    await db.close();
  });

  it('turns weekly codes of the long layout into spells; an empty week is no support', async () => {
    // Weeks 1–3 of 2015 on cash benefit (318), week 4 empty, weeks 5–6 in employment (131).
    const csv =
      'cpr;week;code\n010185-1234;2015-W01;318\n010185-1234;2015-W02;318\n010185-1234;2015-W03;319\n010185-1234;2015-W04;\n010185-1234;2015-W05;131\n010185-1234;2015-W06;131\n';
    const result = await importRegisterStatuses(admin, { source: Readable.from([csv]), layout: 'long', mapping: 'dst' });
    expect(result).toMatchObject({ weeks: 5, spells: 2, citizens: 1, unknownCitizens: 0 });
    expect(await spells()).toEqual([
      { cpr: '0101851234', category: 'CASH_BENEFIT_SAME', fromWeek: parseIsoWeek('2015-W01'), toWeek: parseIsoWeek('2015-W03') },
      { cpr: '0101851234', category: 'ORDINARY_EMPLOYMENT', fromWeek: parseIsoWeek('2015-W05'), toWeek: parseIsoWeek('2015-W06') },
    ]);
  });

  it('reads the wide layout, comma separated, and counts citizens not in the case system', async () => {
    const csv = 'cpr,2016-W01,2016-W02,2016-W03\n0202901234,511,511,\n0303901234,318,318,318\n';
    const result = await importRegisterStatuses(admin, { source: Readable.from([csv]), layout: 'wide', mapping: 'dst' });
    expect(result).toMatchObject({ spells: 1, citizens: 1, unknownCitizens: 1 });
    expect((await spells()).filter((s) => s.cpr === '0202901234')).toEqual([
      { cpr: '0202901234', category: 'EDUCATION', fromWeek: parseIsoWeek('2016-W01'), toWeek: parseIsoWeek('2016-W02') },
    ]);
  });

  it('a corrupt line leaves the database as it was and is reported with its line number', async () => {
    const before = await spells();
    const csv = 'cpr;week;code\n0202901234;2017-W01;318\n0202901234;2017-W02;999\n0202901234;2017-W99;318\n';
    await expect(importRegisterStatuses(admin, { source: Readable.from([csv]), layout: 'long', mapping: 'dst' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: {
        errors: [
          { line: 3, message: "unknown code '999' in the dst mapping" },
          { line: 4, message: "'2017-W99' is not an ISO week like 2015-W07" },
        ],
      },
    });
    expect(await spells()).toEqual(before);
  });

  it('a file that breaks off midway is refused, naming the line, and changes nothing (both layouts)', async () => {
    // The source is closed without an error after its lines, as a broken upload or pipe is.
    const before = await spells();
    const long = 'cpr;week;code\n0202901234;2018-W01;318\n0202901234;2018-W02;318\n';
    await expect(
      importRegisterStatuses(admin, { source: sourceThatBreaksOff(long), layout: 'long', mapping: 'dst' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { errors: [{ line: 4, message: 'the file broke off after line 3: it was not read to its end' }] },
    });
    const wide = 'cpr;2018-W01;2018-W02\n0202901234;318;318\n';
    await expect(
      importRegisterStatuses(admin, { source: sourceThatBreaksOff(wide), layout: 'wide', mapping: 'dst' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { errors: [{ line: 0, message: 'the file broke off before its end' }] },
    });
    expect(await spells()).toEqual(before);
  });

  it('is refused to a caseworker', async () => {
    await expect(
      importRegisterStatuses(caseworker, { source: Readable.from(['cpr;week;code\n']), layout: 'long', mapping: 'dst' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('replaces the weeks an extract covers for the citizens it names: the same extract twice gives the spells of once (issue 10)', async () => {
    await registerCitizen(caseworker, { cpr: '0303851234', name: 'C' });
    await registerCitizen(caseworker, { cpr: '0404851234', name: 'D' });
    const week = (w: string) => parseIsoWeek(`2017-W${w}`);
    const ofC = async () =>
      (await spells()).filter((s) => s.cpr === '0303851234').map(({ category, fromWeek, toWeek }) => [category, fromWeek, toWeek]);
    // Autumn 2017: C on cash benefit weeks 01–10 and employed 11–20; D employed throughout.
    const first =
      `cpr;${Array.from({ length: 20 }, (_, i) => `2017-W${String(i + 1).padStart(2, '0')}`).join(';')}\n` +
      `0303851234;${[...Array(10).fill('318'), ...Array(10).fill('131')].join(';')}\n0404851234;${Array(20).fill('131').join(';')}\n`;
    const once = await importRegisterStatuses(admin, { source: Readable.from([first]), layout: 'wide', mapping: 'dst' });
    const afterOnce = await spells();
    const twice = await importRegisterStatuses(admin, { source: Readable.from([first]), layout: 'wide', mapping: 'dst' });
    expect(await spells()).toEqual(afterOnce);
    expect(twice).toMatchObject({ spells: once.spells, replacedSpells: 3 });
    expect(await ofC()).toEqual([
      ['CASH_BENEFIT_SAME', week('01'), week('10')],
      ['ORDINARY_EMPLOYMENT', week('11'), week('20')],
    ]);
    // A corrected extract for weeks 06–15 naming only C: C's weeks 06–15 come from it, weeks 01–05 and
    // 16–20 stay as stored, and D (not named) keeps everything.
    const correction = `cpr;week;code\n${Array.from({ length: 10 }, (_, i) => `0303851234;2017-W${String(i + 6).padStart(2, '0')};511`).join('\n')}\n`;
    await importRegisterStatuses(admin, { source: Readable.from([correction]), layout: 'long', mapping: 'dst' });
    expect(await ofC()).toEqual([
      ['CASH_BENEFIT_SAME', week('01'), week('05')],
      ['EDUCATION', week('06'), week('15')],
      ['ORDINARY_EMPLOYMENT', week('16'), week('20')],
    ]);
    expect((await spells()).filter((s) => s.cpr === '0404851234').map((s) => [s.fromWeek, s.toWeek])).toEqual([[week('01'), week('20')]]);
  });
});
