import { invoicesRepository, type InvoiceLineInput } from '../db/repositories/invoices-repository.ts';
import { providersRepository } from '../db/repositories/providers-repository.ts';
import { isCalendarDate } from '../domain/calendar-date.ts';
import { invoiceInputProblems } from '../domain/invoice-reconciliation.ts';
import { AppError } from '../errors.ts';
import { reconcileInvoiceById, type InvoiceView } from './reconcile-invoice.ts';
import { requirePermission, todayOf, type UseCaseContext } from './use-case-context.ts';

export type InvoiceInput = {
  providerId: number;
  invoiceNumber: string;
  periodFrom: string;
  periodTo: string;
  receivedOn?: string | null;
  lines: InvoiceLineInput[];
};

/**
 * Records a provider's invoice (issue 4 point 5) and reconciles it at once against the logged contacts
 * (R-DEL-1), so flagged lines land on the worklist. All lines are stored or none.
 */
export async function recordInvoice(ctx: UseCaseContext, input: InvoiceInput, source: 'manual' | 'csv' = 'manual'): Promise<InvoiceView> {
  requirePermission(ctx, 'invoice:write');
  const invoiceNumber = input.invoiceNumber.trim();
  if (invoiceNumber === '') throw new AppError('INVALID_INPUT', 'invoiceNumber is required', { field: 'invoiceNumber' });
  const dates: [string, string | null | undefined][] = [
    ['periodFrom', input.periodFrom],
    ['periodTo', input.periodTo],
    ['receivedOn', input.receivedOn],
    ...input.lines.flatMap((l, i): [string, string][] => [
      [`lines.${i}.periodFrom`, l.periodFrom],
      [`lines.${i}.periodTo`, l.periodTo],
    ]),
  ];
  for (const [field, value] of dates) {
    if (value !== undefined && value !== null && !isCalendarDate(value))
      throw new AppError('INVALID_INPUT', `${field} must be a date YYYY-MM-DD`, { field });
  }
  const problems = invoiceInputProblems(input);
  if (problems.length > 0) throw new AppError('INVALID_INPUT', problems[0]!.message, { field: problems[0]!.field, problems });
  const municipalityId = ctx.actor.municipalityId;
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    if (!(await providersRepository(tx).findById(municipalityId, input.providerId, todayOf(ctx)))) {
      throw new AppError('NOT_FOUND', `Provider ${input.providerId} not found`, { field: 'providerId', reason: 'PROVIDER_NOT_FOUND' });
    }
    const invoices = invoicesRepository(tx);
    const links = new Map(
      (
        await invoices.grantLinksOf(
          municipalityId,
          input.lines.map((l) => l.grantId),
        )
      ).map((g) => [g.grantId, g]),
    );
    input.lines.forEach((line, i) => {
      const link = links.get(line.grantId);
      if (!link)
        throw new AppError('INVALID_INPUT', `Grant ${line.grantId} not found`, { field: `lines.${i}.grantId`, reason: 'GRANT_NOT_FOUND' });
      if (link.providerId !== input.providerId) {
        throw new AppError('INVALID_INPUT', `Grant ${line.grantId} is not served by provider ${input.providerId}`, {
          field: `lines.${i}.grantId`,
          reason: 'GRANT_NOT_OF_PROVIDER',
        });
      }
    });
    const id = await invoices.create({
      municipalityId,
      providerId: input.providerId,
      invoiceNumber,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      receivedOn: input.receivedOn ?? todayOf(ctx),
      source,
      recordedBy: ctx.actor.userId,
      lines: input.lines,
    });
    return reconcileInvoiceById(txCtx, id);
  });
}
