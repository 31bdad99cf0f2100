import { invoicesRepository } from '../db/repositories/invoices-repository.ts';
import type { InvoiceStatus } from '../domain/invoice-reconciliation.ts';
import { reconcileInvoiceById, type InvoiceView } from './reconcile-invoice.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export type InvoiceSummary = Omit<InvoiceView, 'reconciliation'> & { openLineCount: number; payableAmountKr: number };

export async function listInvoices(ctx: UseCaseContext, filter: { status?: InvoiceStatus | null } = {}): Promise<InvoiceSummary[]> {
  requirePermission(ctx, 'invoice:read');
  const invoices = await invoicesRepository(ctx.db).list({
    municipalityId: ctx.actor.municipalityId,
    status: filter.status ?? null,
    limit: 200,
  });
  const summaries: InvoiceSummary[] = [];
  for (const invoice of invoices) {
    const { reconciliation, ...view } = await reconcileInvoiceById(ctx, invoice.id);
    summaries.push({ ...view, openLineCount: reconciliation.openLineCount, payableAmountKr: reconciliation.payableAmountKr });
  }
  return summaries;
}
