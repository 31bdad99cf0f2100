import type { Disagreement, IndicatorDefinition, IndicatorProgress, Respondent } from '../../../domain/progression.ts';
import type { Static } from 'typebox';
import type { AttendanceReportSchema } from '../../../api/follow-up/follow-up.schemas.ts';
import type { ApiAnswer } from '../../app/api-answer.ts';
import { api } from '../../app/http.ts';

export type Indicator = IndicatorDefinition;
/** An instrument version as the API answers it, its indicators typed by the domain (respondents as a union). */
export type Instrument = Omit<ApiAnswer<'GET /api/instruments/:id'>, 'indicators'> & { indicators: Indicator[] };
export type Measurement = {
  id: number;
  measuredOn: string;
  respondent: Respondent;
  entryMode: string;
  enteredByName: string;
  enteredByRole: string;
  round: number;
  values: Record<string, number>;
};
export type Progress = IndicatorProgress;
export type InstrumentProgression = {
  instrument: Instrument;
  measurements: Measurement[];
  progress: Progress[];
  disagreements: Disagreement[];
  due: { round: number; dueDate: string } | null;
};
export type Attendance = { grantId: number; planned: number; attended: number; missed: number; share: number | null };
export type SurveyKind = 'citizen_end' | 'mentor_end';
export type SurveyQuestion = {
  code: string;
  textDa: string;
  textEn: string;
  answerType: 'scale' | 'yes_no' | 'free_text';
  scaleMin?: number;
  scaleMax?: number;
};
export type SurveyResponse = {
  id: number;
  kind: SurveyKind;
  questions: SurveyQuestion[];
  answers: Record<string, number | boolean | string>;
  respondedOn: string;
  entryMode: string;
  enteredByName: string;
};

/** The follow-up reports (use-cases/report-progression.ts, report-satisfaction.ts, report-attendance.ts) as the API answers them. */
export type ProgressionReport = ApiAnswer<'GET /api/reports/progression'>;
export type SatisfactionReport = ApiAnswer<'GET /api/reports/satisfaction'>;
export type AttendanceReport = Static<typeof AttendanceReportSchema>;
export type AttendanceRow = AttendanceReport['total'];

const cohort = (q: { from: string; to: string; type: string }) =>
  `firstStartFrom=${q.from}&firstStartTo=${q.to}${q.type ? `&type=${q.type}` : ''}`;

export type InstrumentBody = Pick<Instrument, 'name' | 'licenceNote' | 'cadenceMonths' | 'disagreementThreshold' | 'indicators'>;

export const followUpApi = {
  instruments: () => api<{ instruments: Instrument[] }>('GET', '/api/instruments'),
  createInstrument: (body: InstrumentBody & { basedOn?: number | null; key?: string | null }) =>
    api<Instrument>('POST', '/api/instruments', body),
  updateSurvey: (kind: SurveyKind, questions: SurveyQuestion[]) =>
    api<{ kind: SurveyKind; version: number; questions: SurveyQuestion[] }>('PUT', `/api/surveys/${kind}`, { questions }),
  progression: (grantId: number) =>
    api<{ grantId: number; instruments: InstrumentProgression[] }>('GET', `/api/grants/${grantId}/progression`),
  recordMeasurement: (
    grantId: number,
    body: { measuredOn: string; respondent: Respondent; entryMode: string; instrumentId: number; values: Record<string, number> },
  ) => api<{ id: number }>('POST', `/api/grants/${grantId}/measurements`, body),
  attendance: (grantId: number) => api<Attendance>('GET', `/api/grants/${grantId}/attendance`),
  survey: (kind: SurveyKind) => api<{ kind: SurveyKind; version: number; questions: SurveyQuestion[] }>('GET', `/api/surveys/${kind}`),
  surveyResponses: (grantId: number) => api<{ responses: SurveyResponse[] }>('GET', `/api/grants/${grantId}/survey-responses`),
  recordSurveyResponse: (
    grantId: number,
    body: { kind: SurveyKind; respondedOn: string; entryMode: string; answers: Record<string, number | boolean | string> },
  ) => api<{ id: number }>('POST', `/api/grants/${grantId}/survey-responses`, body),
  progressionReport: (q: { from: string; to: string; type: string }) =>
    api<ProgressionReport>('GET', `/api/reports/progression?${cohort(q)}`),
  satisfactionReport: (q: { from: string; to: string; type: string }) =>
    api<SatisfactionReport>('GET', `/api/reports/satisfaction?${cohort(q)}`),
  attendanceReport: (q: { from: string; to: string; type: string }) => api<AttendanceReport>('GET', `/api/reports/attendance?${cohort(q)}`),
};
