import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import type { Database } from '../db/database.ts';
import type { JobData, JobQueue, JobRun } from '../db/job-queue.ts';
import { importInputsRepository } from '../db/repositories/import-inputs-repository.ts';
import { importsRepository, type ImportRecord } from '../db/repositories/imports-repository.ts';
import { withoutControlCharacters } from '../domain/control-characters.ts';
import { importPercent } from '../domain/import-progress.ts';
import { unverifiedMappingWarning } from '../domain/register-mappings.ts';
import { AppError, isAppError } from '../errors.ts';
import { loadMappingForImport } from './get-register-mapping.ts';
import { importRegisterStatuses, type RegisterImportProgress } from './import-register-statuses.ts';
import { jobContext, jobField, jobOriginOf } from './job-context.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

const progress = new Map<number, RegisterImportProgress>();
/** Progress of the imports running in this process (register and case history), by import id. */
export { progress as importProgress };
/** Bytes of the input read so far by the imports running in this process, by import id (progress in %). */
const bytesRead = new Map<number, number>();

export const registerImportQueue = 'register-import';

type RegisterImportInput = { csv: string } | { uploadedFile: string; fileName?: string | null };

/**
 * Inputs of imports run by the in-process runner (embedded database): the CSV body or the upload's
 * path, kept in this process. With the PostgreSQL queue the input is stored in the database instead
 * (import_input_parts), so that any process can run the import.
 */
const localInputs = new Map<number, RegisterImportInput | { csv: string }>();
export { localInputs as localImportInputs };

/**
 * The API's register import: recorded in `imports`, run in the background (all or nothing) by the job
 * queue, with the lines read so far as progress, the bad lines with their numbers when it fails, and
 * warnings (an unverified mapping). An unknown mapping is refused before anything starts (INVALID_INPUT).
 */
export async function startRegisterImport(
  ctx: UseCaseContext,
  input: RegisterImportInput & { layout: 'long' | 'wide'; mapping: string },
  jobs: JobQueue,
): Promise<{ id: number }> {
  // An uploaded file (multipart) is a temporary copy: removed once stored in the database, or when the
  // import ends or is refused.
  const removeUpload = async () => {
    if ('uploadedFile' in input) await rm(input.uploadedFile, { force: true });
  };
  const shared = jobs.kind === 'pg-boss';
  const uploadedBytes = 'uploadedFile' in input ? (await stat(input.uploadedFile).catch(() => ({ size: 0 }))).size : 0;
  let mapping: Awaited<ReturnType<typeof loadMappingForImport>>;
  let id: number;
  try {
    requirePermission(ctx, 'outcomes:import');
    mapping = await ctx.db.transaction((tx) => loadMappingForImport({ ...ctx, db: tx }, input.mapping));
    id = await ctx.db.transaction(async (tx) => {
      const created = await importsRepository(tx).create({
        municipalityId: ctx.actor.municipalityId,
        kind: `register:${input.layout}:${mapping.name}`,
        createdBy: ctx.actor.userId,
        fileName: 'uploadedFile' in input ? fileNameOf(input.fileName) : null,
        inputBytes: 'csv' in input ? Buffer.byteLength(input.csv) : (await stat(input.uploadedFile)).size,
      });
      if (shared)
        await importInputsRepository(tx).store({
          municipalityId: ctx.actor.municipalityId,
          importId: created,
          source: 'csv' in input ? [input.csv] : createReadStream(input.uploadedFile),
        });
      return created;
    });
  } catch (error) {
    await removeUpload();
    throw error;
  }
  if (shared) await removeUpload();
  else {
    localInputs.set(id, 'csv' in input ? { csv: input.csv } : { uploadedFile: input.uploadedFile });
    progress.set(id, { lines: 0, stagedSpells: 0, phase: 'reading' });
  }
  await sendImportJob(ctx, jobs, registerImportQueue, id, {
    layout: input.layout,
    mappingId: mapping.id,
    mappingName: mapping.name,
    mappingVerified: mapping.verified,
    // The wide layout's national-size path (foreign keys checked set-based) is chosen by the input's size.
    sizeBytes: 'csv' in input ? Buffer.byteLength(input.csv) : uploadedBytes,
  });
  return { id };
}

/** Queues an import's job; when the queue refuses it, the import fails at once (it would never run). */
export async function sendImportJob(ctx: UseCaseContext, jobs: JobQueue, queue: string, importId: number, data: JobData): Promise<void> {
  try {
    await jobs.send(queue, { ...jobOriginOf(ctx), importId, input: jobs.kind === 'pg-boss' ? 'database' : 'local', ...data });
  } catch (error) {
    await forgetLocalInput(importId);
    await importsRepository(ctx.db).failIfRunning({
      id: importId,
      message: 'The import could not be queued; start it again.',
      code: 'NOT_QUEUED',
    });
    throw error;
  }
}

/** The name the browser gave the uploaded file, for the import history: no folders, no control characters. */
function fileNameOf(name: string | null | undefined): string | null {
  const base = withoutControlCharacters(name ?? '')
    .split(/[\\/]/)
    .pop()!
    .trim()
    .slice(0, 255);
  return base === '' ? null : base;
}

/** Counts the bytes the import reads, for its progress in %; the import itself sees the same stream. */
function countingBytes(source: Readable, importId: number): Readable {
  let bytes = 0;
  bytesRead.set(importId, 0);
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      bytesRead.set(importId, bytes);
      done(null, chunk);
    },
  });
  source.on('error', (error) => counter.destroy(error));
  return source.pipe(counter);
}

async function forgetLocalInput(importId: number): Promise<void> {
  const local = localInputs.get(importId);
  localInputs.delete(importId);
  progress.delete(importId);
  bytesRead.delete(importId);
  if (local && 'uploadedFile' in local) await rm(local.uploadedFile, { force: true });
}

/** The import's input in the process that runs it: from the database (queue) or from this process. */
export function importSource(db: Database, data: JobData, municipalityId: number, importId: number): Readable | null {
  if (jobField(data, 'input', 'string') === 'database') return Readable.from(importInputsRepository(db).read(municipalityId, importId));
  const local = localInputs.get(importId);
  if (!local) return null;
  return 'csv' in local ? Readable.from([local.csv]) : createReadStream(local.uploadedFile);
}

export const lostInputMessage =
  'The process that received the file stopped before the import ran; nothing was imported. Start the import again.';

/**
 * One run of a queued import, in whichever process took the job: skipped when the import already ended;
 * its outcome (counts, or the bad lines) recorded and its stored input deleted in one transaction. When
 * this process stops first (`run.signal`), nothing is recorded: the queue hands the job to another.
 */
export async function runImportJob(
  db: Database,
  data: JobData,
  run: JobRun,
  work: (ctx: UseCaseContext, source: Readable, importId: number) => Promise<{ counts: object; warnings?: string[] }>,
  failure: (error: unknown) => { counts: object; errors: object[]; warnings?: string[] },
): Promise<void> {
  const importId = jobField(data, 'importId', 'number');
  const ctx = await jobContext(db, data).catch(async (error: unknown) => {
    await importsRepository(db).failIfRunning({
      id: importId,
      message: isAppError(error) ? error.message : 'internal error',
      code: 'FAILED',
    });
    throw error;
  });
  const municipalityId = ctx.actor.municipalityId;
  const imports = importsRepository(ctx.db);
  if ((await imports.beginAttempt(importId)) === null) return void (await forgetLocalInput(importId));
  const source = importSource(ctx.db, data, municipalityId, importId);
  if (!source) {
    await imports.failIfRunning({ id: importId, message: lostInputMessage, code: 'INTERRUPTED' });
    return;
  }
  progress.set(importId, { lines: 0, stagedSpells: 0, phase: 'reading' });
  let outcome: { status: 'done' | 'failed'; counts: object; errors: object[]; warnings?: string[] };
  try {
    const done = await work(ctx, countingBytes(source, importId), importId);
    outcome = { status: 'done', errors: [], ...done };
  } catch (error) {
    if (run.signal.aborted) throw error;
    outcome = { status: 'failed', ...failure(error) };
  } finally {
    progress.delete(importId);
    bytesRead.delete(importId);
  }
  if (run.signal.aborted) throw new Error('handed back');
  await ctx.db.transaction(async (tx) => {
    await importsRepository(tx).finish({ id: importId, ...outcome });
    await importInputsRepository(tx).remove(municipalityId, importId);
  });
  await forgetLocalInput(importId);
}

/** The register-import job (queue `register-import`). */
export async function runRegisterImport(db: Database, data: JobData, run: JobRun): Promise<void> {
  const mappingName = jobField(data, 'mappingName', 'string');
  const verified = jobField(data, 'mappingVerified', 'boolean');
  const layout = jobField(data, 'layout', 'string');
  if (layout !== 'long' && layout !== 'wide') throw new AppError('INVALID_INPUT', 'job data: layout');
  await runImportJob(
    db,
    data,
    run,
    async (ctx, source, importId) => {
      const {
        mapping: _mapping,
        warnings,
        ...counts
      } = await importRegisterStatuses(ctx, {
        source,
        layout,
        mapping: String(jobField(data, 'mappingId', 'number')),
        sizeBytes: typeof data.sizeBytes === 'number' ? data.sizeBytes : undefined,
        onProgress: (_lines, p) => progress.set(importId, p),
      });
      return { counts, warnings };
    },
    (error) => {
      const errors = isAppError(error)
        ? ((error.details?.errors as object[] | undefined) ?? [{ line: Number(error.details?.line ?? 0), message: error.message }])
        : [
            {
              line: 0,
              message: `internal error (${error instanceof Error ? error.name : typeof error}${(error as { code?: unknown })?.code ? ` ${String((error as { code?: unknown }).code)}` : ''}); nothing was imported`,
            },
          ];
      const badLines = isAppError(error) && typeof error.details?.badLines === 'number' ? { badLines: error.details.badLines } : {};
      return { counts: badLines, errors, warnings: verified ? [] : [unverifiedMappingWarning(mappingName)] };
    },
  );
}

export async function getImport(
  ctx: UseCaseContext,
  id: number,
): Promise<ImportRecord & { linesRead: number | null; progress: (RegisterImportProgress & { percent: number }) | null }> {
  requirePermission(ctx, 'outcomes:import');
  const record = await importsRepository(ctx.db).findById(ctx.actor.municipalityId, id);
  if (!record) throw new AppError('NOT_FOUND', `Import ${id} not found`);
  // Case-history errors name citizens (masked CPR): only the roles that may run that import read them.
  if (record.kind.startsWith('case-history:')) requirePermission(ctx, 'history:import');
  const running = progress.get(id) ?? null;
  const percent = importPercent({ bytesRead: bytesRead.get(id) ?? 0, inputBytes: record.inputBytes });
  return { ...record, linesRead: running?.lines ?? null, progress: running ? { ...running, percent } : null };
}
