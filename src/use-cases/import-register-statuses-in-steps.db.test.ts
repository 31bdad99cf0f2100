/**
 * Issue 14: a register import never blocks other users. On the embedded database (one connection) the
 * import stages its spells in short transactions and changes the real tables in one last transaction,
 * so another user's request is answered while it runs; a failed import still leaves every table as it
 * was and its staging table gone. Runs on both engines (on a server each request has its own connection).
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { getWorklist } from './get-worklist.ts';
import { importRegisterStatuses } from './import-register-statuses.ts';
import { importState, importWhileWorking } from './import-in-steps-test-fixture.ts';
import type { UseCaseContext } from './use-case-context.ts';

describe('register import in steps (issue 14)', () => {
  let db: Database;
  let coordinator: UseCaseContext;
  let caseworker: UseCaseContext;
  let cprs: string[];
  const weeks = Array.from({ length: 50 }, (_, i) => `2015-W${String(i + 1).padStart(2, '0')}`);

  /** A wide extract of every citizen: 50 weeks, cash benefit then employment. */
  function wideExtract(lastLine?: string): string {
    const codes = [...Array(25).fill('318'), ...Array(25).fill('131')].join(';');
    const lines = cprs.map((cpr) => `${cpr};${codes}`);
    if (lastLine !== undefined) lines[lines.length - 1] = lastLine;
    return `cpr;${weeks.join(';')}\n${lines.join('\n')}\n`;
  }

  /** What an import may change: the spells (all of them, in order), the audit rows and leftover staging tables. */
  const state = () =>
    importState(
      db,
      'register%staging%',
      'select citizen_id, category, source_code, from_week, to_week from register_status_spells order by id',
    );

  beforeAll(async () => {
    ({ db, coordinator, caseworker, cprs } = await importWhileWorking());
  });
  afterAll(async () => {
    await db?.close();
  });

  it('answers another user while a wide import runs: the worklist is back before the import ends', async () => {
    const order: string[] = [];
    let worklist: Promise<unknown> | null = null;
    const imported = importRegisterStatuses(coordinator, {
      source: Readable.from([wideExtract()]),
      layout: 'wide',
      mapping: 'dst',
      // About 40 chunks of 16 KB: the import takes many steps.
      chunkBytes: 16 * 1024,
      threads: 1,
      onProgress: (_lines, progress) => {
        if (progress.phase !== 'reading' || worklist) return;
        // Asked while the import is still reading (it has staged one chunk).
        worklist = getWorklist(caseworker).then(() => order.push('worklist'));
      },
    }).then((result) => {
      order.push('import');
      return result;
    });
    const result = await imported;
    await worklist;
    expect(worklist).not.toBeNull();
    expect(order).toEqual(['worklist', 'import']);
    expect(result).toMatchObject({ citizens: 3000, spells: 6000, weeks: 150_000, warnings: [] });
    expect((await state()).staging).toBe(0);
  });

  it('a wide extract whose last line is corrupt leaves every table as it was (after many staged chunks)', async () => {
    const before = await state();
    const corrupt = `${cprs.at(-1)};${Array(49).fill('318').join(';')};9x9`;
    await expect(
      importRegisterStatuses(coordinator, {
        source: Readable.from([wideExtract(corrupt)]),
        layout: 'wide',
        mapping: 'dst',
        chunkBytes: 16 * 1024,
        threads: 1,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { badLines: 1, errors: [{ line: 3001, code: 'UNKNOWN_CODE' }] } });
    expect(await state()).toEqual(before);
  });

  it('a long extract whose last line is corrupt leaves every table as it was (after several staged batches)', async () => {
    const before = await state();
    const lines = cprs.flatMap((cpr) => weeks.slice(0, 10).map((week) => `${cpr};${week};511`));
    lines.push(`${cprs[0]};2015-W99;511`);
    await expect(
      importRegisterStatuses(coordinator, {
        source: Readable.from([`cpr;week;code\n${lines.join('\n')}\n`]),
        layout: 'long',
        mapping: 'dst',
        batchSpells: 500,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { badLines: 1, errors: [{ line: 30_002, code: 'INVALID_ISO_WEEK' }] } });
    expect(await state()).toEqual(before);
  });

  it('a long extract imports in steps too, and the worklist is answered before it ends', async () => {
    const order: string[] = [];
    let worklist: Promise<unknown> | null = null;
    const lines = cprs.flatMap((cpr) => weeks.slice(0, 20).map((week) => `${cpr};${week};511`));
    // Several chunks of the source: the long reader reports progress every 10,000 lines, and 30 batches.
    const chunks = Array.from({ length: 20 }, (_, i) => `${lines.slice(i * 3000, (i + 1) * 3000).join('\n')}\n`);
    const result = await importRegisterStatuses(coordinator, {
      source: Readable.from([`cpr;week;code\n`, ...chunks]),
      layout: 'long',
      mapping: 'dst',
      batchSpells: 100,
      onProgress: (_lines, progress) => {
        if (progress.phase !== 'reading' || worklist) return;
        worklist = getWorklist(caseworker).then(() => order.push('worklist'));
      },
    }).then((done) => {
      order.push('import');
      return done;
    });
    await worklist;
    expect(order).toEqual(['worklist', 'import']);
    expect(result).toMatchObject({ citizens: 3000, weeks: 60_000, warnings: [] });
    expect((await state()).staging).toBe(0);
  });
});
