import { grantsRepository } from '../db/repositories/grants-repository.ts';
import { AppError } from '../errors.ts';
import { loadVisibleGrant } from './get-grant.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/**
 * A caseworker discards a draft grant that will not be approved (issue 14), so the citizen keeps no
 * orphan draft. Approved and ended grants are never deleted: they are ended or continued. Audited.
 */
export async function discardGrantDraft(ctx: UseCaseContext, grantId: number): Promise<void> {
  requirePermission(ctx, 'grant:write');
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const grant = await loadVisibleGrant(txCtx, grantId);
    if (grant.status !== 'draft') {
      throw new AppError('CONFLICT', `Grant ${grantId} is ${grant.status}; only drafts can be discarded`, { reason: 'NOT_A_DRAFT' });
    }
    await grantsRepository(tx).deleteDraft(ctx.actor.municipalityId, grantId);
    await recordAudit(txCtx, { action: 'delete', entity: 'grant', citizenIds: [grant.citizenId], criterion: `grant:${grantId} draft` });
  });
}
