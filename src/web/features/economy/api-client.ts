import type { ApiAnswer } from '../../app/api-answer.ts';
import { api, postCsv, type Finding } from '../../app/http.ts';

/** The economy overview of one budget year (domain/economy-overview.ts), as the API answers it. */
export type Economy = ApiAnswer<'GET /api/economy/:year'>;
/** One row of a breakdown table; only the refund-class rows carry `refundKr`. */
export type Breakdown = Economy['byMentorType'][number] & { refundKr?: number };
export type EconomyMonth = Economy['byMonth'][number];

export type InvoiceSummary = {
  id: number;
  providerName: string;
  invoiceNumber: string;
  periodFrom: string;
  periodTo: string;
  status: string;
  amountKr: number;
  hours: number;
  openLineCount: number;
  attestedByName: string | null;
  approvedByName: string | null;
};
export type InvoiceLine = {
  lineId: number;
  grantId: number;
  periodFrom: string;
  periodTo: string;
  invoicedHours: number;
  loggedHours: number;
  confirmedHours: number;
  excessHours: number;
  amountKr: number;
  flags: { code: string; rule: string | null; message: string }[];
  status: string;
};
export type InvoiceReconciliation = InvoiceSummary & {
  reconciliation: { lines: InvoiceLine[]; payableAmountKr: number; openLineCount: number };
  openDeliveryFindings: Finding[];
};

export const invoicesApi = {
  list: () => api<{ invoices: InvoiceSummary[] }>('GET', '/api/invoices'),
  reconciliation: (id: number) => api<InvoiceReconciliation>('GET', `/api/invoices/${id}/reconciliation`),
  reviewLine: (id: number, lineId: number, body: { decision: 'accepted' | 'rejected'; note: string }) =>
    api<unknown>('POST', `/api/invoices/${id}/lines/${lineId}/review`, body),
  approve: (id: number) => api<unknown>('POST', `/api/invoices/${id}/approve`),
  /** A provider's invoice as a CSV file (`text/csv`); a bad file is 400 with every problem in `details.problems`. */
  uploadCsv: (csv: string) => postCsv<InvoiceSummary>('/api/invoices', csv),
};

export type RefundFrame = {
  year: number;
  refundFrameKr: number;
  budgetKr: number;
  fullTimePersons: number | null;
  otherGuidanceSpendKr: number | null;
};

export const economyApi = {
  get: (year: number) => api<Economy>('GET', `/api/economy/${year}`),
  frames: () => api<{ frames: RefundFrame[] }>('GET', '/api/municipality/frames'),
  setFrame: (
    year: number,
    body: { refundFrame: number; budget: number; fullTimePersons?: number | null; otherGuidanceSpend?: number | null },
  ) => api<unknown>('PUT', `/api/municipality/frames/${year}`, body),
};
