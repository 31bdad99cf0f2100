/**
 * Issue 14: a case-history import never blocks other users. On the embedded database (one connection)
 * the import stages its checked rows in short steps and changes the real tables in one last
 * transaction, so another user's request is answered while it runs; a failed import still leaves every
 * table as it was and its staging table gone. Runs on both engines (on a server each request has its
 * own connection).
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { getWorklist } from './get-worklist.ts';
import { importCaseHistory } from './import-case-history.ts';
import { importState, importWhileWorking } from './import-in-steps-test-fixture.ts';
import type { UseCaseContext } from './use-case-context.ts';

describe('case-history import in steps (issue 14)', () => {
  let db: Database;
  let coordinator: UseCaseContext;
  let caseworker: UseCaseContext;
  let cprs: string[];

  /** Four target-group spells of every citizen (one a year, 2014–2017): 12,000 lines. */
  function targetGroupsCsv(lastLine?: string): string {
    const lines = cprs.flatMap((cpr) =>
      [2014, 2015, 2016, 2017].map((year) => `${cpr};kontanthjaelp_aktivitetsparat;${year}-01-01;${year}-12-31;TG-${cpr}-${year}`),
    );
    if (lastLine !== undefined) lines[lines.length - 1] = lastLine;
    return `cpr;targetGroup;fromDate;toDate;externalId\n${lines.join('\n')}\n`;
  }

  /** What an import may change: the spells, the audit rows and leftover staging tables. */
  const state = () =>
    importState(
      db,
      'case_history_staging%',
      'select citizen_id, external_id, target_group, from_date, to_date from target_group_spells order by id',
    );

  beforeAll(async () => {
    ({ db, coordinator, caseworker, cprs } = await importWhileWorking());
  });
  afterAll(async () => {
    await db?.close();
  });

  it('a target-group file whose last line names an unknown citizen leaves every table as it was (after 11 staged batches)', async () => {
    const before = await state();
    await expect(
      importCaseHistory(coordinator, {
        kind: 'target-groups',
        source: Readable.from([targetGroupsCsv('0101011234;dagpenge;2018-01-01;;TG-X')]),
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { errors: [{ line: 12_001, message: expect.stringMatching(/^unknown CPR 010101-XXXX/) }] },
    });
    expect(await state()).toEqual(before);
  });

  it('answers another user while a 12,000-line import runs, then stores every row once', async () => {
    let importing = true;
    let answersDuringImport = 0;
    let asking: Promise<void> | null = null;
    const lines = targetGroupsCsv().split('\n');
    // Uploaded in pieces, as a request body arrives.
    const pieces = Array.from({ length: 12 }, (_, i) => `${lines.slice(i * 1000, (i + 1) * 1000).join('\n')}\n`);
    const result = await importCaseHistory(coordinator, {
      kind: 'target-groups',
      source: Readable.from([...pieces, `${lines.slice(12_000).join('\n')}`]),
      onProgress: (read) => {
        // From the first progress report (10,000 lines read) on, the caseworker opens her worklist again and again.
        if (asking || read >= 12_001) return;
        asking = (async () => {
          while (importing) {
            await getWorklist(caseworker);
            if (importing) answersDuringImport += 1;
            // The next request arrives later (a request over HTTP is an event of its own).
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        })();
      },
    }).finally(() => {
      importing = false;
    });
    await asking;
    expect(answersDuringImport).toBeGreaterThan(0);
    expect(result).toEqual({ lines: 12_001, rows: 12_000, created: 12_000, updated: 0, unchanged: 0 });
    const after = await state();
    expect(after.staging).toBe(0);
    expect(after.rows).toHaveLength(12_000);
  });
});
