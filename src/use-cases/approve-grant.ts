import { agreementVersionsRepository } from '../db/repositories/agreement-versions-repository.ts';
import { grantsRepository } from '../db/repositories/grants-repository.ts';
import { renderAgreementPdf } from '../documents/agreement-pdf.ts';
import { decideGrantApproval } from '../domain/grant-compliance.ts';
import { AppError } from '../errors.ts';
import { assessGrantProposal, grantInputOf } from './assess-grant-proposal.ts';
import { buildGrantAgreement } from './build-grant-agreement.ts';
import { loadVisibleGrant, type GrantView } from './get-grant.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/**
 * Approval is refused while any error-level rule fails (422 RULE_VIOLATED with the findings). On
 * approval the written agreement is stored as an immutable version (document + PDF).
 */
export async function approveGrant(ctx: UseCaseContext, grantId: number): Promise<GrantView> {
  requirePermission(ctx, 'grant:approve');
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const grant = await loadVisibleGrant(txCtx, grantId);
    if (grant.status !== 'draft') throw new AppError('CONFLICT', `Grant ${grantId} is already ${grant.status}`);
    const assessment = await assessGrantProposal(txCtx, grantInputOf(grant), grantId);
    const decision = decideGrantApproval({ findings: assessment.findings });
    if (decision.outcome === 'reject') {
      const rules = decision.findings.filter((f) => f.severity === 'error').map((f) => f.rule);
      throw new AppError('RULE_VIOLATED', `Grant ${grantId} breaks ${[...new Set(rules)].join(', ')}`, { findings: decision.findings });
    }
    const grants = grantsRepository(tx);
    // Two approvals of one draft at once: the second waits for the first's row lock, then finds no draft.
    if (!(await grants.markApproved(ctx.actor.municipalityId, grantId, ctx.actor.userId))) {
      throw new AppError('CONFLICT', `Grant ${grantId} was approved by someone else meanwhile`);
    }
    const approved = (await grants.findById(ctx.actor.municipalityId, grantId))!;
    const document = await buildGrantAgreement(txCtx, { grant: approved, regime: assessment.regime, settings: assessment.settings });
    const pdf = await renderAgreementPdf(document);
    await agreementVersionsRepository(tx).create({
      municipalityId: ctx.actor.municipalityId,
      grantId,
      document,
      pdf,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(txCtx, { action: 'update', entity: 'grant', citizenIds: [grant.citizenId] });
    return { ...approved, findings: assessment.findings };
  });
}
