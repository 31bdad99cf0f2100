import { agreementVersionsRepository } from '../db/repositories/agreement-versions-repository.ts';
import { renderAgreementPdf } from '../documents/agreement-pdf.ts';
import type { AgreementDocument } from '../domain/agreement-document.ts';
import { assessGrantProposal, grantInputOf } from './assess-grant-proposal.ts';
import { buildGrantAgreement } from './build-grant-agreement.ts';
import { loadVisibleGrant } from './get-grant.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export type GrantAgreement = { document: AgreementDocument; pdf: Uint8Array; version: number | null };

/**
 * An approved grant's agreement is the stored immutable version; a draft's is a preview built now.
 * Every export is audited (R-PRV-1).
 */
export async function getGrantAgreement(ctx: UseCaseContext, grantId: number, format: 'document' | 'pdf'): Promise<GrantAgreement> {
  requirePermission(ctx, 'grant:read');
  const grant = await loadVisibleGrant(ctx, grantId);
  const stored = await agreementVersionsRepository(ctx.db).findLatest(ctx.actor.municipalityId, grantId);
  await recordAudit(ctx, { action: format === 'pdf' ? 'export' : 'read', entity: 'agreement', citizenIds: [grant.citizenId] });
  if (stored) return { document: stored.document as AgreementDocument, pdf: stored.pdf, version: stored.version };
  const assessment = await assessGrantProposal(ctx, grantInputOf(grant), grantId);
  const document = await buildGrantAgreement(ctx, { grant, regime: assessment.regime, settings: assessment.settings });
  return { document, pdf: format === 'pdf' ? await renderAgreementPdf(document) : new Uint8Array(), version: null };
}
