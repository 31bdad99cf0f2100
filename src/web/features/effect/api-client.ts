import type { EffectResultInput } from '../../../domain/effect-words.ts';
import type { ApiAnswer } from '../../app/api-answer.ts';
import { api } from '../../app/http.ts';

// Written out rather than derived: the schema inferred from the test suite's answers knows only the
// warning params and result fields those answers happened to carry, and the page reads all of them
// (analytics/effect-estimate.ts `EffectEstimate` and use-cases/run-effect-analysis.ts are the source;
// the parts the words need are shared through domain/effect-words.ts).
type Balance = { covariate: string; meanTreated: number; meanControl: number; smdBefore: number | null; smdAfter: number | null };
export type AnalysisResult = EffectResultInput & {
  nControl: number;
  balance: Balance[];
  maxAbsSmdAfter: number;
  scoreHistogram: { treated: number[]; control: number[] };
  eventTime?: { month: number; treated: number; comparison: number }[];
};
export type AnalysisParameters = { type?: string; firstStartFrom?: string; firstStartTo?: string; horizonMonths?: number };
/** A saved analysis (use-cases/run-effect-analysis.ts `AnalysisJob`) as the API answers it, with its results written out. */
export type Analysis = Omit<ApiAnswer<'GET /api/analyses/:id'>, 'results'> & { results: AnalysisResult[] };

export const effectApi = {
  list: () => api<Analysis[]>('GET', '/api/analyses'),
  get: (id: string) => api<Analysis>('GET', `/api/analyses/${id}`),
  start: (body: { type: string; firstStartFrom: string; firstStartTo: string; horizonMonths: number }) =>
    api<ApiAnswer<'POST /api/analyses/effect', '202'>>('POST', '/api/analyses/effect', body),
  remove: (id: string) => api<void>('DELETE', `/api/analyses/${id}`),
};
