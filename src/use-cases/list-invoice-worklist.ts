import { invoicesRepository } from '../db/repositories/invoices-repository.ts';
import type { LineReconciliation } from '../domain/invoice-reconciliation.ts';
import { reconcileInvoiceById } from './reconcile-invoice.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/** R-DEL-1 worklist: flagged, unreviewed lines of invoices not yet attested. */
export async function listInvoiceWorklist(
  ctx: UseCaseContext,
): Promise<(LineReconciliation & { invoiceId: number; invoiceNumber: string; providerName: string })[]> {
  requirePermission(ctx, 'invoice:read');
  const invoices = await invoicesRepository(ctx.db).list({ municipalityId: ctx.actor.municipalityId, status: 'received', limit: 500 });
  const worklist = [];
  for (const invoice of invoices) {
    const view = await reconcileInvoiceById(ctx, invoice.id);
    for (const line of view.reconciliation.lines) {
      if (line.status === 'flagged')
        worklist.push({ ...line, invoiceId: invoice.id, invoiceNumber: invoice.invoiceNumber, providerName: invoice.providerName });
    }
  }
  return worklist;
}
