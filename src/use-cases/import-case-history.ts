/**
 * Case-system history import (issue 5 point 1, last sentence): citizens, target-group spells, grants
 * and offers from CSV exports, so an existing municipality can load its history. Columns and line
 * parsing live in domain/case-history-csv.ts. All or nothing (one transaction on a server; staged in
 * steps, then one short transaction, on the embedded database, issue 14): every bad line (up to 100
 * reported) is named by its line number, and any bad line leaves the database as it was. A line naming a CPR the case system does not know is bad (except in the citizens file), so
 * files are imported in the order citizens → target groups → grants → offers. Re-importing a file
 * updates by its key instead of duplicating. One audit row per import with the counts (R-PRV-1); CPRs
 * appear masked only (R-PRV-3).
 */
import type { Readable } from 'node:stream';
import type { Database } from '../db/database.ts';
import { caseHistoryRepository, type StagedRow, type UpsertCounts } from '../db/repositories/case-history-repository.ts';
import { newStagingTableName } from '../db/repositories/register-statuses-repository.ts';
import { regimesRepository } from '../db/repositories/regimes-repository.ts';
import {
  caseHistoryKeyOf,
  classifyHistoricGrant,
  parseCaseHistoryHeader,
  parseCaseHistoryLine,
  type CaseHistoryKind,
  type CaseHistoryRow,
  type CsvHeader,
  type GrantImportRow,
} from '../domain/case-history-csv.ts';
import { maskCpr } from '../domain/cpr.ts';
import type { LegalRegime } from '../domain/legal-regime.ts';
import type { TargetGroupSpell } from '../domain/target-group.ts';
import { AppError } from '../errors.ts';
import { yieldToOtherRequests } from './import-register-statuses.ts';
import { recordAudit } from './record-audit.ts';
import { sourceLines } from './source-lines.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/** Loading a municipality's history is an operator's task (least privilege): admins and coordinators. */

export type CaseHistoryImportResult = { lines: number; rows: number; created: number; updated: number; unchanged: number };
export type ImportLineError = { line: number; message: string };

const batchSize = 1000;
const maxReportedErrors = 100;

export async function importCaseHistory(
  ctx: UseCaseContext,
  input: { kind: CaseHistoryKind; source: Readable; onProgress?: (lines: number) => void },
): Promise<CaseHistoryImportResult> {
  requirePermission(ctx, 'history:import');
  const { kind } = input;
  const municipalityId = ctx.actor.municipalityId;
  if (ctx.db.engine !== 'pglite') {
    // A PostgreSQL server: one transaction around everything; other users have connections of their own.
    return ctx.db.transaction(async (tx) => {
      const repo = caseHistoryRepository(tx);
      return readAndCheck(tx, kind, municipalityId, input, {
        write: (rows) => upsertBatch(repo, kind, municipalityId, ctx.actor.userId, rows),
        finish: (read) => recordImport({ ...ctx, db: tx }, kind, read),
      });
    });
  }
  // The embedded database (issue 14): PGlite is one connection and a transaction holds it, so one
  // transaction around the whole file would leave every other user waiting until it ends (6.2 s for
  // 50,000 lines). The checked rows go into a temporary staging table instead, one short statement per
  // batch after the event loop's turn (queued requests go first); then one transaction upserts them all
  // set-based and writes the audit row. A bad line, or any failure, drops the staging table and leaves
  // the real tables as they were (all or nothing, as on a server).
  const staging = newStagingTableName('case_history_staging');
  const repo = caseHistoryRepository(ctx.db);
  await repo.createStaging(kind, staging);
  try {
    return await readAndCheck(ctx.db, kind, municipalityId, input, {
      write: async (rows) => {
        await yieldToOtherRequests();
        await repo.stage(kind, staging, rows);
        return { created: 0, updated: 0 };
      },
      finish: (read) =>
        ctx.db.transaction(async (tx) => {
          const counts = await caseHistoryRepository(tx).upsertStaged(kind, staging, municipalityId, ctx.actor.userId);
          return recordImport({ ...ctx, db: tx }, kind, { ...read, counts });
        }),
    });
  } finally {
    await repo.dropStaging(staging);
  }
}

type ReadLines = { lines: number; rows: number; counts: UpsertCounts };

function upsertBatch<K extends CaseHistoryKind>(
  repo: ReturnType<typeof caseHistoryRepository>,
  kind: K,
  municipalityId: number,
  userId: number,
  rows: StagedRow<CaseHistoryKind>[],
): Promise<UpsertCounts> {
  if (kind === 'citizens') return repo.upsertCitizens(municipalityId, rows as StagedRow<'citizens'>[]);
  if (kind === 'target-groups') return repo.upsertTargetGroupSpells(municipalityId, rows as StagedRow<'target-groups'>[]);
  if (kind === 'offers') return repo.upsertOffers(municipalityId, userId, rows as StagedRow<'offers'>[]);
  return repo.upsertGrants(municipalityId, userId, rows as StagedRow<'grants'>[]);
}

/** One audit row per import with the counts (R-PRV-1); the result. */
async function recordImport(ctx: UseCaseContext, kind: CaseHistoryKind, read: ReadLines): Promise<CaseHistoryImportResult> {
  const result = {
    lines: read.lines,
    rows: read.rows,
    created: read.counts.created,
    updated: read.counts.updated,
    unchanged: read.rows - read.counts.created - read.counts.updated,
  };
  await recordAudit(ctx, {
    action: 'create',
    entity: `case_history_${kind.replace('-', '_')}`,
    criterion: `import:${kind}:${result.rows} rows, ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
  });
  return result;
}

/**
 * Reads and checks the file, handing each batch of good rows to `write` (upserted, or staged) and,
 * when no line was bad, the counts to `finish`; every bad line (up to 100) is reported.
 */
async function readAndCheck(
  db: Database,
  kind: CaseHistoryKind,
  municipalityId: number,
  input: { source: Readable; onProgress?: (lines: number) => void },
  steps: {
    write: (rows: StagedRow<CaseHistoryKind>[]) => Promise<UpsertCounts>;
    finish: (read: ReadLines) => Promise<CaseHistoryImportResult>;
  },
): Promise<CaseHistoryImportResult> {
  const repo = caseHistoryRepository(db);
  const regimes: LegalRegime[] = kind === 'grants' ? await regimesRepository(db).listByMunicipality(municipalityId) : [];
  const citizenIds = kind === 'citizens' ? new Map<string, number>() : await repo.citizenIdsByCpr(municipalityId);
  const spells = kind === 'grants' ? await repo.spellsByCitizenId(municipalityId) : new Map<number, TargetGroupSpell[]>();
  const errors: ImportLineError[] = [];
  let errorCount = 0;
  const fail = (line: number, message: string) => {
    errorCount += 1;
    if (errors.length < maxReportedErrors) errors.push({ line, message });
  };
  const firstLineOfKey = new Map<string, number>();
  const totals: UpsertCounts = { created: 0, updated: 0 };
  let rows = 0;
  let batch: { line: number; row: CaseHistoryRow[typeof kind] }[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    const counts = await writeBatch(current);
    totals.created += counts.created;
    totals.updated += counts.updated;
  };

  // Lines are checked against the municipality's citizens (read once above) and written batch by batch;
  // once a line has failed nothing more is written (the transaction rolls back, or the staging table is
  // dropped), but every later line is still checked and reported.
  const writeBatch = async (lines: typeof batch): Promise<UpsertCounts> => {
    const none = { created: 0, updated: 0 };
    if (kind === 'citizens') return errorCount > 0 ? none : steps.write(lines.map((l) => l.row as CaseHistoryRow['citizens']));
    const known: { line: number; row: CaseHistoryRow[CaseHistoryKind]; citizenId: number }[] = [];
    for (const l of lines) {
      const citizenId = citizenIds.get(l.row.cpr);
      if (citizenId === undefined)
        fail(l.line, `unknown CPR ${maskCpr(l.row.cpr)}: the citizen is not in the case system (import the citizens file first)`);
      else known.push({ ...l, citizenId });
    }
    if (kind === 'grants') {
      const classified: StagedRow<'grants'>[] = [];
      for (const k of known) {
        const row = k.row as GrantImportRow;
        const decision = classifyHistoricGrant({
          regimes,
          spells: spells.get(k.citizenId) ?? [],
          type: row.type,
          agreedOn: row.agreedOn,
        });
        if (!decision.ok) fail(k.line, decision.message);
        else classified.push({ ...row, citizenId: k.citizenId, regimeId: decision.regimeId, refundClass: decision.refundClass });
      }
      return errorCount > 0 ? none : steps.write(classified);
    }
    if (errorCount > 0) return none;
    return steps.write(
      known.map((k) => ({ ...(k.row as CaseHistoryRow['target-groups'] | CaseHistoryRow['offers']), citizenId: k.citizenId })),
    );
  };

  let header: CsvHeader | null = null;
  let lineNumber = 0;
  for await (const raw of sourceLines(input.source)) {
    lineNumber += 1;
    if (raw.replace(/^\uFEFF/, '').trim() === '') continue;
    if (header === null) {
      const parsed = parseCaseHistoryHeader(kind, raw);
      if (!parsed.ok)
        throw new AppError('INVALID_INPUT', `Bad header: ${parsed.message}`, { errors: [{ line: lineNumber, message: parsed.message }] });
      header = parsed.header;
      continue;
    }
    const parsed = parseCaseHistoryLine(kind, header, raw);
    if (!parsed.ok) {
      fail(lineNumber, parsed.message);
      continue;
    }
    const key = caseHistoryKeyOf(kind, parsed.row);
    const earlier = firstLineOfKey.get(key);
    if (earlier !== undefined) {
      fail(
        lineNumber,
        kind === 'citizens'
          ? `CPR ${maskCpr(parsed.row.cpr)} is already on line ${earlier}`
          : `the same row key as line ${earlier} (${describeKey(kind)})`,
      );
      continue;
    }
    firstLineOfKey.set(key, lineNumber);
    rows += 1;
    batch.push({ line: lineNumber, row: parsed.row });
    if (batch.length >= batchSize) await flush();
    if (lineNumber % 10_000 === 0) input.onProgress?.(lineNumber);
  }
  if (header === null)
    throw new AppError('INVALID_INPUT', 'The file is empty: a header row is required', {
      errors: [{ line: 1, message: 'the file is empty: a header row is required' }],
    });
  await flush();
  input.onProgress?.(lineNumber);
  if (errorCount > 0) {
    errors.sort((a, b) => a.line - b.line);
    throw new AppError(
      'INVALID_INPUT',
      `${errorCount} bad line(s)${errorCount > errors.length ? ` (the first ${errors.length} listed)` : ''}; nothing was imported`,
      {
        errors,
        errorCount,
      },
    );
  }
  return steps.finish({ lines: lineNumber, rows, counts: totals });
}

function describeKey(kind: Exclude<CaseHistoryKind, 'citizens'>): string {
  if (kind === 'grants') return 'externalId';
  return kind === 'target-groups' ? 'cpr + externalId, or cpr + targetGroup + fromDate' : 'cpr + externalId, or cpr + type + startDate';
}
