import { importsRepository, type ImportHistoryRecord } from '../db/repositories/imports-repository.ts';
import { hasPermission } from '../domain/access-policy.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export const importHistoryPageSize = 50;

/**
 * The import history (issue 14): every register and case-history import of the municipality, newest
 * first, with kind, file, user, start, status and counts. Case-history imports are listed only to the
 * roles that may run them (their errors name citizens, see getImport).
 */
export async function listImports(
  ctx: UseCaseContext,
  input: { page?: number },
): Promise<{ imports: ImportHistoryRecord[]; total: number; page: number; pageSize: number }> {
  requirePermission(ctx, 'outcomes:import');
  const page = input.page ?? 1;
  const { imports, total } = await importsRepository(ctx.db).list({
    municipalityId: ctx.actor.municipalityId,
    withoutKindPrefix: hasPermission(ctx.actor.role, 'history:import') ? null : 'case-history:',
    limit: importHistoryPageSize,
    offset: (page - 1) * importHistoryPageSize,
  });
  return { imports, total, page, pageSize: importHistoryPageSize };
}
