/**
 * Case-system history import (issue 5 point 1, last sentence): citizens, target-group spells, grants
 * and offers from CSV exports, so an existing municipality can load its history. Columns and line
 * parsing live in domain/case-history-csv.ts. The whole file is one transaction, all or nothing: every
 * bad line (up to 100 reported) is named by its line number, and any bad line leaves the database as
 * it was. A line naming a CPR the case system does not know is bad (except in the citizens file), so
 * files are imported in the order citizens → target groups → grants → offers. Re-importing a file
 * updates by its key instead of duplicating. One audit row per import with the counts (R-PRV-1); CPRs
 * appear masked only (R-PRV-3).
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { caseHistoryRepository, type UpsertCounts } from '../db/repositories/case-history-repository.ts';
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
import type { LegalRegime, RefundClass } from '../domain/legal-regime.ts';
import type { TargetGroupSpell } from '../domain/target-group.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from './record-audit.ts';
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
  return ctx.db.transaction(async (tx) => {
    const repo = caseHistoryRepository(tx);
    const regimes: LegalRegime[] = kind === 'grants' ? await regimesRepository(tx).listByMunicipality(municipalityId) : [];
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
    // once a line has failed nothing more is written (the transaction rolls back), but every later line
    // is still checked and reported.
    const writeBatch = async (lines: typeof batch): Promise<UpsertCounts> => {
      if (kind === 'citizens') {
        return errorCount > 0
          ? { created: 0, updated: 0 }
          : repo.upsertCitizens(
              municipalityId,
              lines.map((l) => l.row as CaseHistoryRow['citizens']),
            );
      }
      const known: { line: number; row: CaseHistoryRow[CaseHistoryKind]; citizenId: number }[] = [];
      for (const l of lines) {
        const citizenId = citizenIds.get(l.row.cpr);
        if (citizenId === undefined)
          fail(l.line, `unknown CPR ${maskCpr(l.row.cpr)}: the citizen is not in the case system (import the citizens file first)`);
        else known.push({ ...l, citizenId });
      }
      if (kind === 'grants') {
        const classified: (GrantImportRow & { citizenId: number; regimeId: string; refundClass: RefundClass })[] = [];
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
        return errorCount > 0 ? { created: 0, updated: 0 } : repo.upsertGrants(municipalityId, ctx.actor.userId, classified);
      }
      if (errorCount > 0) return { created: 0, updated: 0 };
      if (kind === 'target-groups') {
        return repo.upsertTargetGroupSpells(
          municipalityId,
          known.map((k) => ({ ...(k.row as CaseHistoryRow['target-groups']), citizenId: k.citizenId })),
        );
      }
      return repo.upsertOffers(
        municipalityId,
        ctx.actor.userId,
        known.map((k) => ({ ...(k.row as CaseHistoryRow['offers']), citizenId: k.citizenId })),
      );
    };

    let header: CsvHeader | null = null;
    let lineNumber = 0;
    for await (const raw of createInterface({ input: input.source, crlfDelay: Infinity })) {
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
    const result = {
      lines: lineNumber,
      rows,
      created: totals.created,
      updated: totals.updated,
      unchanged: rows - totals.created - totals.updated,
    };
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: 'create',
        entity: `case_history_${kind.replace('-', '_')}`,
        criterion: `import:${kind}:${rows} rows, ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
      },
    );
    return result;
  });
}

function describeKey(kind: Exclude<CaseHistoryKind, 'citizens'>): string {
  if (kind === 'grants') return 'externalId';
  return kind === 'target-groups' ? 'cpr + externalId, or cpr + targetGroup + fromDate' : 'cpr + externalId, or cpr + type + startDate';
}
