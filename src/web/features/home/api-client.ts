import type { ApiAnswer } from '../../app/api-answer.ts';
import { api } from '../../app/http.ts';
import type { GrantSummary } from '../citizens/api-client.ts';

export type Worklist = ApiAnswer<'GET /api/worklist'>;
export type WorklistItem = Worklist['items'][number];
// GET /api/grants answered only empty lists in the test suite, so its items are written out here.
export type MyGrants = { grants: (GrantSummary & { citizenName: string })[] };

export const homeApi = {
  worklist: () => api<Pick<Worklist, 'items'>>('GET', '/api/worklist'),
  /** The signed-in caseworker's or mentor's approved grants (the server scopes them to the user). */
  myApprovedGrants: () => api<MyGrants>('GET', '/api/grants?status=approved'),
};
