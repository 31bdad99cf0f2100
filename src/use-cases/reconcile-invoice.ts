import { deliveriesRepository } from '../db/repositories/deliveries-repository.ts';
import { invoicesRepository, type InvoiceRecord } from '../db/repositories/invoices-repository.ts';
import { compareDates } from '../domain/calendar-date.ts';
import type { Finding } from '../domain/finding.ts';
import { hourlyRateOn } from '../domain/grant-cost.ts';
import { reconcileInvoice, type InvoiceLineFacts, type InvoiceReconciliation } from '../domain/invoice-reconciliation.ts';
import { roundHours, roundKr } from '../domain/money.ts';
import { AppError } from '../errors.ts';
import { loadEconomySettings } from './load-economy-settings.ts';
import { loadGrantEconomyFacts } from './load-grant-economy-facts.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export type InvoiceView = Omit<InvoiceRecord, 'lines'> & {
  reconciliation: InvoiceReconciliation;
  /** R-DEL-1 findings of the delivery check for the invoice's grants and period, not yet reviewed. */
  openDeliveryFindings: Finding[];
};

/**
 * R-DEL-1 findings of the delivery feature's hours check (issue 3) for the invoice's grants in its period.
 * TODO(#3): read the open, unreviewed R-DEL-1 findings once the delivery issue's hours reconciliation lands;
 * until then the invoice's own line flags are the only findings that block approval.
 */
async function openDeliveryFindingsOf(_ctx: UseCaseContext, _invoice: InvoiceRecord): Promise<Finding[]> {
  return [];
}

/** Reconciles a stored invoice (no permission check, no audit: for the invoice use cases). */
export async function reconcileInvoiceById(ctx: UseCaseContext, invoiceId: number): Promise<InvoiceView> {
  const municipalityId = ctx.actor.municipalityId;
  const invoice = await invoicesRepository(ctx.db).findById(municipalityId, invoiceId);
  if (!invoice) throw new AppError('NOT_FOUND', `Invoice ${invoiceId} not found`);
  const grantIds = [...new Set(invoice.lines.map((l) => l.grantId))];
  const [settings, facts, deliveries] = await Promise.all([
    loadEconomySettings(ctx),
    loadGrantEconomyFacts(ctx, { from: invoice.periodFrom, to: invoice.periodTo, grantIds }),
    deliveriesRepository(ctx.db).listDaily({ municipalityId, from: invoice.periodFrom, to: invoice.periodTo, grantIds }),
  ]);
  const factsByGrant = new Map(facts.grants.map((g) => [g.grantId, g]));
  const lines: InvoiceLineFacts[] = invoice.lines.map((line) => {
    const grant = factsByGrant.get(line.grantId);
    const inLine = deliveries.filter(
      (d) => d.grantId === line.grantId && compareDates(line.periodFrom, d.date) <= 0 && compareDates(d.date, line.periodTo) <= 0,
    );
    return {
      lineId: line.id,
      grantId: line.grantId,
      periodFrom: line.periodFrom,
      periodTo: line.periodTo,
      hours: line.hours,
      amountKr: line.amountKr,
      grantPeriod: grant ? { from: grant.startDate, to: grant.actualEndDate ?? grant.plannedEndDate } : null,
      loggedHours: inLine.reduce((s, d) => s + d.hours, 0),
      confirmedHours: inLine.reduce((s, d) => s + d.confirmedHours, 0),
      contactCount: inLine.reduce((s, d) => s + d.contactCount, 0),
      hourlyRateKr: grant ? (hourlyRateOn(grant.rates, line.periodFrom)?.hourlyRateKr ?? null) : null,
      review: line.review ? { decision: line.review.decision, note: line.review.note } : null,
    };
  });
  const reconciliation = reconcileInvoice({
    lines,
    tolerance: { hours: settings.invoiceToleranceHours, share: settings.invoiceToleranceShare },
  });
  const { lines: _stored, ...header } = invoice;
  return {
    ...header,
    reconciliation: {
      ...reconciliation,
      lines: reconciliation.lines.map((l) => ({
        ...l,
        loggedHours: roundHours(l.loggedHours),
        confirmedHours: roundHours(l.confirmedHours),
        excessHours: roundHours(l.excessHours),
        expectedAmountKr: l.expectedAmountKr === null ? null : roundKr(l.expectedAmountKr),
      })),
      invoicedHours: roundHours(reconciliation.invoicedHours),
      loggedHours: roundHours(reconciliation.loggedHours),
      amountKr: roundKr(reconciliation.amountKr),
      payableAmountKr: roundKr(reconciliation.payableAmountKr),
    },
    openDeliveryFindings: await openDeliveryFindingsOf(ctx, invoice),
  };
}

/**
 * GET /api/invoices/{id}/reconciliation: each line against the logged and confirmed contacts of its
 * period (R-DEL-1). The lines concern citizens' grants, so the read is logged (R-PRV-1).
 */
export async function getInvoiceReconciliation(ctx: UseCaseContext, invoiceId: number): Promise<InvoiceView> {
  requirePermission(ctx, 'invoice:read');
  const view = await reconcileInvoiceById(ctx, invoiceId);
  const links = await invoicesRepository(ctx.db).grantLinksOf(ctx.actor.municipalityId, view.reconciliation.lines.map((l) => l.grantId));
  await recordAudit(ctx, { action: 'read', entity: 'invoice', citizenIds: [...new Set(links.map((l) => l.citizenId))] });
  return view;
}
