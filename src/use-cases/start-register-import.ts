import { Readable } from 'node:stream';
import { importsRepository, type ImportRecord } from '../db/repositories/imports-repository.ts';
import { AppError, isAppError } from '../errors.ts';
import { importRegisterStatuses } from './import-register-statuses.ts';
import type { UseCaseContext } from './use-case-context.ts';

const progress = new Map<number, number>();
/** Lines read so far by running imports (register and case history), by import id. */
export { progress as importProgress };

/**
 * The API's register import: recorded in `imports`, run in the background (all or nothing), with the
 * lines read so far as progress and the bad lines with their numbers when it fails.
 */
export async function startRegisterImport(ctx: UseCaseContext, input: { csv: string; layout: 'long' | 'wide'; mapping: 'dst' }): Promise<{ id: number }> {
  if (!['admin', 'coordinator', 'manager'].includes(ctx.actor.role)) throw new AppError('FORBIDDEN', 'Only admins, coordinators and managers import register data');
  const imports = importsRepository(ctx.db);
  const id = await imports.create({ municipalityId: ctx.actor.municipalityId, kind: `register:${input.layout}:${input.mapping}`, createdBy: ctx.actor.userId });
  progress.set(id, 0);
  setImmediate(() => {
    void (async () => {
      try {
        const result = await importRegisterStatuses(ctx, { source: Readable.from([input.csv]), layout: input.layout, mapping: input.mapping, onProgress: (lines) => progress.set(id, lines) });
        await imports.finish({ id, status: 'done', counts: result, errors: [] });
      } catch (error) {
        const errors = isAppError(error) ? ((error.details?.errors as object[] | undefined) ?? [{ line: Number(error.details?.line ?? 0), message: error.message }]) : [{ line: 0, message: String(error) }];
        await imports.finish({ id, status: 'failed', counts: {}, errors });
      } finally {
        progress.delete(id);
      }
    })();
  });
  return { id };
}

export async function getImport(ctx: UseCaseContext, id: number): Promise<ImportRecord & { linesRead: number | null }> {
  if (!['admin', 'coordinator', 'manager'].includes(ctx.actor.role)) throw new AppError('FORBIDDEN', 'Only admins, coordinators and managers see imports');
  const record = await importsRepository(ctx.db).findById(ctx.actor.municipalityId, id);
  if (!record) throw new AppError('NOT_FOUND', `Import ${id} not found`);
  // Case-history errors name citizens (masked CPR): only the roles that may run that import read them.
  if (record.kind.startsWith('case-history:') && !['admin', 'coordinator'].includes(ctx.actor.role)) throw new AppError('FORBIDDEN', 'Only admins and coordinators see case-history imports');
  return { ...record, linesRead: progress.get(id) ?? null };
}
