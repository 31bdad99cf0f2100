import type { Finding } from '../domain/grant-compliance.ts';
import { assessGrantProposal, type GrantInput } from './assess-grant-proposal.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/** The live rule panel: the findings a grant would have, without saving anything. */
export async function checkGrantProposal(
  ctx: UseCaseContext,
  input: GrantInput,
): Promise<{ findings: Finding[]; regime: string; refundClass: string; suggestedEndDate: string }> {
  requirePermission(ctx, 'grant:write');
  const assessment = await assessGrantProposal(ctx, input);
  return {
    findings: assessment.findings,
    regime: assessment.regime.id,
    refundClass: assessment.refundClass,
    suggestedEndDate: assessment.suggestedEndDate,
  };
}
