import { grantsRepository } from '../db/repositories/grants-repository.ts';
import { AppError } from '../errors.ts';
import { assessGrantProposal, grantInputOf, type GrantInput } from './assess-grant-proposal.ts';
import { loadVisibleGrant, type GrantView } from './get-grant.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/** Only drafts change; an approved grant is changed by ending it or continuing it in a new period. */
export async function updateGrantDraft(ctx: UseCaseContext, grantId: number, changes: Partial<GrantInput>): Promise<GrantView> {
  requirePermission(ctx, 'grant:write');
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const grant = await loadVisibleGrant(txCtx, grantId);
    if (grant.status !== 'draft') throw new AppError('CONFLICT', `Grant ${grantId} is ${grant.status}; only drafts can be edited`);
    const input: GrantInput = { ...grantInputOf(grant), ...changes, citizenId: grant.citizenId };
    const assessment = await assessGrantProposal(txCtx, input, grantId);
    const grants = grantsRepository(tx);
    await grants.updateDraft(ctx.actor.municipalityId, grantId, assessment.fields);
    await recordAudit(txCtx, { action: 'update', entity: 'grant', citizenIds: [grant.citizenId] });
    return { ...(await grants.findById(ctx.actor.municipalityId, grantId))!, findings: assessment.findings };
  });
}
