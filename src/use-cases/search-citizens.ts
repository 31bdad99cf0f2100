import { citizensRepository, type CitizenListRecord, type CitizenSort } from '../db/repositories/citizens-repository.ts';
import { visibleCitizenIds } from './citizen-scope.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export type CitizenListPage = { citizens: CitizenListRecord[]; total: number; page: number; pageSize: number };

/**
 * The citizen list (issue 14): search by name fragment or CPR prefix, paged and sorted, with the total.
 * `mine`: only citizens of grants the actor created or approved (the schema records no other
 * responsible caseworker). The search criterion itself is audited (R-PRV-1), a CPR masked.
 */
export async function searchCitizens(
  ctx: UseCaseContext,
  input: { text: string; page?: number; pageSize?: number; sort?: CitizenSort; descending?: boolean; mine?: boolean },
): Promise<CitizenListPage> {
  requirePermission(ctx, 'citizen:read');
  const onlyIds = await visibleCitizenIds(ctx);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 50;
  const { citizens, total } = await citizensRepository(ctx.db).search({
    municipalityId: ctx.actor.municipalityId,
    text: input.text,
    onlyIds,
    caseworkerUserId: input.mine ? ctx.actor.userId : null,
    sort: input.sort ?? 'name',
    descending: input.descending ?? false,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  // A CPR typed as criterion is personal data too: log it masked.
  const criterion = /^[0-9\s-]{6,}$/.test(input.text.trim())
    ? `cpr:${input.text.replace(/[^0-9]/g, '').slice(0, 6)}…`
    : `text:${input.text}`;
  await recordAudit(ctx, { action: 'search', entity: 'citizen', criterion: input.mine ? `${criterion} mine` : criterion });
  return { citizens, total, page, pageSize };
}
