import { invoicesRepository } from '../db/repositories/invoices-repository.ts';
import { AppError } from '../errors.ts';
import { reconcileInvoiceById, type InvoiceView } from './reconcile-invoice.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/**
 * R-DEL-1: the caseworker's review of an invoice line on the worklist — accept it for payment (with the
 * reason, e.g. hours delivered but logged late) or reject it. Only before the invoice is attested.
 */
export async function reviewInvoiceLine(
  ctx: UseCaseContext,
  input: { invoiceId: number; lineId: number; decision: 'accepted' | 'rejected'; note: string },
): Promise<InvoiceView> {
  requirePermission(ctx, 'invoice:approve');
  const note = input.note.trim();
  if (note === '') throw new AppError('INVALID_INPUT', 'A review needs a note explaining the decision', { field: 'note' });
  return ctx.db.transaction(async (tx) => {
    const invoices = invoicesRepository(tx);
    const invoice = await invoices.findById(ctx.actor.municipalityId, input.invoiceId);
    if (!invoice) throw new AppError('NOT_FOUND', `Invoice ${input.invoiceId} not found`);
    if (invoice.status !== 'received')
      throw new AppError('CONFLICT', `Invoice ${input.invoiceId} is ${invoice.status}; its lines can no longer be reviewed`);
    const updated = await invoices.reviewLine({ municipalityId: ctx.actor.municipalityId, ...input, note, reviewedBy: ctx.actor.userId });
    if (!updated) throw new AppError('NOT_FOUND', `Line ${input.lineId} not found on invoice ${input.invoiceId}`);
    return reconcileInvoiceById({ ...ctx, db: tx }, input.invoiceId);
  });
}
