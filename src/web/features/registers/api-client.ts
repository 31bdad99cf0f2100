import { api } from '../../app/http.ts';

export type Provider = { id: number; name: string; type: string; hourlyRate: number | null };
export type Mentor = {
  id: number;
  name: string;
  providerId: number;
  providerName: string;
  phone: string | null;
  email: string | null;
  specialties: string[];
  languages: string[];
  qualifications: string[];
  weeklyCapacityHours: number | null;
  hasAuthorityRole: boolean;
  active: boolean;
  providerType: string;
  trainingModules: { module: number; completedOn: string }[];
};

export const registersApi = {
  providers: () => api<{ providers: Provider[] }>('GET', '/api/providers'),
  createProvider: (body: { name: string; type: string; hourlyRate?: number | null }) => api<Provider>('POST', '/api/providers', body),
  mentors: () => api<{ mentors: Mentor[] }>('GET', '/api/mentors'),
  createMentor: (body: Record<string, unknown>) => api<Mentor>('POST', '/api/mentors', body),
  updateMentor: (id: number, body: Record<string, unknown>) => api<Mentor>('PATCH', `/api/mentors/${id}`, body),
};

export const providerTypes = ['internal', 'employment_centre', 'external', 'company', 'education', 'volunteer'];
