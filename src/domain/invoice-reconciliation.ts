/**
 * Provider invoices against delivery (issue 4 point 5; rule R-DEL-1, domain spec §9): every invoice line
 * (grant, period, hours, amount) is compared with the contacts logged and confirmed in its period. Lines
 * billing more than the logged hours beyond the tolerance, or billing a period without any logged
 * contact, go to a worklist and block payment until a caseworker has reviewed them (R-DEL-1, E11:
 * "payment approval is blocked pending caseworker review"). Approval takes two different people
 * (four-eyes: one attests, another approves).
 */
import { compareDates, type CalendarDate } from './calendar-date.ts';
import type { Finding, RuleId } from './finding.ts';

/** A line is over when invoiced − logged hours > max(hours, share × logged hours). */
export type InvoiceTolerance = { hours: number; share: number };
export const defaultInvoiceTolerance: InvoiceTolerance = { hours: 0.5, share: 0.1 };

export type InvoiceLineFacts = {
  lineId: number;
  grantId: number;
  periodFrom: CalendarDate;
  periodTo: CalendarDate;
  hours: number;
  amountKr: number;
  /** The grant's approved period (actual end when ended); null when the grant is still a draft. */
  grantPeriod: { from: CalendarDate; to: CalendarDate } | null;
  /** Attended contacts logged in the line's period. */
  loggedHours: number;
  contactCount: number;
  /** The part of the logged hours the citizen has confirmed. */
  confirmedHours: number;
  /** The agreed hourly rate on the line's first day (grant-cost.ts#hourlyRateOn), if any. */
  hourlyRateKr: number | null;
  review: { decision: 'accepted' | 'rejected'; note: string } | null;
};

export const lineFlagCodes = [
  'HOURS_OVER_LOGGED',
  'NO_CONTACT_LOGGED',
  'OUTSIDE_GRANT_PERIOD',
  'AMOUNT_OVER_RATE',
  'HOURS_OVER_CONFIRMED',
] as const;
export type LineFlagCode = (typeof lineFlagCodes)[number];

export type LineFlag = { code: LineFlagCode; rule: RuleId | null; severity: 'error' | 'warning'; message: string };

export type LineStatus = 'ok' | 'flagged' | 'accepted' | 'rejected';

export type LineReconciliation = {
  lineId: number;
  grantId: number;
  periodFrom: CalendarDate;
  periodTo: CalendarDate;
  invoicedHours: number;
  loggedHours: number;
  confirmedHours: number;
  /** Invoiced hours above the logged ones (0 when at or below). */
  excessHours: number;
  amountKr: number;
  /** Invoiced hours × the agreed rate, when a rate is known. */
  expectedAmountKr: number | null;
  flags: LineFlag[];
  status: LineStatus;
  review: InvoiceLineFacts['review'];
};

const hoursText = (h: number) => h.toLocaleString('da-DK', { maximumFractionDigits: 2 });

/** R-DEL-1: one line against the logged and confirmed contacts of its period. */
export function reconcileInvoiceLine(line: InvoiceLineFacts, tolerance: InvoiceTolerance = defaultInvoiceTolerance): LineReconciliation {
  const flags: LineFlag[] = [];
  const excessHours = Math.max(0, line.hours - line.loggedHours);
  const allowed = Math.max(tolerance.hours, tolerance.share * line.loggedHours);
  if (line.hours > 0 && line.contactCount === 0) {
    flags.push({
      code: 'NO_CONTACT_LOGGED',
      rule: 'R-DEL-1',
      severity: 'error',
      message: `Der er faktureret ${hoursText(line.hours)} timer, men ingen kontakt er registreret i perioden.`,
    });
  } else if (excessHours > allowed + 1e-9) {
    flags.push({
      code: 'HOURS_OVER_LOGGED',
      rule: 'R-DEL-1',
      severity: 'error',
      message: `Der er faktureret ${hoursText(line.hours)} timer, men kun registreret ${hoursText(line.loggedHours)} timer i perioden (${hoursText(excessHours)} timer for meget).`,
    });
  }
  if (
    line.grantPeriod === null ||
    compareDates(line.periodFrom, line.grantPeriod.from) < 0 ||
    compareDates(line.grantPeriod.to, line.periodTo) < 0
  ) {
    flags.push({
      code: 'OUTSIDE_GRANT_PERIOD',
      rule: null,
      severity: 'error',
      message: line.grantPeriod === null ? 'Bevillingen er ikke godkendt.' : 'Fakturaperioden ligger uden for bevillingens periode.',
    });
  }
  const expectedAmountKr = line.hourlyRateKr === null ? null : line.hours * line.hourlyRateKr;
  if (expectedAmountKr !== null && line.amountKr - expectedAmountKr > Math.max(1, 0.01 * expectedAmountKr)) {
    flags.push({
      code: 'AMOUNT_OVER_RATE',
      rule: null,
      severity: 'error',
      message: `Beløbet er højere end timerne gange den aftalte timepris (${line.hourlyRateKr!.toLocaleString('da-DK')} kr.).`,
    });
  }
  if (line.hours - line.confirmedHours > allowed + 1e-9 && !flags.some((f) => f.code === 'NO_CONTACT_LOGGED')) {
    flags.push({
      code: 'HOURS_OVER_CONFIRMED',
      rule: 'R-DEL-1',
      severity: 'warning',
      message: `Borgeren har kun bekræftet ${hoursText(line.confirmedHours)} af de fakturerede timer.`,
    });
  }
  const blocking = flags.some((f) => f.severity === 'error');
  const status: LineStatus = line.review ? line.review.decision : blocking ? 'flagged' : 'ok';
  return {
    lineId: line.lineId,
    grantId: line.grantId,
    periodFrom: line.periodFrom,
    periodTo: line.periodTo,
    invoicedHours: line.hours,
    loggedHours: line.loggedHours,
    confirmedHours: line.confirmedHours,
    excessHours,
    amountKr: line.amountKr,
    expectedAmountKr,
    flags,
    status,
    review: line.review,
  };
}

export type InvoiceReconciliation = {
  lines: LineReconciliation[];
  invoicedHours: number;
  loggedHours: number;
  amountKr: number;
  /** Amount of the lines that are ok or accepted on review. */
  payableAmountKr: number;
  /** Lines on the worklist: flagged and not reviewed yet. */
  openLineCount: number;
};

export function reconcileInvoice(input: { lines: readonly InvoiceLineFacts[]; tolerance?: InvoiceTolerance }): InvoiceReconciliation {
  const lines = input.lines.map((l) => reconcileInvoiceLine(l, input.tolerance));
  return {
    lines,
    invoicedHours: lines.reduce((s, l) => s + l.invoicedHours, 0),
    loggedHours: lines.reduce((s, l) => s + l.loggedHours, 0),
    amountKr: lines.reduce((s, l) => s + l.amountKr, 0),
    payableAmountKr: lines.filter((l) => l.status === 'ok' || l.status === 'accepted').reduce((s, l) => s + l.amountKr, 0),
    openLineCount: lines.filter((l) => l.status === 'flagged').length,
  };
}

export type InvoiceStatus = 'received' | 'attested' | 'approved';

/**
 * Approval in two steps by two different people (four-eyes): the first approval attests the invoice,
 * the second, by someone else, approves it for payment. Both are refused while a line is flagged and
 * not reviewed, or while the delivery check has open R-DEL-1 findings for the invoice's grants (E11).
 */
export type InvoiceApprovalRejection = {
  outcome: 'reject';
  reason: 'ALREADY_APPROVED' | 'FOUR_EYES' | 'OPEN_FINDINGS';
  message: string;
  openLines: LineReconciliation[];
  findings: Finding[];
};

export function decideInvoiceApproval(input: {
  status: InvoiceStatus;
  attestedBy: number | null;
  approverId: number;
  reconciliation: InvoiceReconciliation;
  openDeliveryFindings: readonly Finding[];
}): { outcome: 'attest' } | { outcome: 'approve' } | InvoiceApprovalRejection {
  const openLines = input.reconciliation.lines.filter((l) => l.status === 'flagged');
  const reject = (reason: InvoiceApprovalRejection['reason'], message: string): InvoiceApprovalRejection => ({
    outcome: 'reject',
    reason,
    message,
    openLines,
    findings: [...input.openDeliveryFindings],
  });
  if (input.status === 'approved') return reject('ALREADY_APPROVED', 'Fakturaen er allerede godkendt.');
  if (openLines.length > 0 || input.openDeliveryFindings.length > 0) {
    return reject(
      'OPEN_FINDINGS',
      'Fakturaen kan ikke godkendes, før sagsbehandleren har gennemgået de markerede linjer og leveringsfund (R-DEL-1).',
    );
  }
  if (input.status === 'received') return { outcome: 'attest' };
  if (input.attestedBy === input.approverId) {
    return reject('FOUR_EYES', 'Fakturaen skal godkendes af en anden person end den, der attesterede den (fire øjne).');
  }
  return { outcome: 'approve' };
}

/** Checks an invoice before it is stored: periods in order, lines inside the invoice period, no negative amounts. */
/** A problem of an invoice's input: the field (`lines.2.hours`), a reason code for words, an English message. */
export type InvoiceInputProblem = { field: string; reason: string; message: string };

export function invoiceInputProblems(input: {
  periodFrom: CalendarDate;
  periodTo: CalendarDate;
  lines: readonly { periodFrom: CalendarDate; periodTo: CalendarDate; hours: number; amountKr: number }[];
}): InvoiceInputProblem[] {
  const problems: InvoiceInputProblem[] = [];
  if (compareDates(input.periodTo, input.periodFrom) < 0)
    problems.push({ field: 'periodTo', reason: 'PERIOD_REVERSED', message: 'periodTo is before periodFrom' });
  if (input.lines.length === 0) problems.push({ field: 'lines', reason: 'NO_LINES', message: 'an invoice needs at least one line' });
  input.lines.forEach((line, i) => {
    const at = `lines.${i}`;
    if (compareDates(line.periodTo, line.periodFrom) < 0)
      problems.push({ field: `${at}.periodTo`, reason: 'PERIOD_REVERSED', message: 'periodTo is before periodFrom' });
    if (compareDates(line.periodFrom, input.periodFrom) < 0 || compareDates(input.periodTo, line.periodTo) < 0) {
      problems.push({
        field: `${at}.periodFrom`,
        reason: 'OUTSIDE_INVOICE_PERIOD',
        message: 'the line period must lie inside the invoice period',
      });
    }
    if (!Number.isFinite(line.hours) || line.hours < 0)
      problems.push({ field: `${at}.hours`, reason: 'NEGATIVE', message: 'hours must be 0 or more' });
    if (!Number.isFinite(line.amountKr) || line.amountKr < 0)
      problems.push({ field: `${at}.amountKr`, reason: 'NEGATIVE', message: 'amountKr must be 0 or more' });
  });
  return problems;
}
