import { Readable } from 'node:stream';
import { importsRepository } from '../db/repositories/imports-repository.ts';
import type { CaseHistoryKind } from '../domain/case-history-csv.ts';
import { isAppError } from '../errors.ts';
import { importCaseHistory } from './import-case-history.ts';
import { importProgress } from './start-register-import.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/**
 * The API's case-history import: recorded in `imports` as `case-history:<kind>`, run in the background
 * (all or nothing), read through GET /api/imports/{id} like the register import: lines read so far,
 * then the counts, or the bad lines with their numbers.
 */
export async function startCaseHistoryImport(ctx: UseCaseContext, input: { kind: CaseHistoryKind; csv: string }): Promise<{ id: number }> {
  requirePermission(ctx, 'history:import');
  const imports = importsRepository(ctx.db);
  const id = await imports.create({
    municipalityId: ctx.actor.municipalityId,
    kind: `case-history:${input.kind}`,
    createdBy: ctx.actor.userId,
  });
  importProgress.set(id, { lines: 0, stagedSpells: 0, phase: 'reading' });
  setImmediate(() => {
    void (async () => {
      try {
        const result = await importCaseHistory(ctx, {
          kind: input.kind,
          source: Readable.from([input.csv]),
          onProgress: (lines) => importProgress.set(id, { lines, stagedSpells: 0, phase: 'reading' }),
        });
        await imports.finish({ id, status: 'done', counts: result, errors: [] });
      } catch (error) {
        const errors = isAppError(error)
          ? ((error.details?.errors as object[] | undefined) ?? [{ line: 0, message: error.message }])
          : [{ line: 0, message: 'internal error; nothing was imported' }];
        await imports.finish({ id, status: 'failed', counts: {}, errors });
      } finally {
        importProgress.delete(id);
      }
    })().catch((error: unknown) => {
      // Recording the outcome failed too: the next start marks the row failed (fail-interrupted-imports.ts).
      console.error(`case-history import ${id}: could not record its outcome (${error instanceof Error ? error.name : typeof error})`);
    });
  });
  return { id };
}
