import { contactsRepository } from '../db/repositories/contacts-repository.ts';
import { deliveriesRepository } from '../db/repositories/deliveries-repository.ts';
import { invoicesRepository, type InvoiceRecord } from '../db/repositories/invoices-repository.ts';
import { compareDates, maxDate, minDate } from '../domain/calendar-date.ts';
import type { Finding } from '../domain/finding.ts';
import { hourlyRateOn } from '../domain/grant-cost.ts';
import { reconcileHours } from '../domain/hours-reconciliation.ts';
import { reconcileInvoice, type InvoiceLineFacts, type InvoiceReconciliation } from '../domain/invoice-reconciliation.ts';
import { roundHours, roundKr } from '../domain/money.ts';
import { AppError } from '../errors.ts';
import { loadEconomySettings } from './load-economy-settings.ts';
import { loadGrantEconomyFacts, type LoadedGrantFacts } from './load-grant-economy-facts.ts';
import { loadMunicipalSettings } from './load-municipal-settings.ts';
import { todayOf, type UseCaseContext } from './use-case-context.ts';

export type InvoiceView = Omit<InvoiceRecord, 'lines'> & {
  reconciliation: InvoiceReconciliation;
  /** R-DEL-1 findings of the delivery check for the invoice's grants and period, not yet reviewed. */
  openDeliveryFindings: Finding[];
};

/**
 * R-DEL-1 (E11): the delivery check's hours shortfalls (delivered below granted × (1 − tolerance), per
 * ISO week, hours-reconciliation.ts) for each grant of the invoice inside the invoice period. They block
 * payment until a caseworker has reviewed the grant's lines on this invoice (a line review with a note
 * is that review).
 */
async function openDeliveryFindingsOf(ctx: UseCaseContext, invoice: InvoiceRecord, grants: LoadedGrantFacts[]): Promise<Finding[]> {
  const settings = await loadMunicipalSettings(ctx);
  const findings: Finding[] = [];
  for (const grant of grants) {
    if (invoice.lines.some((l) => l.grantId === grant.grantId && l.review !== null)) continue;
    const period = {
      startDate: maxDate(grant.startDate, invoice.periodFrom),
      endDate: minDate(grant.actualEndDate ?? grant.plannedEndDate, invoice.periodTo),
    };
    if (compareDates(period.startDate, period.endDate) > 0) continue;
    const contacts = await contactsRepository(ctx.db).listByGrantId(ctx.actor.municipalityId, grant.grantId);
    const { findings: shortfalls } = reconcileHours({
      period,
      weeklyHours: grant.weeklyHours,
      contacts: contacts.map((c) => ({
        date: c.at.slice(0, 10),
        minutes: c.minutes,
        attended: c.attended,
        confirmed: c.confirmedAt !== null,
      })),
      tolerance: settings.hoursShortfallTolerance,
      asOf: todayOf(ctx),
    });
    findings.push(...shortfalls.map((f) => ({ ...f, message: `Bevilling ${grant.grantId}: ${f.message}` })));
  }
  return findings;
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
    openDeliveryFindings: await openDeliveryFindingsOf(ctx, invoice, facts.grants),
  };
}
