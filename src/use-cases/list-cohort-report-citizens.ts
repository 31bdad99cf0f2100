import { cohortReportsRepository } from '../db/repositories/cohort-reports-repository.ts';
import { hasPermission } from '../domain/access-policy.ts';
import { AppError } from '../errors.ts';
import { visibleCitizenIds } from './citizen-scope.ts';
import { recordAudit } from './record-audit.ts';
import { type UseCaseContext } from './use-case-context.ts';
import { cohortReportSpecOf, validateCohortReportInput, type CohortReportInput } from './report-cohort.ts';

/** The citizens behind one cell (drill-down), for roles that may see citizens; audited as a search. */
export async function listCohortReportCitizens(
  ctx: UseCaseContext,
  input: CohortReportInput & { row: string; column: string },
): Promise<{ citizens: { citizenId: number; name: string; cprMasked: string }[] }> {
  validateCohortReportInput(ctx, input);
  if (!hasPermission(ctx.actor.role, 'citizen:read'))
    throw new AppError('FORBIDDEN', 'Only roles that may see citizens can open a report cell', { permission: 'citizen:read' });
  const spec = await cohortReportSpecOf(ctx, input);
  if (!spec.rows.some((r) => r.key === input.row) || !spec.columns.some((c) => c.key === input.column)) {
    throw new AppError('INVALID_INPUT', `No cell ${input.row}/${input.column} in the report ${input.report}`, { field: 'row' });
  }
  const visible = await visibleCitizenIds(ctx);
  const ids = [...new Set(spec.units.filter((u) => u.row === input.row && u.column === input.column).map((u) => u.citizenId))].filter(
    (id) => visible === null || visible.includes(id),
  );
  const citizens = await cohortReportsRepository(ctx.db).citizensByIds(ctx.actor.municipalityId, ids);
  await recordAudit(ctx, {
    action: 'search',
    entity: 'cohort_report',
    citizenIds: citizens.map((c) => c.citizenId),
    criterion: `report:${input.report}:${input.firstStartFrom}..${input.firstStartTo}:${input.type ?? 'all'}:${input.targetGroups?.join('+') ?? 'all'}:${input.row}/${input.column}`,
  });
  return { citizens };
}
