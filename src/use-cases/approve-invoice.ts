import { invoicesRepository } from '../db/repositories/invoices-repository.ts';
import { decideInvoiceApproval } from '../domain/invoice-reconciliation.ts';
import { AppError } from '../errors.ts';
import { reconcileInvoiceById, type InvoiceView } from './reconcile-invoice.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/**
 * Four-eyes approval of a provider invoice: the first approval attests it, the second — by another
 * person — approves it for payment. Both are refused (422) while lines are flagged and unreviewed or
 * R-DEL-1 delivery findings are open (E11).
 */
export async function approveInvoice(ctx: UseCaseContext, invoiceId: number): Promise<InvoiceView> {
  requirePermission(ctx, 'invoice:approve');
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const view = await reconcileInvoiceById(txCtx, invoiceId);
    const decision = decideInvoiceApproval({
      status: view.status,
      attestedBy: view.attestedBy,
      approverId: ctx.actor.userId,
      reconciliation: view.reconciliation,
      openDeliveryFindings: view.openDeliveryFindings,
    });
    if (decision.outcome === 'reject') {
      if (decision.reason === 'ALREADY_APPROVED') throw new AppError('CONFLICT', `Invoice ${invoiceId} is already approved`);
      throw new AppError('RULE_VIOLATED', decision.message, {
        reason: decision.reason,
        openLines: decision.openLines.map((l) => ({ lineId: l.lineId, grantId: l.grantId, flags: l.flags })),
        findings: decision.findings,
      });
    }
    const invoices = invoicesRepository(tx);
    const done =
      decision.outcome === 'attest'
        ? await invoices.markAttested(ctx.actor.municipalityId, invoiceId, ctx.actor.userId)
        : await invoices.markApproved(ctx.actor.municipalityId, invoiceId, ctx.actor.userId);
    if (!done) throw new AppError('CONFLICT', `Invoice ${invoiceId} changed meanwhile; try again`);
    return reconcileInvoiceById(txCtx, invoiceId);
  });
}
