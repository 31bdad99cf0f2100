import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { importsRepository, type ImportRecord } from '../db/repositories/imports-repository.ts';
import { unverifiedMappingWarning } from '../domain/register-mappings.ts';
import { AppError, isAppError } from '../errors.ts';
import { loadMappingForImport } from './get-register-mapping.ts';
import { importRegisterStatuses, type RegisterImportProgress } from './import-register-statuses.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

const progress = new Map<number, RegisterImportProgress>();
/** Progress of running imports (register and case history), by import id. */
export { progress as importProgress };

/**
 * The API's register import: recorded in `imports`, run in the background (all or nothing), with the
 * lines read so far as progress, the bad lines with their numbers when it fails, and warnings (an
 * unverified mapping). An unknown mapping is refused before anything starts (INVALID_INPUT).
 */
export async function startRegisterImport(
  ctx: UseCaseContext,
  input: ({ csv: string } | { uploadedFile: string }) & { layout: 'long' | 'wide'; mapping: string },
): Promise<{ id: number }> {
  // An uploaded file (multipart) is a temporary copy: it is removed when the import ends or is refused.
  const removeUpload = async () => {
    if ('uploadedFile' in input) await rm(input.uploadedFile, { force: true });
  };
  let mapping: Awaited<ReturnType<typeof loadMappingForImport>>;
  try {
    requirePermission(ctx, 'outcomes:import');
    mapping = await ctx.db.transaction((tx) => loadMappingForImport({ ...ctx, db: tx }, input.mapping));
  } catch (error) {
    await removeUpload();
    throw error;
  }
  const imports = importsRepository(ctx.db);
  const id = await imports.create({
    municipalityId: ctx.actor.municipalityId,
    kind: `register:${input.layout}:${mapping.name}`,
    createdBy: ctx.actor.userId,
  });
  progress.set(id, { lines: 0, stagedSpells: 0, phase: 'reading' });
  setImmediate(() => {
    void (async () => {
      try {
        const {
          mapping: _mapping,
          warnings,
          ...counts
        } = await importRegisterStatuses(ctx, {
          source: 'csv' in input ? Readable.from([input.csv]) : createReadStream(input.uploadedFile),
          layout: input.layout,
          mapping: String(mapping.id),
          onProgress: (_lines, p) => progress.set(id, p),
        });
        await imports.finish({ id, status: 'done', counts, errors: [], warnings });
      } catch (error) {
        const errors = isAppError(error)
          ? ((error.details?.errors as object[] | undefined) ?? [{ line: Number(error.details?.line ?? 0), message: error.message }])
          : [
              {
                line: 0,
                message: `internal error (${error instanceof Error ? error.name : typeof error}${(error as { code?: unknown })?.code ? ` ${String((error as { code?: unknown }).code)}` : ''}); nothing was imported`,
              },
            ];
        const badLines = isAppError(error) && typeof error.details?.badLines === 'number' ? { badLines: error.details.badLines } : {};
        await imports.finish({
          id,
          status: 'failed',
          counts: badLines,
          errors,
          warnings: mapping.verified ? [] : [unverifiedMappingWarning(mapping.name)],
        });
      } finally {
        progress.delete(id);
        await removeUpload();
      }
    })().catch((error: unknown) => {
      // Recording the outcome failed too (the database went away): the row stays running until the next
      // start marks it failed (fail-interrupted-imports.ts); the process keeps serving.
      console.error(`register import ${id}: could not record its outcome (${error instanceof Error ? error.name : typeof error})`);
    });
  });
  return { id };
}

export async function getImport(
  ctx: UseCaseContext,
  id: number,
): Promise<ImportRecord & { linesRead: number | null; progress: RegisterImportProgress | null }> {
  requirePermission(ctx, 'outcomes:import');
  const record = await importsRepository(ctx.db).findById(ctx.actor.municipalityId, id);
  if (!record) throw new AppError('NOT_FOUND', `Import ${id} not found`);
  // Case-history errors name citizens (masked CPR): only the roles that may run that import read them.
  if (record.kind.startsWith('case-history:')) requirePermission(ctx, 'history:import');
  const running = progress.get(id) ?? null;
  return { ...record, linesRead: running?.lines ?? null, progress: running };
}
