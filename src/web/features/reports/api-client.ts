import type { ReportTableResponse } from '../../../api/reports/reports.schemas.ts';
import type { ApiAnswer } from '../../app/api-answer.ts';
import { api } from '../../app/http.ts';

export type ReportTable = ReportTableResponse;
export type ReportFilter = {
  report: string;
  firstStartFrom: string;
  firstStartTo: string;
  type: string;
  targetGroup: string;
  horizonMonths: number;
};
export type ReportCitizen = { citizenId: number; name: string; cprMasked: string };

export const reportNames: { key: string; label: string }[] = [
  { key: 'outcome-status', label: 'Status efter første forløb' },
  { key: 'offers-at-horizon', label: 'Forløb i gang ved opfølgning' },
  { key: 'persons-per-year', label: 'Personer pr. år og andel af målgruppen' },
  { key: 'starts-per-month', label: 'Påbegyndte forløb pr. måned' },
  { key: 'age', label: 'Alder' },
  { key: 'gender', label: 'Køn' },
  { key: 'origin', label: 'Herkomst' },
  { key: 'benefit-duration', label: 'Varighed på ydelse før start' },
  { key: 'mentor-duration', label: 'Samlet mentorvarighed' },
  { key: 'providers', label: 'Leverandører' },
];

const query = (f: ReportFilter) =>
  new URLSearchParams({
    firstStartFrom: f.firstStartFrom,
    firstStartTo: f.firstStartTo,
    horizonMonths: String(f.horizonMonths),
    ...(f.type ? { type: f.type } : {}),
    ...(f.targetGroup ? { targetGroups: f.targetGroup } : {}),
  }).toString();

export type PassiveCitizensReport = ApiAnswer<'GET /api/reports/passive-citizens'>;

export const reportsApi = {
  passiveCitizens: (date: string) => api<PassiveCitizensReport>('GET', `/api/reports/passive-citizens?date=${encodeURIComponent(date)}`),
  get: (f: ReportFilter) => api<ReportTable>('GET', `/api/reports/cohort/${f.report}?${query(f)}`),
  exportUrl: (f: ReportFilter, format: 'xlsx' | 'pdf') => `/api/reports/cohort/${f.report}.${format}?${query(f)}`,
  citizens: (f: ReportFilter, row: string, column: string) =>
    api<{ citizens: ReportCitizen[] }>(
      'GET',
      `/api/reports/cohort/${f.report}/citizens?${query(f)}&${new URLSearchParams({ row, column }).toString()}`,
    ),
};
