import { citizensRepository, type CitizenRecord } from '../db/repositories/citizens-repository.ts';
import { visibleCitizenIds } from './citizen-scope.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/** Search by name fragment or CPR prefix; the search criterion itself is audited (R-PRV-1). */
export async function searchCitizens(ctx: UseCaseContext, input: { text: string; limit?: number }): Promise<CitizenRecord[]> {
  requirePermission(ctx, 'citizen:read');
  const onlyIds = await visibleCitizenIds(ctx);
  const citizens = await citizensRepository(ctx.db).search({
    municipalityId: ctx.actor.municipalityId,
    text: input.text,
    onlyIds,
    limit: input.limit ?? 50,
  });
  // A CPR typed as criterion is personal data too: log it masked.
  const criterion = /^[0-9\s-]{6,}$/.test(input.text.trim())
    ? `cpr:${input.text.replace(/[^0-9]/g, '').slice(0, 6)}…`
    : `text:${input.text}`;
  await recordAudit(ctx, { action: 'search', entity: 'citizen', criterion });
  return citizens;
}
