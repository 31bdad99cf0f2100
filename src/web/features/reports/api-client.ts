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

export const reportNames: { key: string; label: { da: string; en: string } }[] = [
  { key: 'outcome-status', label: { da: 'Status efter første forløb', en: 'Status after the first course' } },
  { key: 'offers-at-horizon', label: { da: 'Forløb i gang ved opfølgning', en: 'Courses running at follow-up' } },
  {
    key: 'persons-per-year',
    label: { da: 'Personer pr. år og andel af målgruppen', en: 'Persons per year and share of the target group' },
  },
  { key: 'starts-per-month', label: { da: 'Påbegyndte forløb pr. måned', en: 'Courses started per month' } },
  { key: 'age', label: { da: 'Alder', en: 'Age' } },
  { key: 'gender', label: { da: 'Køn', en: 'Gender' } },
  { key: 'origin', label: { da: 'Herkomst', en: 'Origin' } },
  { key: 'benefit-duration', label: { da: 'Varighed på ydelse før start', en: 'Time on benefit before the start' } },
  { key: 'mentor-duration', label: { da: 'Samlet mentorvarighed', en: 'Total mentor duration' } },
  { key: 'providers', label: { da: 'Leverandører', en: 'Providers' } },
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
