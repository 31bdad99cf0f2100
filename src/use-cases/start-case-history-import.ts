import type { Database } from '../db/database.ts';
import type { JobData, JobQueue, JobRun } from '../db/job-queue.ts';
import { importInputsRepository } from '../db/repositories/import-inputs-repository.ts';
import { importsRepository } from '../db/repositories/imports-repository.ts';
import { caseHistoryKinds, type CaseHistoryKind } from '../domain/case-history-csv.ts';
import { AppError, isAppError } from '../errors.ts';
import { importCaseHistory } from './import-case-history.ts';
import { jobField } from './job-context.ts';
import { importProgress, localImportInputs, runImportJob, sendImportJob } from './start-register-import.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export const caseHistoryImportQueue = 'case-history-import';

/**
 * The API's case-history import: recorded in `imports` as `case-history:<kind>`, run in the background
 * (all or nothing) by the job queue, read through GET /api/imports/{id} like the register import: lines
 * read so far, then the counts, or the bad lines with their numbers.
 */
export async function startCaseHistoryImport(
  ctx: UseCaseContext,
  input: { kind: CaseHistoryKind; csv: string },
  jobs: JobQueue,
): Promise<{ id: number }> {
  requirePermission(ctx, 'history:import');
  const id = await ctx.db.transaction(async (tx) => {
    const created = await importsRepository(tx).create({
      municipalityId: ctx.actor.municipalityId,
      kind: `case-history:${input.kind}`,
      createdBy: ctx.actor.userId,
    });
    if (jobs.kind === 'pg-boss')
      await importInputsRepository(tx).store({ municipalityId: ctx.actor.municipalityId, importId: created, source: [input.csv] });
    return created;
  });
  if (jobs.kind !== 'pg-boss') {
    localImportInputs.set(id, { csv: input.csv });
    importProgress.set(id, { lines: 0, stagedSpells: 0, phase: 'reading' });
  }
  await sendImportJob(ctx, jobs, caseHistoryImportQueue, id, { kind: input.kind });
  return { id };
}

/** The case-history import job (queue `case-history-import`). */
export async function runCaseHistoryImport(db: Database, data: JobData, run: JobRun): Promise<void> {
  const kind = jobField(data, 'kind', 'string');
  if (!(caseHistoryKinds as readonly string[]).includes(kind)) throw new AppError('INVALID_INPUT', 'job data: kind');
  await runImportJob(
    db,
    data,
    run,
    async (ctx, source, importId) => {
      const counts = await importCaseHistory(ctx, {
        kind: kind as CaseHistoryKind,
        source,
        onProgress: (lines) => importProgress.set(importId, { lines, stagedSpells: 0, phase: 'reading' }),
      });
      return { counts };
    },
    (error) => ({
      counts: {},
      errors: isAppError(error)
        ? ((error.details?.errors as object[] | undefined) ?? [{ line: 0, message: error.message }])
        : [{ line: 0, message: 'internal error; nothing was imported' }],
    }),
  );
}
