import { describe, expect, it } from 'vitest';
import {
  decideInvoiceApproval,
  invoiceInputProblems,
  reconcileInvoice,
  reconcileInvoiceLine,
  type InvoiceLineFacts,
} from './invoice-reconciliation.ts';

/** Week 10 of 2026 (2–8 March): Mentorhuset bills a general mentor grant at 425 kr. an hour. */
function buildLine(overrides: Partial<InvoiceLineFacts> = {}): InvoiceLineFacts {
  return {
    lineId: 1,
    grantId: 42,
    periodFrom: '2026-03-02',
    periodTo: '2026-03-08',
    hours: 6,
    amountKr: 2550,
    grantPeriod: { from: '2026-01-05', to: '2026-07-04' },
    loggedHours: 6,
    contactCount: 3,
    confirmedHours: 6,
    hourlyRateKr: 425,
    review: null,
    ...overrides,
  };
}

describe('R-DEL-1 invoice line against logged contacts', () => {
  it('flags an invoice for 10 hours in a week with 6 logged', () => {
    // Week 10: the mentor logged three contacts of 2 hours; the provider bills 10 hours, 4,250 kr.
    const line = reconcileInvoiceLine(buildLine({ hours: 10, amountKr: 4250 }));
    expect(line.status).toBe('flagged');
    expect(line.excessHours).toBe(4);
    expect(line.flags.map((f) => [f.code, f.rule, f.severity])).toContainEqual(['HOURS_OVER_LOGGED', 'R-DEL-1', 'error']);
    expect(line.flags.find((f) => f.code === 'HOURS_OVER_LOGGED')!.message).toContain('10 timer');
  });

  it('accepts a line within the tolerance (6.5 hours billed, 6 logged)', () => {
    const line = reconcileInvoiceLine(buildLine({ hours: 6.5, amountKr: 2762.5, confirmedHours: 6.5 }));
    expect(line.status).toBe('ok');
    expect(line.flags).toEqual([]);
  });

  it('flags billed hours in a week without any logged contact', () => {
    const line = reconcileInvoiceLine(buildLine({ loggedHours: 0, contactCount: 0, confirmedHours: 0 }));
    expect(line.flags.map((f) => f.code)).toEqual(['NO_CONTACT_LOGGED']);
  });

  it('flags an amount above hours × the agreed rate and a period outside the grant', () => {
    const line = reconcileInvoiceLine(buildLine({ amountKr: 3000, grantPeriod: { from: '2026-03-04', to: '2026-07-04' } }));
    expect(line.flags.map((f) => f.code)).toEqual(['OUTSIDE_GRANT_PERIOD', 'AMOUNT_OVER_RATE']);
  });

  it('warns, without blocking, when the citizen has confirmed fewer hours than billed', () => {
    const line = reconcileInvoiceLine(buildLine({ confirmedHours: 2 }));
    expect(line.flags.map((f) => [f.code, f.severity])).toEqual([['HOURS_OVER_CONFIRMED', 'warning']]);
    expect(line.status).toBe('ok');
  });

  it('takes the caseworker’s review as the line’s status', () => {
    const review = { decision: 'accepted' as const, note: 'Ekstra møde med kommunen, aftalt telefonisk' };
    expect(reconcileInvoiceLine(buildLine({ hours: 10, review })).status).toBe('accepted');
  });
});

describe('four-eyes approval', () => {
  const clean = reconcileInvoice({ lines: [buildLine()] });
  const flagged = reconcileInvoice({ lines: [buildLine({ hours: 10, amountKr: 4250 })] });

  it('attests first, then approves by another person', () => {
    expect(
      decideInvoiceApproval({ status: 'received', attestedBy: null, approverId: 7, reconciliation: clean, openDeliveryFindings: [] }),
    ).toEqual({ outcome: 'attest' });
    expect(
      decideInvoiceApproval({ status: 'attested', attestedBy: 7, approverId: 8, reconciliation: clean, openDeliveryFindings: [] }),
    ).toEqual({ outcome: 'approve' });
  });

  it('refuses the second approval by the person who attested', () => {
    const decision = decideInvoiceApproval({
      status: 'attested',
      attestedBy: 7,
      approverId: 7,
      reconciliation: clean,
      openDeliveryFindings: [],
    });
    expect(decision).toMatchObject({ outcome: 'reject', reason: 'FOUR_EYES' });
  });

  it('is blocked by a flagged line and by open R-DEL-1 delivery findings', () => {
    expect(
      decideInvoiceApproval({ status: 'received', attestedBy: null, approverId: 7, reconciliation: flagged, openDeliveryFindings: [] }),
    ).toMatchObject({
      outcome: 'reject',
      reason: 'OPEN_FINDINGS',
    });
    const finding = { rule: 'R-DEL-1' as const, severity: 'error' as const, message: 'Leverede timer under det aftalte', source: 'E11' };
    expect(
      decideInvoiceApproval({
        status: 'received',
        attestedBy: null,
        approverId: 7,
        reconciliation: clean,
        openDeliveryFindings: [finding],
      }),
    ).toMatchObject({
      outcome: 'reject',
      reason: 'OPEN_FINDINGS',
      findings: [finding],
    });
  });

  it('pays only ok and accepted lines', () => {
    const mixed = reconcileInvoice({
      lines: [buildLine(), buildLine({ lineId: 2, hours: 10, amountKr: 4250, review: { decision: 'rejected', note: 'Ikke leveret' } })],
    });
    expect(mixed).toMatchObject({ amountKr: 6800, payableAmountKr: 2550, openLineCount: 0 });
  });
});

describe('invoice input', () => {
  it('names the field of each problem', () => {
    const problems = invoiceInputProblems({
      periodFrom: '2026-03-01',
      periodTo: '2026-03-31',
      lines: [{ periodFrom: '2026-02-23', periodTo: '2026-03-01', hours: -1, amountKr: 100 }],
    });
    expect(problems.map((p) => p.field)).toEqual(['lines.0.periodFrom', 'lines.0.hours']);
  });
});
