import type { ApiAnswer } from '../../app/api-answer.ts';
import { api } from '../../app/http.ts';

export type Regime = {
  id: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  parameters: Record<string, unknown>;
  sources: string[];
};
/** The grants a draft regime would change (use-cases/report-regime-changes.ts), as the API answers it. */
export type RegimeChangeReport = ApiAnswer<'GET /api/regimes/:id/changes'>;
export type AuditEntry = {
  id: number;
  at: string;
  username: string;
  action: string;
  entity: string;
  citizenId: number | null;
  criterion: string | null;
  purpose: string | null;
};

export type UserRole = 'caseworker' | 'mentor' | 'coordinator' | 'manager' | 'admin';
export type UserView = { id: number; username: string; name: string; role: UserRole; active: boolean; mentorId: number | null };

export const administrationApi = {
  users: () => api<{ users: UserView[] }>('GET', '/api/users'),
  createUser: (body: { username: string; name: string; role: UserRole; password?: string | null; mentorId?: number | null }) =>
    api<UserView & { oneTimePassword: string | null }>('POST', '/api/users', body),
  updateUser: (id: number, body: { name?: string; role?: UserRole; active?: boolean; mentorId?: number | null }) =>
    api<UserView>('PATCH', `/api/users/${id}`, body),
  resetPassword: (id: number) => api<{ oneTimePassword: string }>('POST', `/api/users/${id}/password-reset`),
  regimes: () => api<{ regimes: Regime[] }>('GET', '/api/regimes'),
  updateRegime: (id: string, body: { validFrom: string; validTo: string | null; parameters: unknown }) =>
    api<Regime>('PUT', `/api/regimes/${encodeURIComponent(id)}`, body),
  confirmRegime: (id: string, note: string) => api<Regime>('POST', `/api/regimes/${encodeURIComponent(id)}/confirm`, { note }),
  regimeChanges: (id: string) => api<RegimeChangeReport>('GET', `/api/regimes/${encodeURIComponent(id)}/changes`),
  settings: () => api<Record<string, unknown>>('GET', '/api/municipality/settings'),
  updateSettings: (body: Record<string, unknown>) => api<Record<string, unknown>>('PUT', '/api/municipality/settings', body),
  /** The access log; `query` holds the filters as URL parameters (citizenId, cpr, from, to, username, action, page). */
  audit: (query: URLSearchParams) =>
    api<{ entries: AuditEntry[]; total: number; page: number; pageSize: number }>('GET', `/api/audit?${query.toString()}`),
  auditExportUrl: (query: URLSearchParams) => `/api/audit/export.csv?${query.toString()}`,
};
