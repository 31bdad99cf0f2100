import { grantsRepository } from '../db/repositories/grants-repository.ts';
import { assessGrantProposal, type GrantInput } from './assess-grant-proposal.ts';
import type { GrantView } from './get-grant.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/**
 * Saves a grant as a draft with its live findings. Error findings do not block saving a draft; they
 * block approval (issue 2 point 4). A continuation is a draft with previousGrantId (R-DUR-2).
 */
export async function grantMentorSupport(ctx: UseCaseContext, input: GrantInput): Promise<GrantView> {
  requirePermission(ctx, 'grant:write');
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const assessment = await assessGrantProposal(txCtx, input);
    const grants = grantsRepository(tx);
    const id = await grants.create(ctx.actor.municipalityId, ctx.actor.userId, assessment.fields);
    await recordAudit(txCtx, { action: 'create', entity: 'grant', citizenIds: [input.citizenId] });
    const grant = (await grants.findById(ctx.actor.municipalityId, id))!;
    return { ...grant, findings: assessment.findings };
  });
}
