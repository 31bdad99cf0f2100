import { api } from '../../app/http.ts';

export type Citizen = { id: number; name: string; cprMasked: string; birthDate: string; gender: string | null; origin: string | null };
export type CitizenListRow = Citizen & { latestGrantStart: string | null };
/** The codes of a citizen's gender and origin (api/citizens/citizens.schemas.ts), shown through the i18n `e`. */
export const genders = ['female', 'male', 'other'] as const;
export const origins = ['danish', 'western', 'non_western'] as const;
export type CitizenSort = 'name' | 'birthDate' | 'latestGrant';
export type CitizenListQuery = { q: string; page: number; sort: CitizenSort; direction: 'asc' | 'desc'; mine: boolean };
export type TargetGroupSpell = { id: number; group: string; visitation: string | null; from: string; to: string | null };
export type GrantSummary = {
  id: number;
  type: string;
  status: string;
  regime: string;
  refundClass: string;
  startDate: string;
  endDate: string;
  actualEndDate: string | null;
  mentorName: string | null;
  weeklyHours: number;
};

export type Offer = { id: number; type: string; startDate: string; endDate: string | null };
export type MatchingProfile = {
  postcode: string | null;
  language: string | null;
  barriers: string[];
  preferredMentorGender: 'female' | 'male' | null;
};

export const citizensApi = {
  list: (query: CitizenListQuery & { pageSize: number }) =>
    api<{ citizens: CitizenListRow[]; total: number; page: number; pageSize: number }>(
      'GET',
      `/api/citizens?${new URLSearchParams({
        q: query.q,
        page: String(query.page),
        limit: String(query.pageSize),
        sort: query.sort,
        direction: query.direction,
        ...(query.mine ? { mine: 'true' } : {}),
      }).toString()}`,
    ),
  create: (body: { cpr: string; name: string; gender?: string | null; origin?: string | null }) =>
    api<Citizen>('POST', '/api/citizens', body),
  get: (id: number) => api<{ citizen: Citizen; targetGroups: TargetGroupSpell[]; grants: GrantSummary[] }>('GET', `/api/citizens/${id}`),
  addTargetGroup: (id: number, body: { group: string; visitation: string | null; from: string; to: string | null }) =>
    api<TargetGroupSpell>('POST', `/api/citizens/${id}/target-groups`, body),
  offers: (id: number) => api<{ offers: Offer[] }>('GET', `/api/citizens/${id}/offers`),
  addOffer: (id: number, body: { type: string; startDate: string; endDate: string | null }) =>
    api<Offer>('POST', `/api/citizens/${id}/offers`, body),
  matchingProfile: (id: number) => api<MatchingProfile>('GET', `/api/citizens/${id}/matching-profile`),
  saveMatchingProfile: (id: number, body: MatchingProfile) => api<MatchingProfile>('PUT', `/api/citizens/${id}/matching-profile`, body),
};
