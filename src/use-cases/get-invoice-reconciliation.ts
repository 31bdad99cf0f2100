import { reconcileInvoiceById } from './reconcile-invoice.ts';
import { invoicesRepository } from '../db/repositories/invoices-repository.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';
import type { InvoiceView } from './reconcile-invoice.ts';

/**
 * GET /api/invoices/{id}/reconciliation: each line against the logged and confirmed contacts of its
 * period (R-DEL-1). The lines concern citizens' grants, so the read is logged (R-PRV-1).
 */
export async function getInvoiceReconciliation(ctx: UseCaseContext, invoiceId: number): Promise<InvoiceView> {
  requirePermission(ctx, 'invoice:read');
  const view = await reconcileInvoiceById(ctx, invoiceId);
  const links = await invoicesRepository(ctx.db).grantLinksOf(
    ctx.actor.municipalityId,
    view.reconciliation.lines.map((l) => l.grantId),
  );
  await recordAudit(ctx, { action: 'read', entity: 'invoice', citizenIds: [...new Set(links.map((l) => l.citizenId))] });
  return view;
}
