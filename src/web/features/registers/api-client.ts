import type { Static } from 'typebox';
import type { MentorSchema, ProviderSchema } from '../../../api/registers/registers.schemas.ts';
import { api } from '../../app/http.ts';

/** The registers as the API answers them (api/registers/registers.schemas.ts). */
export type Provider = Static<typeof ProviderSchema>;
export type Mentor = Static<typeof MentorSchema>;

export const registersApi = {
  providers: () => api<{ providers: Provider[] }>('GET', '/api/providers'),
  createProvider: (body: { name: string; type: string; hourlyRate?: number | null }) => api<Provider>('POST', '/api/providers', body),
  mentors: () => api<{ mentors: Mentor[] }>('GET', '/api/mentors'),
  createMentor: (body: Record<string, unknown>) => api<Mentor>('POST', '/api/mentors', body),
  updateMentor: (id: number, body: Record<string, unknown>) => api<Mentor>('PATCH', `/api/mentors/${id}`, body),
};

export const providerTypes = ['internal', 'employment_centre', 'external', 'company', 'education', 'volunteer'];
