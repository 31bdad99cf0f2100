import { api } from '../../app/http.ts';

export type Regime = { id: string; name: string; validFrom: string; validTo: string | null; parameters: Record<string, unknown>; sources: string[] };
export type AuditEntry = { id: number; at: string; username: string; action: string; entity: string; citizenId: number | null; criterion: string | null; purpose: string | null };

export const administrationApi = {
  regimes: () => api<{ regimes: Regime[] }>('GET', '/api/regimes'),
  updateRegime: (id: string, body: { validFrom: string; validTo: string | null; parameters: unknown }) => api<Regime>('PUT', `/api/regimes/${encodeURIComponent(id)}`, body),
  settings: () => api<Record<string, unknown>>('GET', '/api/municipality/settings'),
  updateSettings: (body: Record<string, unknown>) => api<Record<string, unknown>>('PUT', '/api/municipality/settings', body),
  audit: (citizenId: string | null) => api<{ entries: AuditEntry[] }>('GET', citizenId ? `/api/audit?citizenId=${encodeURIComponent(citizenId)}` : '/api/audit'),
};
