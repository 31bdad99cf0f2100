import type { Finding } from '../domain/grant-compliance.ts';
import { grantTypesOffered } from '../domain/legal-regime.ts';
import type { GrantType } from '../domain/mentor-grant.ts';
import { assessGrantProposal, type GrantInput } from './assess-grant-proposal.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/**
 * The live rule panel: the findings a grant would have, without saving anything, and the mentor types the
 * regime of the agreement date offers (R-REG-1), so the wizard lists only those.
 */
export async function checkGrantProposal(
  ctx: UseCaseContext,
  input: GrantInput,
): Promise<{
  findings: Finding[];
  regime: string;
  regimeName: string;
  offeredTypes: GrantType[];
  /** R-REG-2: an unconfirmed regime that would cover the agreement date (the UI says it is not confirmed). */
  draftRegime: { id: string; name: string; validFrom: string } | null;
  refundClass: string;
  suggestedEndDate: string;
}> {
  requirePermission(ctx, 'grant:write');
  const assessment = await assessGrantProposal(ctx, input);
  return {
    findings: assessment.findings,
    regime: assessment.regime.id,
    regimeName: assessment.regime.name,
    offeredTypes: grantTypesOffered(assessment.regime),
    draftRegime: assessment.draftRegime
      ? { id: assessment.draftRegime.id, name: assessment.draftRegime.name, validFrom: assessment.draftRegime.validFrom }
      : null,
    refundClass: assessment.refundClass,
    suggestedEndDate: assessment.suggestedEndDate,
  };
}
