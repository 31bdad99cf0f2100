import { api, postCsv, type Finding } from '../../app/http.ts';

export type Breakdown = {
  key: string;
  label: string;
  courses: number;
  hours: number;
  spendKr: number;
  committedKr: number;
  sharePercent: number;
  refundKr?: number;
};
export type EconomyMonth = {
  month: string;
  spendKr: number;
  plannedKr: number;
  deliveredKr: number;
  invoicedKr: number;
  cumulativeSpendKr: number;
  forecastKr: number;
  cumulativeForecastKr: number;
  cumulativeLowKr: number;
  cumulativeHighKr: number;
};
export type Economy = {
  year: number;
  asOf: string;
  spend: number;
  eligibleSpend: number;
  refund: number;
  refundFrame: number | null;
  overFramePercent: number | null;
  forecast: {
    expected: number;
    low: number;
    high: number;
    spentKr: number;
    committedKr: number;
    expectedNewKr: number;
    earlyEndSharePercent: number;
    method: string;
  };
  budgetKr: number | null;
  refundRate: number;
  refundableSpendKr: number | null;
  refundInsideFrameKr: number;
  refundOutsideFrameKr: number;
  refundLostToFrameKr: number;
  spendBasis: { invoiced: number; delivered: number; planned: number };
  courses: number;
  hours: number;
  averageCostPerCourseKr: number | null;
  averageCostPerHourKr: number | null;
  alerts: { code: string; severity: 'error' | 'warning'; message?: string; month?: string }[];
  byMonth: EconomyMonth[];
  byMentorType: Breakdown[];
  byProviderType: Breakdown[];
  byTargetGroup: Breakdown[];
  byRefundClass: Breakdown[];
  accountingFunctions: { functionCode: string | null; refundClass: string; spendKr: number; note: string | null }[];
  /** LAB § 203 a ceiling (R-FIN-5), from 2026 when the full-time persons are entered. */
  budgetCeiling: {
    ratePerFteKr: number;
    fullTimePersons: number;
    ceilingKr: number;
    mentorSpendKr: number;
    otherGuidanceSpendKr: number;
    totalSpendKr: number;
    overCeilingKr: number;
    percentOfCeiling: number | null;
    withinCeiling: boolean;
    rateVerified: boolean;
    rateSourceNote: string | null;
  } | null;
};

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
